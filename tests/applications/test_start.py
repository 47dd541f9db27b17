"""/candidater/: sign-in, the open calls, the défi chosen from its page, and closed calls."""

import datetime
import zoneinfo

from django.utils import timezone

from eig.applications.models import Application
from eig.challenges.models import Challenge
from tests.applications.helpers import start, step_url
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def test_signing_in_is_required_and_brings_the_candidate_back(client, db):
    response = client.get("/candidater/?defi=defi-ouvert-1")

    assert response.status_code == 302
    assert response["Location"] == "/connexion/?next=/candidater/%3Fdefi%3Ddefi-ouvert-1"


def test_starting_creates_one_draft_prefilled_with_the_account(alice_client, alice, cohort):
    page = alice_client.get("/candidater/").content.decode()
    assert "Promotion 3" in page
    assert "Commencer ma candidature" in page

    first = start(alice_client, cohort)
    again = start(alice_client, cohort)

    application = Application.objects.get(candidate=alice)
    assert application.status == Application.Status.DRAFT
    assert (application.email, application.first_name) == ("alice@example.fr", "Alice")
    assert first["Location"] == again["Location"] == step_url(cohort, "identite")
    assert "Reprendre ma candidature" in alice_client.get("/candidater/").content.decode()


def test_a_challenge_chosen_on_its_page_is_preselected_once(
    alice_client, alice, cohort, challenges
):
    page = alice_client.get("/candidater/?defi=defi-ouvert-2").content.decode()
    assert "Défi choisi : « Défi ouvert 2 »" in page

    start(alice_client, cohort, defi="defi-ouvert-2")
    start(alice_client, cohort, defi="defi-ouvert-2")
    start(alice_client, cohort, defi="defi-ouvert-3")

    application = Application.objects.get(candidate=alice)
    assert [(c.rank, c.challenge.slug) for c in application.choices.all()] == [
        (1, "defi-ouvert-2"),
        (2, "defi-ouvert-3"),
    ]
    choices_page = alice_client.get(step_url(cohort, "defis")).content.decode()
    assert f'<option value="{challenges[1].pk}" selected>' in choices_page


def test_a_challenge_that_takes_no_application_is_not_preselected(alice_client, alice, cohort):
    ChallengeFactory(cohort=cohort, slug="en-cours", status=Challenge.Status.IN_PROGRESS)

    page = alice_client.get("/candidater/?defi=en-cours").content.decode()
    start(alice_client, cohort, defi="en-cours")

    assert "Ce défi n’accepte pas de candidatures en ce moment." in page
    assert not Application.objects.get(candidate=alice).choices.exists()


def test_a_fourth_challenge_is_not_added(alice_client, alice, cohort, challenges):
    for challenge in challenges:
        start(alice_client, cohort, defi=challenge.slug)

    assert Application.objects.get(candidate=alice).choices.count() == 3


def test_with_two_open_calls_the_candidate_picks_the_cohort(alice_client, alice, cohort):
    other = CohortFactory(
        number=4,
        application_call_opens_at=cohort.application_call_opens_at,
        application_call_closes_at=cohort.application_call_closes_at,
    )

    page = alice_client.get("/candidater/").content.decode()
    start(alice_client, other)

    assert "Promotion 3" in page
    assert "Promotion 4" in page
    assert Application.objects.get(candidate=alice).cohort == other


def test_an_upcoming_call_says_when_it_opens_in_paris_time(alice_client, db):
    CohortFactory(
        number=5,
        application_call_opens_at=datetime.datetime(2040, 3, 26, 9, 0, tzinfo=PARIS),
        application_call_closes_at=datetime.datetime(2040, 4, 26, 9, 0, tzinfo=PARIS),
    )

    page = alice_client.get("/candidater/").content.decode()

    assert "Aucun appel à candidatures ouvert" in page
    assert "ouvrira le 26 mars 2040 à 09h00 (heure de Paris)" in page
    assert "Commencer ma candidature" not in page


def test_a_closed_call_says_when_it_closed_and_refuses_to_start(alice_client, alice, db):
    closed = CohortFactory(
        number=6,
        application_call_opens_at=datetime.datetime(2025, 9, 1, 9, 0, tzinfo=PARIS),
        application_call_closes_at=datetime.datetime(2025, 10, 1, 17, 0, tzinfo=PARIS),
    )

    page = alice_client.get("/candidater/").content.decode()
    response = start(alice_client, closed)

    assert "est clos depuis le 1 octobre 2025 à 17h00 (heure de Paris)" in page
    assert response["Location"] == "/candidater/"
    assert not Application.objects.filter(candidate=alice).exists()


def test_resuming_goes_back_to_the_last_step_saved(alice_client, alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, last_step="motivation")

    assert alice_client.get("/candidater/3/")["Location"] == step_url(cohort, "motivation")
    application.status, application.submitted_at = "submitted", timezone.now()
    application.save()
    assert alice_client.get("/candidater/3/")["Location"] == "/candidater/3/recapitulatif/"


def test_steps_without_an_application_lead_to_the_start(alice_client, cohort):
    assert alice_client.get(step_url(cohort, "identite"))["Location"] == "/candidater/"
    assert alice_client.get("/candidater/3/recapitulatif/")["Location"] == "/candidater/"


def test_unknown_steps_and_cohorts_are_not_found(alice_client, alice, cohort):
    ApplicationFactory(cohort=cohort, candidate=alice)

    assert alice_client.get(step_url(cohort, "inconnue")).status_code == 404
    assert alice_client.get("/candidater/99/identite/").status_code == 404
