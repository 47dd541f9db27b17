"""The team moves proposals through the stages of the call, along `Proposal.TRANSITIONS` only.

Every move writes a `ProposalTransition` (the history on the proposal's page) and a journal entry;
a bulk move moves what it may and names each proposal it cannot move, with why.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from eig.accounts.roles import is_programme_team
from eig.audit.models import Action
from eig.audit.services import record
from eig.proposals.models import Proposal, ProposalTransition

Status = Proposal.Status
# The stages the team moves proposals to; a draft becomes "déposé" by its authors only.
TEAM_STAGES = [
    Status.ADMISSIBLE,
    Status.INADMISSIBLE,
    Status.SHORTLISTED,
    Status.RETAINED,
    Status.NOT_RETAINED,
    Status.VALIDATED,
]
# The administration is told why its proposal is irrecevable: the reason goes in the e-mail.
REASON_REQUIRED = {Status.INADMISSIBLE}
REASON_MAX = 2000


class ProposalRefused(Exception):
    """A move the rules refuse; `message` tells the team why, in French."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class BulkMove:
    moved: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # (proposal, message) pairs


def label(status):
    return capfirst(Status(status).label)


def next_stages(proposal):
    """The stages the team may move `proposal` to now, in the cycle's order."""
    if proposal.decision_sent_at:
        return []
    return [stage for stage in TEAM_STAGES if proposal.can_become(stage)]


def why_not_moved(proposal, to):
    """Why the team cannot move `proposal` to `to`, or None if it can."""
    if proposal.status == Status.DRAFT:
        return _("C’est un brouillon : seuls ses auteur·e·s peuvent le déposer.")
    if proposal.decision_sent_at:
        # The administration was told its outcome: changing it is a conversation, not a click.
        return _(
            "La décision a déjà été envoyée à l’administration : écrivez-lui directement avant "
            "de changer son étape."
        )
    if proposal.status == to:
        return _("Elle est déjà à l’étape « %(status)s ».") % {"status": label(to)}
    if not proposal.can_become(to):
        allowed = ", ".join(f"« {label(stage)} »" for stage in next_stages(proposal))
        message = _("L’étape « %(current)s » ne mène pas à « %(target)s ».") % {
            "current": label(proposal.status),
            "target": label(to),
        }
        if not allowed:
            return message + " " + _("C’est une étape finale.")
        return message + " " + _("Étapes possibles : %(allowed)s.") % {"allowed": allowed}
    return None


def why_no_move(proposal):
    """Why the page offers no stage to move `proposal` to, or None when it offers some."""
    if next_stages(proposal):
        return None
    if proposal.status == Status.DRAFT or proposal.decision_sent_at:
        return why_not_moved(proposal, Status.SUBMITTED)
    return _("« %(status)s » est une étape finale : aucune étape ne la suit.") % {
        "status": label(proposal.status)
    }


def move_proposal(*, proposal, to, by, reason="", request=None):
    """Move `proposal` to `to`; raises ProposalRefused, changing nothing, when it may not."""
    reason = reason.strip()
    _check_can_move(by, to, reason)
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        refusal = why_not_moved(proposal, to)
        if refusal:
            raise ProposalRefused(refusal)
        _move(proposal, to, by=by, reason=reason, at=timezone.now(), request=request)
    return proposal


def move_proposals(*, proposals, to, by, reason="", request=None):
    """Move each of `proposals` that may move to `to`; the others are listed with why.

    Raises ProposalRefused, moving none, when `by` or a missing reason forbids them all.
    """
    reason = reason.strip()
    _check_can_move(by, to, reason)
    result = BulkMove()
    now = timezone.now()
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().filter(
            pk__in=[proposal.pk for proposal in proposals]
        )
        for proposal in locked.order_by("title", "pk"):
            refusal = why_not_moved(proposal, to)
            if refusal:
                result.refused.append((proposal, refusal))
            else:
                _move(proposal, to, by=by, reason=reason, at=now, request=request)
                result.moved.append(proposal)
    return result


def _check_can_move(user, to, reason):
    if not is_programme_team(user):
        raise ProposalRefused(
            _("Seule l’équipe du programme peut changer l’étape d’une proposition.")
        )
    if to not in TEAM_STAGES:
        raise ProposalRefused(_("Cette étape n’existe pas ou n’est pas celle de l’équipe."))
    if to in REASON_REQUIRED and not reason:
        raise ProposalRefused(
            _("Indiquez le motif : il est obligatoire pour passer à « %(target)s ».")
            % {"target": label(to)}
        )


def _move(proposal, to, *, by, reason, at, request):
    ProposalTransition.objects.create(
        proposal=proposal, from_status=proposal.status, to_status=to, reason=reason, actor=by, at=at
    )
    from_status = proposal.status
    proposal.status = to
    # The reason the administration will read; a proposal found recevable again has none.
    proposal.inadmissible_reason = reason if to == Status.INADMISSIBLE else ""
    proposal.save(update_fields=["status", "inadmissible_reason", "updated_at"])
    record(
        action=Action.PROPOSAL_MOVED,
        actor=by,
        target=proposal,
        request=request,
        data={"from": from_status, "to": to, "reason": reason},
    )
