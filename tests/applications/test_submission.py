"""Submitting: complete only, before the closing instant, all or nothing, once."""

import datetime
import threading
import zoneinfo

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

from eig.applications import services
from eig.applications.models import Application
from eig.challenges.models import Challenge
from tests.applications.helpers import identity_data, motivation_data, review_url, step_url
from tests.factories import ApplicationFactory, CohortFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
SECOND = datetime.timedelta(seconds=1)


def test_the_review_lists_what_is_missing_with_links_to_the_steps(alice_client, alice, cohort):
    ApplicationFactory(cohort=cohort, candidate=alice, first_name="Alice")

    response = alice_client.post(review_url(cohort))

    page = response.content.decode()
    assert "<title>Erreur : Récapitulatif" in page
    assert "Il manque 16 éléments pour déposer la candidature" in page
    assert '<a href="/candidater/3/identite/">Identité et contact : Téléphone</a>' in page
    assert '<a href="/candidater/3/cv/">CV : Votre CV</a>' in page
    assert '<a href="/candidater/3/defis/">Choix des défis : Au moins un défi</a>' in page
    assert Application.objects.get(candidate=alice).status == Application.Status.DRAFT


def test_a_challenge_closed_since_it_was_chosen_must_be_replaced(alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, complete=True)
    application.choices.get().challenge.__class__.objects.update(
        status=Challenge.Status.IN_PROGRESS
    )

    with pytest.raises(services.ApplicationIncomplete) as refused:
        services.submit_application(application=application, by=alice)

    [missing] = refused.value.missing
    assert "n’est plus ouvert : choisissez-en un autre" in missing.label


def test_a_double_submission_gives_one_application_and_one_email(
    alice_client, alice, cohort, mailoutbox
):
    ApplicationFactory(cohort=cohort, candidate=alice, complete=True)

    first = alice_client.post(review_url(cohort))
    second = alice_client.post(review_url(cohort))

    assert first["Location"] == second["Location"] == "/candidater/3/confirmation/"
    application = Application.objects.get(candidate=alice)
    assert application.status == Application.Status.SUBMITTED
    assert len(mailoutbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_give_one_submission_and_one_email(mailoutbox):
    application = ApplicationFactory(complete=True)
    start = threading.Barrier(2)
    outcomes = []

    def submit():
        start.wait()
        try:
            outcomes.append(
                services.submit_application(application=application, by=application.candidate)
            )
        # PostgreSQL makes the second wait for the lock, then find it submitted; SQLite's
        # in-memory test database refuses the second writer outright ("table is locked").
        except OperationalError as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(outcomes) == 2
    if connection.vendor == "postgresql":
        # The second submission waited for the row lock, then found the application submitted.
        assert all(isinstance(outcome, Application) for outcome in outcomes)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    "closes_in_paris, last_second_in_paris",
    [
        # Summer time ends that night and 02:30 happens twice: the deadline is the first one.
        (
            datetime.datetime(2026, 10, 25, 2, 30, tzinfo=PARIS),
            datetime.datetime(2026, 10, 25, 2, 29, 59),
        ),
        # Summer time starts that night: 02:00 jumps to 03:00, so the last second is 01:59:59.
        (
            datetime.datetime(2027, 3, 28, 3, 0, tzinfo=PARIS),
            datetime.datetime(2027, 3, 28, 1, 59, 59),
        ),
    ],
)
def test_the_deadline_is_enforced_to_the_second_across_a_time_change(
    closes_in_paris, last_second_in_paris, db, mailoutbox
):
    # Arithmetic on instants (UTC): on Paris wall-clock times, 03:00 minus one second would be
    # 02:59:59, a time that does not exist on 28 March.
    closes = closes_in_paris.astimezone(datetime.UTC)
    one_second_before, one_second_after = closes - SECOND, closes + SECOND
    assert one_second_before.astimezone(PARIS).replace(tzinfo=None) == last_second_in_paris
    cohort = CohortFactory(
        application_call_opens_at=closes - datetime.timedelta(days=30),
        application_call_closes_at=closes_in_paris,
    )
    in_time = ApplicationFactory(cohort=cohort, complete=True)
    too_late = ApplicationFactory(cohort=cohort, complete=True)

    services.submit_application(application=in_time, by=in_time.candidate, now=one_second_before)
    with pytest.raises(services.ApplicationRefused) as refused:
        services.submit_application(
            application=too_late, by=too_late.candidate, now=one_second_after
        )

    in_time.refresh_from_db()
    too_late.refresh_from_db()
    assert in_time.status == Application.Status.SUBMITTED
    assert in_time.submitted_at == one_second_before
    assert too_late.status == Application.Status.DRAFT
    assert "(heure de Paris)" in refused.value.message
    assert len(mailoutbox) == 1
    with pytest.raises(services.ApplicationRefused):
        services.save_draft_step(
            application=too_late, step="identity", data={}, files={}, now=one_second_after
        )


