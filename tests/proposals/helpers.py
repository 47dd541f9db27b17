"""Proposals for the tests of every app that reads them: a call of a cohort, and complete
proposals at any stage."""

import datetime

from django.utils import timezone

from eig.proposals.models import (
    ChallengeCall,
    Proposal,
    ProposalAuthor,
    ProposalMentor,
    ProposalSeat,
)
from tests.factories import CandidateFactory, HostOrganisationFactory


def call_of(cohort):
    """`cohort`'s call for défis, closed since yesterday unless it already exists."""
    now = timezone.now()
    return ChallengeCall.objects.get_or_create(
        cohort=cohort,
        defaults={
            "opens_at": now - datetime.timedelta(days=30),
            "closes_at": now - datetime.timedelta(days=1),
        },
    )[0]


def make_proposal(
    cohort=None, *, call=None, status=Proposal.Status.SUBMITTED, author=None, **fields
):
    """A complete proposal of `call` (by default `cohort`'s) at `status`, with an author, two
    seats and two mentors; `fields` override the model's fields."""
    author = author or CandidateFactory()
    values = {
        "title": "Signaux faibles",
        "summary": "Détecter plus tôt les entreprises en difficulté.",
        "problem": "Les difficultés sont repérées trop tard.",
        "challenge": "Croiser les données pour prévenir.",
        "data_and_resources": "Données URSSAF et Banque de France.",
        "expected_results": "Un outil de détection utilisé en région.",
        "fellows_sought": 2,
        "location": "Paris",
        "remote_policy": "partial",
        "submitted_at": timezone.now(),
    }
    if fields.get("host") is None and "new_host_ministry" not in fields:
        fields["host"] = HostOrganisationFactory()
    proposal = Proposal.objects.create(
        call=call or call_of(cohort), status=status, created_by=author, **(values | fields)
    )
    ProposalAuthor.objects.create(
        proposal=proposal, email=author.email, user=author, accepted_at=timezone.now()
    )
    ProposalSeat.objects.create(proposal=proposal, profile="Développeur·se")
    ProposalSeat.objects.create(proposal=proposal, profile="Data scientist")
    ProposalMentor.objects.create(
        proposal=proposal,
        role="operational",
        full_name="Anne Opé",
        job_title="Cheffe de projet",
        email="anne.ope@example.gouv.fr",
    )
    ProposalMentor.objects.create(
        proposal=proposal, role="strategic", full_name="Paul Strat", email="paul@example.gouv.fr"
    )
    return proposal
