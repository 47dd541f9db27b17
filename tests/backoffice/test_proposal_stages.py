"""The stages of a proposal: one state machine, moves one by one or in bulk, history, journal."""

import pytest

from eig.audit.models import Action, AuditEntry
from eig.proposals.models import Proposal, ProposalTransition
from eig.proposals.stages import ProposalRefused, move_proposal, move_proposals, why_not_moved
from tests.factories import CohortFactory
from tests.proposals.helpers import make_proposal

pytestmark = pytest.mark.django_db
Status = Proposal.Status


@pytest.fixture
def proposal():
    return make_proposal(CohortFactory())


def test_a_move_follows_the_state_machine_and_writes_history_and_journal(proposal, carol):
    move_proposal(proposal=proposal, to=Status.ADMISSIBLE, by=carol)
    move_proposal(proposal=proposal, to=Status.SHORTLISTED, by=carol)

    proposal.refresh_from_db()
    assert proposal.status == Status.SHORTLISTED
    moves = list(proposal.transitions.values_list("from_status", "to_status", "actor"))
    assert moves == [
        (Status.SUBMITTED, Status.ADMISSIBLE, carol.pk),
        (Status.ADMISSIBLE, Status.SHORTLISTED, carol.pk),
    ]
    entries = AuditEntry.objects.filter(action=Action.PROPOSAL_MOVED, actor=carol)
    assert [entry.data["to"] for entry in entries.order_by("pk")] == ["admissible", "shortlisted"]
    assert entries.first().target_id == str(proposal.public_id)


def test_a_move_the_state_machine_does_not_allow_is_refused_and_changes_nothing(proposal, carol):
    with pytest.raises(ProposalRefused) as refused:
        move_proposal(proposal=proposal, to=Status.VALIDATED, by=carol)

    assert "ne mène pas à « Validé par le comité »" in refused.value.message
    assert "« Recevable »" in refused.value.message  # the stages it may go to
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED
    assert not ProposalTransition.objects.exists()
    assert not AuditEntry.objects.filter(action=Action.PROPOSAL_MOVED).exists()


def test_irrecevable_needs_a_reason_which_is_kept_for_the_administration(proposal, carol):
    with pytest.raises(ProposalRefused, match="motif"):
        move_proposal(proposal=proposal, to=Status.INADMISSIBLE, by=carol, reason="  ")

    move_proposal(proposal=proposal, to=Status.INADMISSIBLE, by=carol, reason="Hors périmètre")
    proposal.refresh_from_db()
    assert proposal.inadmissible_reason == "Hors périmètre"
    assert proposal.transitions.get().reason == "Hors périmètre"

    # Found recevable again: the old reason would mislead the e-mail.
    move_proposal(proposal=proposal, to=Status.ADMISSIBLE, by=carol)
    proposal.refresh_from_db()
    assert proposal.inadmissible_reason == ""


def test_only_the_team_moves_proposals(proposal):
    with pytest.raises(ProposalRefused, match="équipe du programme"):
        move_proposal(proposal=proposal, to=Status.ADMISSIBLE, by=proposal.created_by)


def test_a_draft_and_a_told_proposal_do_not_move(carol):
    cohort = CohortFactory()
    draft = make_proposal(cohort, status=Status.DRAFT)
    assert "brouillon" in why_not_moved(draft, Status.ADMISSIBLE)
    told = make_proposal(cohort, status=Status.NOT_RETAINED)
    Proposal.objects.filter(pk=told.pk).update(decision_sent_at="2026-01-01T00:00Z")
    told.refresh_from_db()
    with pytest.raises(ProposalRefused, match="déjà été envoyée"):
        move_proposal(proposal=told, to=Status.RETAINED, by=carol)


def test_a_bulk_move_moves_those_it_may_and_names_the_others_with_why(carol):
    cohort = CohortFactory()
    first = make_proposal(cohort, title="Alpha")
    second = make_proposal(cohort, title="Bêta")
    validated = make_proposal(cohort, title="Gamma", status=Status.VALIDATED)

    result = move_proposals(proposals=[first, second, validated], to=Status.ADMISSIBLE, by=carol)

    assert [proposal.title for proposal in result.moved] == ["Alpha", "Bêta"]
    [(refused, why)] = result.refused
    assert refused.title == "Gamma"
    assert "étape finale" in why
    assert ProposalTransition.objects.count() == 2


def test_a_bulk_move_to_irrecevable_without_reason_moves_none(carol):
    proposal = make_proposal(CohortFactory())
    with pytest.raises(ProposalRefused, match="motif"):
        move_proposals(proposals=[proposal], to=Status.INADMISSIBLE, by=carol)
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED


def test_the_page_moves_a_proposal_and_shows_its_history(team_client, proposal):
    url = f"/equipe/propositions/{proposal.public_id}/"

    response = team_client.post(url + "etape/", {"vers": "admissible"})

    assert response.status_code == 302
    page = team_client.get(url).content.decode()
    assert 'id="history"' in page
    assert "déposé → <strong>recevable</strong>" in page


def test_the_page_refuses_irrecevable_without_reason_keeping_what_was_typed(team_client, proposal):
    response = team_client.post(
        f"/equipe/propositions/{proposal.public_id}/etape/", {"vers": "inadmissible", "motif": ""}
    )

    assert response.status_code == 400
    assert "Indiquez le motif" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED


def test_the_bulk_move_asks_then_moves_and_names_the_proposals_left(team_client, carol):
    cohort = CohortFactory()
    movable = make_proposal(cohort, title="Alpha")
    final = make_proposal(cohort, title="Gamma", status=Status.VALIDATED)
    data = {
        "filtres": f"promotion={cohort.number}",
        "propositions": [str(movable.public_id), str(final.public_id)],
        "vers": "admissible",
    }

    confirm = team_client.get("/equipe/propositions/etape/", data)
    assert confirm.status_code == 200
    assert "1 proposition passera" in confirm.content.decode()
    movable.refresh_from_db()
    assert movable.status == Status.SUBMITTED  # the check changes nothing

    done = team_client.post("/equipe/propositions/etape/", data)
    page = done.content.decode()
    assert "1 proposition est passée" in page
    assert 'id="refused"' in page and "Gamma" in page and "étape finale" in page
    movable.refresh_from_db()
    assert movable.status == Status.ADMISSIBLE


def test_the_whole_list_is_not_moved_when_it_changed_since_the_check(team_client, carol):
    cohort = CohortFactory()
    make_proposal(cohort, title="Alpha")
    data = {"filtres": f"promotion={cohort.number}", "portee": "liste", "vers": "admissible"}
    confirm = team_client.get("/equipe/propositions/etape/", data)
    fingerprint = confirm.context["fingerprint"]
    make_proposal(cohort, title="Arrivée entre-temps")

    team_client.post("/equipe/propositions/etape/", data | {"empreinte": fingerprint})

    assert not Proposal.objects.filter(status=Status.ADMISSIBLE).exists()
