import datetime

import pytest
from django.utils import timezone

from eig.proposals.models import ChallengeCall, Proposal, ProposalAuthor
from tests.factories import CandidateFactory, CohortFactory, HostOrganisationFactory


@pytest.fixture
def cohort(db):
    return CohortFactory(number=7, year=2030)


@pytest.fixture
def call(cohort):
    """A call for défis open now, closing in three weeks."""
    now = timezone.now()
    return ChallengeCall.objects.create(
        cohort=cohort,
        opens_at=now - datetime.timedelta(days=7),
        closes_at=now + datetime.timedelta(days=21),
        introduction="Proposez un défi numérique d’intérêt général.",
    )


@pytest.fixture
def agent(db):
    """Agathe, an agent of an administration who proposes a défi."""
    return CandidateFactory(username="agathe@ministere.gouv.fr", first_name="Agathe")


@pytest.fixture
def colleague(db):
    return CandidateFactory(username="colin@ministere.gouv.fr", first_name="Colin")


@pytest.fixture
def outsider(db):
    """An agent of another administration, with a proposal of her own."""
    return CandidateFactory(username="olga@autre-ministere.gouv.fr", first_name="Olga")


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


def draft(call, user, **fields):
    proposal = Proposal.objects.create(call=call, created_by=user, **fields)
    ProposalAuthor.objects.create(proposal=proposal, email=user.email, user=user)
    return proposal


def complete(proposal):
    """Fill every step so that the proposal may be submitted."""
    proposal.host = HostOrganisationFactory()
    proposal.title = "Mieux repérer les fraudes"
    proposal.summary = "Repérer plus tôt les fraudes aux aides."
    proposal.problem = "Les contrôles se font au hasard."
    proposal.challenge = "Cibler les contrôles à partir des données."
    proposal.expected_results = "Un outil de ciblage utilisé par les contrôleurs."
    proposal.data_and_resources = "Dix ans de contrôles, en base."
    proposal.location = "Paris"
    proposal.remote_policy = "partial"
    proposal.save()
    proposal.agents.create(full_name="Anne Agent", role="Cheffe de projet", time_share="2 jours")
    proposal.mentors.create(role="operational", full_name="Odile Ops")
    proposal.mentors.create(role="strategic", full_name="Serge Strat")
    proposal.seats.create(profile="développement")
    proposal.seats.create(profile="data science")
    return proposal
