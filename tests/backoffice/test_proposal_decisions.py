"""The decisions told to the administrations: confirmed on a page with real previews, sent once
to every author by the task worker."""

import pytest

from eig.audit.models import Action, AuditEntry
from eig.proposals import decisions
from eig.proposals.models import Proposal, ProposalAuthor
from eig.proposals.stages import move_proposal
from tests.factories import CohortFactory
from tests.proposals.helpers import make_proposal

pytestmark = pytest.mark.django_db
Status = Proposal.Status
SITE = "https://eig.example.gouv.fr"


@pytest.fixture
def cohort():
    return CohortFactory(number=9)


def page_url(cohort, outcome):
    return f"/equipe/propositions/decisions/{cohort.number}/{outcome}/"


def test_the_confirmation_shows_counts_previews_and_who_is_left_out(team_client, cohort):
    told = make_proposal(cohort, title="Validé", status=Status.VALIDATED)
    make_proposal(cohort, title="Encore au comité", status=Status.RETAINED)
    make_proposal(cohort, title="Non retenu", status=Status.NOT_RETAINED)

    response = team_client.get(page_url(cohort, "validated"))

    page = response.content.decode()
    assert "1 administration recevra cet e-mail" in page
    assert "Le comité de pilotage a validé le défi « Validé »" in page
    assert told.created_by.email in page
    assert "Encore au comité" in page and "pas encore validée par le comité" in page
    summary = {row["outcome"]: row["sending"] for row in response.context["summary"]}
    assert len(summary["not_retained"].recipients) == 1


def test_sending_tells_every_author_once_with_the_team_s_message(
    team_client, cohort, carol, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    proposal = make_proposal(cohort, title="Signaux", status=Status.NOT_RETAINED)
    ProposalAuthor.objects.create(proposal=proposal, email="collegue@example.gouv.fr")
    digest = team_client.get(page_url(cohort, "not_retained")).context["sending"].digest

    with django_capture_on_commit_callbacks(execute=True):
        response = team_client.post(
            page_url(cohort, "not_retained"),
            {"empreinte": digest, "message": "Voyez /appel-a-defis/ pour le prochain appel."},
        )

    assert response.status_code == 302
    [message] = mailoutbox
    assert sorted(message.to) == sorted([proposal.created_by.email, "collegue@example.gouv.fr"])
    assert "n’a pas été retenue" in message.body
    assert f"{SITE}/appel-a-defis/ pour le prochain appel" in message.body
    proposal.refresh_from_db()
    assert proposal.decision_sent_at is not None
    entry = AuditEntry.objects.get(action=Action.PROPOSAL_DECISIONS_SENT)
    assert entry.actor == carol and entry.data["count"] == 1

    # Sending twice: refused, nothing goes.
    with django_capture_on_commit_callbacks(execute=True):
        again = team_client.post(
            page_url(cohort, "not_retained"), {"empreinte": digest}, follow=True
        )
    assert "déjà été envoyée" in again.content.decode()
    assert len(mailoutbox) == 1


def test_the_preview_button_shows_the_message_and_sends_nothing(team_client, cohort, mailoutbox):
    make_proposal(cohort, status=Status.VALIDATED)
    digest = team_client.get(page_url(cohort, "validated")).context["sending"].digest

    response = team_client.post(
        page_url(cohort, "validated"),
        {"empreinte": digest, "message": "Rendez-vous le 12 septembre.", "apercu": "1"},
    )

    assert response.status_code == 200
    assert "Rendez-vous le 12 septembre." in response.content.decode()
    assert not mailoutbox
    assert not Proposal.objects.filter(decision_sent_at__isnull=False).exists()


def test_a_list_changed_since_the_confirmation_sends_nothing(team_client, cohort, mailoutbox):
    make_proposal(cohort, status=Status.NOT_RETAINED)
    digest = team_client.get(page_url(cohort, "not_retained")).context["sending"].digest
    make_proposal(cohort, title="Arrivée entre-temps", status=Status.NOT_RETAINED)

    response = team_client.post(
        page_url(cohort, "not_retained"), {"empreinte": digest}, follow=True
    )

    assert "a changé depuis son affichage" in response.content.decode()
    assert not mailoutbox
    assert not Proposal.objects.filter(decision_sent_at__isnull=False).exists()


def test_irrecevable_tells_its_reason(
    cohort, carol, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = make_proposal(cohort)
    move_proposal(proposal=proposal, to=Status.INADMISSIBLE, by=carol, reason="Dossier hors délai")
    call = proposal.call
    sending = decisions.prepare_sending(call, Status.INADMISSIBLE)

    with django_capture_on_commit_callbacks(execute=True):
        decisions.send_decisions(
            call=call, outcome=Status.INADMISSIBLE, by=carol, confirmed=sending.digest
        )

    [message] = mailoutbox
    assert "irrecevable" in message.subject
    assert "Dossier hors délai" in message.body


def test_irrecevable_without_a_reason_is_left_out_with_why(cohort):
    proposal = make_proposal(cohort, status=Status.INADMISSIBLE)

    sending = decisions.prepare_sending(proposal.call, Status.INADMISSIBLE)

    assert sending.recipients == []
    [(left_out, why)] = sending.left_out
    assert left_out == proposal and "sans motif" in why


def test_an_unknown_outcome_is_a_404(team_client, cohort):
    make_proposal(cohort)

    assert team_client.get(page_url(cohort, "retained")).status_code == 404
