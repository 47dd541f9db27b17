"""The proposal authors' role, and which proposals and attachments each person may reach.

An agent reaches only the proposals they author (as creator or invited colleague, once signed
in with the invited address): any other proposal is a 404, as if it did not exist.
"""

from django.http import Http404

from eig.accounts.access import Role
from eig.accounts.roles import is_programme_team
from eig.proposals.models import Proposal, ProposalAttachment

PROPOSAL_AUTHOR = Role(
    "proposal_author", rows=lambda user: Proposal.objects.filter(authors__user=user)
)


def own_proposals(user):
    return Proposal.objects.filter(authors__user=user).distinct()


def proposal_or_404(request, public_id):
    """`request.user`'s own proposal `public_id`; 404 otherwise, for the team as for anyone."""
    proposal = (
        own_proposals(request.user)
        .filter(public_id=public_id)
        .select_related("call__cohort", "host")
        .first()
    )
    if proposal is None:
        raise Http404
    return proposal


def attachment_or_404(request, public_id, pk):
    """An attachment of a proposal the person authors, or any for the programme team."""
    proposals = (
        Proposal.objects.all() if is_programme_team(request.user) else own_proposals(request.user)
    )
    attachment = (
        ProposalAttachment.objects.filter(
            pk=pk, proposal__public_id=public_id, proposal__in=proposals
        )
        .select_related("proposal")
        .first()
    )
    if attachment is None:
        raise Http404
    return attachment