def test_submitting_through_the_page_just_before_the_closing_time(alice_client, alice, cohort):
    cohort.application_call_closes_at = timezone.now() + datetime.timedelta(seconds=60)
    cohort.save()
    ApplicationFactory(cohort=cohort, candidate=alice, complete=True)

    response = alice_client.post(review_url(cohort))

    assert response["Location"] == "/candidater/3/confirmation/"


def test_submitting_through_the_page_just_after_the_closing_time(alice_client, alice, cohort):
    cohort.application_call_closes_at = timezone.now() - SECOND
    cohort.save()
    ApplicationFactory(cohort=cohort, candidate=alice, complete=True)

    response = alice_client.post(review_url(cohort))

    assert response.status_code == 403
    assert "est clos depuis le" in response.content.decode()
    assert Application.objects.get(candidate=alice).status == Application.Status.DRAFT


def test_a_withdrawn_application_cannot_be_submitted_again(alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)
    services.withdraw_application(application=application, by=alice)

    with pytest.raises(services.ApplicationRefused):
        services.submit_application(application=application, by=alice)


def test_only_the_candidate_submits(alice, erin, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, complete=True)

    with pytest.raises(services.ApplicationRefused):
        services.submit_application(application=application, by=erin)


def test_editing_a_submitted_application_keeps_it_submitted(
    alice_client, alice, cohort, mailoutbox
):
    application = ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)

    response = alice_client.post(step_url(cohort, "identite"), identity_data(city="Rennes"))

    application.refresh_from_db()
    assert response["Location"] == step_url(cohort, "parcours")
    assert application.city == "Rennes"
    assert application.status == Application.Status.SUBMITTED
    assert mailoutbox == []
    page = alice_client.get(response["Location"]).content.decode()
    assert "Vos modifications sont enregistrées." in page
    assert "Déposée le" in page


def test_a_submitted_application_saves_a_step_only_if_it_stays_complete(
    alice_client, alice, cohort
):
    application = ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)

    response = alice_client.post(
        step_url(cohort, "motivation"), motivation_data(motivation="", administration_fit="Neuf")
    )
    autosaved = alice_client.post(
        step_url(cohort, "motivation") + "brouillon/", motivation_data(motivation="")
    ).json()

    page = response.content.decode()
    assert response.status_code == 200
    assert "Renseignez ce champ pour déposer la candidature." in page
    assert "Rien n’est enregistré tant que l’étape n’est pas complète" in page
    assert autosaved["saved"] is False
    application.refresh_from_db()
    assert application.motivation == "Le logiciel libre et l'intérêt général."
    assert application.administration_fit == "En partant des besoins des agents."


def test_a_submitted_application_is_not_saved_while_another_step_is_incomplete(
    alice_client, alice, cohort
):
    application = ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)
    Challenge.objects.update(status=Challenge.Status.IN_PROGRESS)

    response = alice_client.post(step_url(cohort, "identite"), identity_data(city="Nantes"))

    assert "Votre candidature déposée doit rester complète" in response.content.decode()
    application.refresh_from_db()
    assert application.city == "Lyon"
