"""Who sees what of the défi jury: a member sees the défis of their group only; the authors of a
proposal see its hearing; the programme team sees everything."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from eig.accounts.access import Role
from eig.accounts.roles import is_programme_team
from eig.challenge_jury.models import Hearing, JuryMember
from eig.proposals.models import Proposal

DEFI_JURY = Role("defi_jury", rows=lambda user: JuryMember.objects.filter(user=user))


def memberships(user):
    return JuryMember.objects.filter(user=user).select_related("group", "call__cohort")


def group_proposals(user):
    """The proposals heard by the groups `user` sits in."""
    return Proposal.objects.filter(hearing__group__members__user=user).distinct()


def get_jury_proposal(request, public_id):
    """A défi of the person's group, with their membership; 404 for any other."""
    proposal = (
        group_proposals(request.user)
        .select_related("call__cohort", "host", "hearing__group")
        .filter(public_id=public_id)
        .first()
    )
    if proposal is None:
        raise Http404
    member = memberships(request.user).get(group=proposal.hearing.group)
    return proposal, member


def get_own_hearing(request, public_id):
    """The hearing of a proposal the person is an author of; the team may look at any."""
    hearings = Hearing.objects.select_related("group__call__cohort", "proposal")
    if not is_programme_team(request.user):
        hearings = hearings.filter(proposal__authors__user=request.user)
    return get_object_or_404(hearings, proposal__public_id=public_id)
