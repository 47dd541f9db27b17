"""Builders for the défi jury's tests: a call, its proposals (shortlisted), its members."""

import datetime
import itertools

from eig.challenge_jury.models import JuryGroup, JuryMember
from eig.challenge_jury.rhythm import PARIS
from eig.proposals.models import (
    DEFAULT_CRITERIA,
    ChallengeCall,
    ChallengeCallCriterion,
    Proposal,
    ProposalTransition,
)
from tests.factories import CandidateFactory, CohortFactory
from tests.proposals.helpers import make_proposal

_numbers = itertools.count(1)


def make_call(cohort=None, *, starts_on=None, days=2):
    cohort = cohort or CohortFactory(number=100 + next(_numbers))
    starts_on = starts_on or (datetime.date.today() + datetime.timedelta(days=30))
    call = ChallengeCall.objects.create(
        cohort=cohort,
        jury_starts_on=starts_on,
        jury_ends_on=starts_on + datetime.timedelta(days=days - 1),
    )
    for order, (title, details) in enumerate(DEFAULT_CRITERIA):
        ChallengeCallCriterion.objects.create(
            call=call, title=str(title), details=str(details), sort_order=order
        )
    return call


def make_shortlisted(call, *, host=None, author=None, title=None):
    """A proposal of `call` on the jury's shortlist, by an author of its own."""
    number = next(_numbers)
    proposal = make_proposal(
        call=call,
        status=Proposal.Status.SHORTLISTED,
        author=author or CandidateFactory(username=f"agent{number}@ministere.example.org"),
        host=host,
        title=title or f"Défi numéro {number}",
    )
    ProposalTransition.objects.create(
        proposal=proposal,
        from_status=Proposal.Status.ADMISSIBLE,
        to_status=Proposal.Status.SHORTLISTED,
    )
    return proposal


def make_member(call, *, sector="private", expertise="data", host=None, user=None, name=None):
    number = next(_numbers)
    user = user or CandidateFactory(username=f"jure{number}@jury-defis.example.org")
    return JuryMember.objects.create(
        call=call,
        user=user,
        full_name=name or f"Membre {number}",
        email=user.email or user.username,
        sector="public" if host else sector,
        expertise=expertise,
        host=host,
    )


def make_group(
    call,
    *,
    number=1,
    day=None,
    time=datetime.time(9, 0),
    room=1,
    members=(),
    proposals=(),
    lead=None,
):
    from eig.challenge_jury.models import Hearing

    day = day or call.jury_starts_on
    group = JuryGroup.objects.create(
        call=call,
        number=number,
        starts_at=datetime.datetime.combine(day, time, tzinfo=PARIS),
        room=room,
        place=f"Salle {room}",
    )
    for member in members:
        member.group = group
        member.save(update_fields=["group"])
    for proposal in proposals:
        Hearing.objects.create(group=group, proposal=proposal)
    if lead is not None:
        group.lead = lead
        group.save(update_fields=["lead"])
    return group


def matrix_world(cohort, user):
    """For the access matrix: `user` leads a group hearing one défi of `cohort`'s call."""
    call = make_call(cohort)
    proposal = make_shortlisted(call)
    member = make_member(call, user=user, name="Jurée des défis")
    others = [make_member(call) for _ in range(4)]
    group = make_group(call, members=[member, *others], proposals=[proposal], lead=member)
    proposal.hearing.starts_at = group.starts_at
    proposal.hearing.save(update_fields=["starts_at"])
    return {"call": call, "proposal": proposal, "member": member, "group": group}
