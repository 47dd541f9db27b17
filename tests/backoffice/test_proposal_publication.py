"""A validated proposal becomes its promotion's défi, as a draft, in one action."""

import pytest

from eig.audit.models import Action, AuditEntry
from eig.challenges.models import Challenge, HostOrganisation
from eig.proposals.models import Proposal
from eig.proposals.publication import publish_proposal
from eig.proposals.stages import ProposalRefused
from tests.factories import CohortFactory
from tests.proposals.helpers import make_proposal

pytestmark = pytest.mark.django_db
Status = Proposal.Status


def test_a_validated_proposal_becomes_a_draft_defi_with_its_fields(carol):
    cohort = CohortFactory()
    proposal = make_proposal(cohort, status=Status.VALIDATED, fellows_sought=3)

    challenge = publish_proposal(proposal=proposal, by=carol)

    assert challenge.status == Challenge.Status.DRAFT
    assert challenge.cohort == cohort
    assert challenge.host == proposal.host
    assert (challenge.name, challenge.summary) == (proposal.title, proposal.summary)
    assert challenge.problem == proposal.problem
    assert challenge.challenge == proposal.challenge
    assert challenge.expected_results == proposal.expected_results
    assert challenge.fellows_sought == 3
    assert (challenge.location, challenge.remote_policy) == ("Paris", "partial")
    assert challenge.profiles_sought == "Développeur·se\nData scientist"
    assert list(challenge.mentors.values_list("full_name", "email", "role", "job_title")) == [
        ("Anne Opé", "anne.ope@example.gouv.fr", "operational", "Cheffe de projet"),
        ("Paul Strat", "paul@example.gouv.fr", "strategic", ""),
    ]
    proposal.refresh_from_db()
    assert proposal.published_challenge == challenge
    entry = AuditEntry.objects.get(action=Action.PROPOSAL_PUBLISHED)
    assert entry.actor == carol and entry.data["slug"] == challenge.slug


def test_a_new_administration_is_created_once(carol):
    cohort = CohortFactory()
    first = make_proposal(
        cohort,
        status=Status.VALIDATED,
        host=None,
        new_host_ministry="Ministère de la Mer",
        new_host_directorate="Direction des affaires maritimes",
    )
    second = make_proposal(
        cohort,
        status=Status.VALIDATED,
        host=None,
        new_host_ministry="Ministère de la Mer",
        new_host_directorate="Direction des affaires maritimes",
    )

    one = publish_proposal(proposal=first, by=carol)
    two = publish_proposal(proposal=second, by=carol)

    assert one.host == two.host
    assert str(one.host) == "Ministère de la Mer, Direction des affaires maritimes"
    assert HostOrganisation.objects.filter(ministry="Ministère de la Mer").count() == 1
    assert one.slug != two.slug  # same title, two défis


@pytest.mark.parametrize("status", [Status.RETAINED, Status.SUBMITTED, Status.NOT_RETAINED])
def test_a_proposal_not_validated_is_not_published(carol, status):
    proposal = make_proposal(CohortFactory(), status=status)

    with pytest.raises(ProposalRefused, match="validée par le comité"):
        publish_proposal(proposal=proposal, by=carol)

    assert not Challenge.objects.filter(proposal__isnull=False).exists()


def test_publishing_twice_is_refused(carol):
    proposal = make_proposal(CohortFactory(), status=Status.VALIDATED)
    publish_proposal(proposal=proposal, by=carol)

    with pytest.raises(ProposalRefused, match="déjà devenue un défi"):
        publish_proposal(proposal=proposal, by=carol)

    assert Challenge.objects.filter(cohort=proposal.call.cohort).count() == 1


def test_the_page_publishes_then_links_to_the_defi_s_edit_view(team_client):
    proposal = make_proposal(CohortFactory(), status=Status.VALIDATED)
    url = f"/equipe/propositions/{proposal.public_id}/"
    assert 'id="publish"' in team_client.get(url).content.decode()

    response = team_client.post(url + "publier/", follow=True)

    challenge = Challenge.objects.get(proposal=proposal)
    page = response.content.decode()
    assert "créé en brouillon" in page
    assert f"/admin/snippets/challenges/challenge/edit/{challenge.pk}/" in page


def test_the_page_refuses_a_proposal_not_validated_with_a_clear_message(team_client):
    proposal = make_proposal(CohortFactory(), status=Status.RETAINED)

    response = team_client.post(f"/equipe/propositions/{proposal.public_id}/publier/", follow=True)

    refusal = "Seule une proposition validée par le comité devient un défi"
    assert refusal in response.content.decode()
    assert not Challenge.objects.filter(proposal__isnull=False).exists()
