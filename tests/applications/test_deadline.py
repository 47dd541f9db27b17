"""The deadline is the candidate's: until the call closes, a submitted application stays
editable whatever the team does, the team may only set it aside as irrecevable (telling why by
e-mail), and each submission is kept with a digest of its content."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from eig.applications import services
from eig.applications.models import Application, StageTransition, Submission, content_digest
from eig.audit.models import AuditEntry
from tests.applications.helpers import motivation_data, review_url, step_url
from tests.factories import ApplicationFactory, CohortFactory

S = Application.Status
REFUSAL_START = "L’appel à candidatures est ouvert jusqu’au"


@pytest.fixture
def submitted(alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, complete=True)
    return services.submit_application(application=application, by=alice)


def closed_cohort():
    now = timezone.now()
    return CohortFactory(
        application_call_opens_at=now - datetime.timedelta(days=30),
        application_call_closes_at=now - datetime.timedelta(days=1),
    )


# --- The team's moves wait for the closing ---------------------------------------------------


@pytest.mark.parametrize("target", [S.ELIGIBLE])
def test_while_the_call_is_open_the_team_cannot_find_it_eligible(carol, submitted, target):
    with pytest.raises(services.ApplicationRefused) as refused:
        services.move_application(application=submitted, to=target, by=carol)

    assert refused.value.message.startswith(REFUSAL_START)
    assert "reste modifiable par la personne candidate" in refused.value.message
    submitted.refresh_from_db()
    assert submitted.status == S.SUBMITTED
    assert not StageTransition.objects.filter(by=carol).exists()


def test_while_the_call_is_open_only_irrecevable_is_offered(submitted):
    assert submitted.next_stages() == [S.INELIGIBLE]


def test_an_irrecevable_one_is_not_found_eligible_again_before_the_closing(carol, submitted):
    services.move_application(application=submitted, to=S.INELIGIBLE, by=carol, reason="Hors âge")

    assert services.why_not_moved(submitted, S.ELIGIBLE).startswith(REFUSAL_START)


def test_once_the_call_closed_the_team_moves_as_the_state_machine_allows(carol, alice):
    application = ApplicationFactory(
        cohort=closed_cohort(), candidate=alice, status=S.SUBMITTED, submitted_at=timezone.now()
    )

    services.move_application(application=application, to=S.ELIGIBLE, by=carol)

    application.refresh_from_db()
    assert application.status == S.ELIGIBLE


def test_irrecevable_while_open_emails_the_reason_and_the_application_stays_editable(
    carol, submitted, mailoutbox, alice_client, cohort
):
    mailoutbox.clear()

    services.move_application(
        application=submitted, to=S.INELIGIBLE, by=carol, reason="Le CV est illisible."
    )

    [message] = mailoutbox
    assert message.to == ["alice@example.fr"] or message.to == [submitted.official_email]
    assert "Le CV est illisible." in message.body
    assert "vous pouvez modifier votre candidature et la redéposer" in message.body
    assert "http://testserver/mon-espace/" in message.body or "/mon-espace/" in message.body
    submitted.refresh_from_db()
    assert submitted.is_editable()
    page = alice_client.get("/mon-espace/").content.decode()
    assert "Modifier ma candidature" in page
    assert alice_client.get(step_url(cohort, "motivation")).status_code == 200
    assert "<textarea" in alice_client.get(step_url(cohort, "motivation")).content.decode()


def test_a_bulk_move_lists_each_refusal_with_the_reason_on_its_confirmation_page(
    team_client, submitted
):
    page = team_client.get(
        "/equipe/candidatures/etat/",
        {"candidatures": [str(submitted.public_id)], "vers": S.ELIGIBLE},
    ).content.decode()

    assert REFUSAL_START in page
    assert "reste modifiable par la personne candidate" in page


def test_the_team_page_says_why_the_other_stages_wait(team_client, submitted):
    page = team_client.get(f"/equipe/candidatures/{submitted.public_id}/").content.decode()

    assert 'id="moves-wait"' in page
    assert REFUSAL_START in page


def test_the_single_move_view_refuses_with_the_reason(team_client, submitted):
    response = team_client.post(
        f"/equipe/candidatures/{submitted.public_id}/etat/", {"vers": S.ELIGIBLE, "motif": ""}
    )

    assert REFUSAL_START in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == S.SUBMITTED


# --- Submitting again keeps the history -------------------------------------------------------


def test_the_first_submission_is_kept_with_a_digest(submitted):
    [submission] = submitted.submissions.all()
    assert submission.at == submitted.submitted_at
    assert submission.digest == content_digest(submitted)
    assert not submitted.changed_since_submission()


def test_a_change_then_submitting_again_keeps_both_submissions_and_tells_everyone(
    alice_client, alice, submitted, cohort, mailoutbox, carol
):
    team_client = Client()
    team_client.force_login(carol)
    mailoutbox.clear()
    response = alice_client.post(
        step_url(cohort, "motivation"), motivation_data(motivation="Autre chose.")
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.changed_since_submission()
    review = alice_client.get(review_url(cohort)).content.decode()
    assert "Modifiée depuis votre dernier dépôt" in review
    assert "Redéposer ma candidature" in review

    response = alice_client.post(review_url(cohort))

    assert response["Location"] == f"/candidater/{cohort.number}/confirmation/"
    first, again = submitted.submissions.all()
    assert again.at > first.at
    assert again.digest == content_digest(submitted) != first.digest
    submitted.refresh_from_db()
    assert submitted.status == S.SUBMITTED
    assert submitted.submitted_at == first.at  # the first date stays the first
    assert AuditEntry.objects.filter(action="application.resubmitted", actor=alice).count() == 1
    [message] = mailoutbox
    assert "redéposée" in message.subject
    assert "modifiée et redéposée le" in message.body
    for page in (
        alice_client.get("/mon-espace/"),
        alice_client.get(f"/candidater/{cohort.number}/confirmation/"),
        team_client.get(f"/equipe/candidatures/{submitted.public_id}/"),
    ):
        assert ", modifiée et redéposée le " in page.content.decode()
    assert "Aucune modification depuis votre dernier dépôt" in (
        alice_client.get(review_url(cohort)).content.decode()
    )


def test_submitting_again_without_a_change_changes_nothing(alice, submitted, mailoutbox):
    mailoutbox.clear()

    services.submit_application(application=submitted, by=alice)

    assert submitted.submissions.count() == 1
    assert not mailoutbox
    assert not AuditEntry.objects.filter(action="application.resubmitted").exists()


def test_an_application_submitted_before_the_history_keeps_its_first_date(alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)
    assert application.submission_dates() == [application.submitted_at]
    application.motivation = "Changée."
    application.save()

    services.submit_application(application=application, by=alice)

    first, again = Submission.objects.filter(application=application)
    assert first.at == application.submitted_at and first.digest == ""
    assert again.digest == content_digest(application)
