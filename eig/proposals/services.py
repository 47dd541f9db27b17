"""What agents do to a proposal: start it, save its steps, submit it, invite colleagues, join
files. The team's moves between stages are in eig/proposals/stages.py."""

import os
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.audit.models import Action
from eig.audit.services import record
from eig.proposals import calls, steps
from eig.proposals.models import Proposal, ProposalAttachment, ProposalAuthor, ProposalTransition
from eig.proposals.tasks import send_author_invitation, send_submission_confirmation

EDITABLE = (Proposal.Status.DRAFT, Proposal.Status.SUBMITTED)


class ProposalRefused(Exception):
    """A change the proposal no longer takes; `message` says why, for the agent."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def why_read_only(proposal, now=None):
    """Why the authors may not change `proposal` at `now`; None while they may."""
    if proposal.status not in EDITABLE:
        return _(
            "Votre proposition est entre les mains de l’équipe du programme : elle ne peut plus "
            "être modifiée. Son étape : %(status)s."
        ) % {"status": proposal.get_status_display()}
    return calls.closed_call_message(proposal.call, now)


def _refuse_if_read_only(proposal, now):
    refusal = why_read_only(proposal, now)
    if refusal:
        raise ProposalRefused(refusal)


def start_proposal(*, call, user, request=None, now=None):
    """A new draft for `call`, its creator as its first author."""
    now = now or timezone.now()
    if not call.is_open(now):
        raise ProposalRefused(calls.closed_call_message(call, now))
    with transaction.atomic():
        proposal = Proposal.objects.create(call=call, created_by=user)
        ProposalAuthor.objects.create(
            proposal=proposal, email=user.email.lower(), user=user, accepted_at=now
        )
        record(action=Action.PROPOSAL_CREATED, actor=user, target=proposal, request=request)
    return proposal


@dataclass
class StepResult:
    form: object
    saved: bool
    missing: list = field(default_factory=list)  # what a submitted proposal would lack


def save_step(*, proposal, step, data, user, request=None, now=None):
    """Save one step. A draft keeps whatever is valid; a submitted proposal changes only when
    the step is valid and the whole proposal stays complete: that becomes its submitted version."""
    now = now or timezone.now()
    _refuse_if_read_only(proposal, now)
    submitted = proposal.status == Proposal.Status.SUBMITTED
    form = step.form_class(data, proposal=proposal, strict=submitted)
    if not form.is_valid():
        if submitted:
            return StepResult(form, saved=False)
        # A draft keeps the fields that passed; the lists change only when all their rows do.
        with transaction.atomic():
            kept = [name for name in form._meta.fields if name not in form.errors]
            if kept:
                Proposal.objects.filter(pk=proposal.pk).update(
                    **{name: form.cleaned_data[name] for name in kept}, updated_at=now
                )
            for formset in form.lists:
                if formset.is_valid():
                    formset.save()
        return StepResult(form, saved=False)
    with transaction.atomic():
        form.save_step()
        if submitted:
            missing = steps.missing_items(proposal)
            if missing:
                transaction.set_rollback(True)
                return StepResult(form, saved=False, missing=missing)
            proposal.submitted_at = now
            proposal.save(update_fields=["submitted_at", "updated_at"])
            record(
                action=Action.PROPOSAL_EDITED_AFTER_SUBMISSION,
                actor=user,
                target=proposal,
                request=request,
                data={"step": step.key},
            )
    return StepResult(form, saved=True)


@dataclass
class Submission:
    proposal: Proposal
    already: bool  # submitted before: nothing changed


def submit(*, proposal, user, request=None, now=None):
    """Submit a complete draft, once: a second click or a replayed post changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != Proposal.Status.DRAFT:
            return Submission(proposal, already=True)
        _refuse_if_read_only(proposal, now)
        missing = steps.missing_items(proposal)
        if missing:
            raise ProposalRefused(
                _("Votre proposition n’est pas complète : %(count)s élément(s) à compléter.")
                % {"count": len(missing)}
            )
        proposal.status = Proposal.Status.SUBMITTED
        proposal.submitted_at = now
        proposal.save(update_fields=["status", "submitted_at", "updated_at"])
        ProposalTransition.objects.create(
            proposal=proposal,
            from_status=Proposal.Status.DRAFT,
            to_status=Proposal.Status.SUBMITTED,
            actor=user,
            at=now,
        )
        record(action=Action.PROPOSAL_SUBMITTED, actor=user, target=proposal, request=request)
        # The task's row is written in this transaction: no e-mail for a rolled-back submission.
        send_submission_confirmation.enqueue(public_id=str(proposal.public_id))
    return Submission(proposal, already=False)


def invite_author(*, proposal, email, user, request=None, now=None):
    """Let a colleague edit `proposal`: they get an e-mail with a link to sign in."""
    now = now or timezone.now()
    _refuse_if_read_only(proposal, now)
    try:
        with transaction.atomic():
            author = ProposalAuthor.objects.create(
                proposal=proposal, email=email, invited_by=user, invited_at=now
            )
    except IntegrityError:
        return None  # invited already, by a colleague at the same moment
    # An account that already uses this address is linked at once.
    claim_invitations_of_address(email)
    record(
        action=Action.PROPOSAL_AUTHOR_INVITED,
        actor=user,
        target=proposal,
        request=request,
        data={"email": email},
    )
    send_author_invitation.enqueue(author_id=author.pk)
    return author


def claim_invitations(user):
    """Link `user` to the proposals their address was invited to: after they sign in."""
    if not user.email:
        return 0
    return ProposalAuthor.objects.filter(email__iexact=user.email, user__isnull=True).update(
        user=user, accepted_at=timezone.now()
    )


def claim_invitations_of_address(email):
    users = list(get_user_model().objects.filter(email__iexact=email, is_active=True)[:2])
    if len(users) == 1:
        claim_invitations(users[0])


def add_attachment(*, proposal, upload, user, request=None, now=None):
    """Store a checked PDF with the proposal, in the private storage."""
    now = now or timezone.now()
    _refuse_if_read_only(proposal, now)
    attachment = ProposalAttachment(
        proposal=proposal,
        original_name=os.path.basename(upload.name)[:200],
        size=upload.size,
        uploaded_by=user,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    record(
        action=Action.PROPOSAL_ATTACHMENT_ADDED,
        actor=user,
        target=proposal,
        request=request,
        data={"file": attachment.original_name},
    )
    return attachment


def delete_attachment(*, attachment, user, request=None, now=None):
    now = now or timezone.now()
    proposal = attachment.proposal
    _refuse_if_read_only(proposal, now)
    name = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    # After the commit only: a rolled-back deletion must still find its file.
    transaction.on_commit(lambda: storage.delete(name))
    record(
        action=Action.PROPOSAL_ATTACHMENT_DELETED,
        actor=user,
        target=proposal,
        request=request,
        data={"file": attachment.original_name},
    )
