"""The application's workflow: every change to an application goes through these functions.

Each one locks the application's row (select_for_update; on SQLite the IMMEDIATE transaction
takes the write lock) and checks, on the fresh row, that the change is still allowed.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from eig.accounts.roles import is_programme_team
from eig.applications import addresses, calls, personal_data, steps
from eig.applications.access import own_applications
from eig.applications.candidate_status import candidate_status_label
from eig.applications.cv import delete_cv_file_on_commit
from eig.applications.draft_forms import StepForm
from eig.applications.models import (
    CONTENT_FIELDS,
    MAX_CHOICES,
    Application,
    ChallengeChoice,
    StageTransition,
    Submission,
)
from eig.applications.tasks import send_ineligibility_notice, send_submission_confirmation
from eig.audit import services as audit
from eig.audit.models import Action, AuditEntry

# Personal data exported as they are; the links to other rows are exported apart.
# The status is exported as the candidate sees it (candidate_status_label).
NOT_EXPORTED = {"id", "candidate", "cohort", "cv", "status"}


class ApplicationRefused(Exception):
    """The change is not possible; `message` tells the candidate why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


WITHDRAWAL_REFUSED = _lazy(
    "Seule une candidature déposée, et pas encore auditionnée, peut être retirée."
)


class ApplicationIncomplete(ApplicationRefused):
    def __init__(self, missing):
        super().__init__(_("Il manque des éléments pour déposer la candidature."))
        self.missing = missing


@dataclass
class BulkMove:
    """What a bulk move did: the applications moved, and the others with why each was refused."""

    moved: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # (application, message) pairs


@dataclass
class StepSave:
    form: StepForm  # bound, with its errors, to show again
    saved_everything: bool
    missing_elsewhere: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # what the lists saved and did not
    warnings: list = field(default_factory=list)  # rules to submit the step does not meet yet
    # When the application was saved elsewhere (another tab) since this page was loaded.
    overwritten_at: datetime.datetime | None = None


def start_application(*, candidate, cohort, now=None):
    """The candidate's application to `cohort`, created as a draft the first time."""
    refusal = calls.closed_call_message(cohort, now) or calls.unpublished_rules_message(cohort)
    if refusal:
        raise ApplicationRefused(refusal)
    # get_or_create survives the race of two first visits: the loser of the unique
    # constraint reads the winner's row.
    application, _created = Application.objects.get_or_create(
        cohort=cohort,
        candidate=candidate,
        defaults={
            "email": candidate.email,
            "first_name": candidate.first_name[:80],
            "last_name": candidate.last_name[:80],
        },
    )
    return application


def preselect_challenge(*, application, challenge):
    """Add `challenge` to a draft's choices if it is open and there is room; True if added."""
    with transaction.atomic():
        application = _lock(application)
        offered = calls.open_challenges(application.cohort).filter(pk=challenge.pk).exists()
        choices = list(application.choices.all())
        rank = max((choice.rank for choice in choices), default=0) + 1
        if (
            not application.is_draft
            or not application.is_editable()
            or not offered
            or rank > MAX_CHOICES
            or any(choice.challenge_id == challenge.pk for choice in choices)
        ):
            return False
        ChallengeChoice.objects.create(application=application, challenge=challenge, rank=rank)
        return True


def save_draft_step(*, application, step, data, files, now=None):
    """Save the step `step` (a step key) of `application` from the posted `data` and `files`.

    A draft keeps whatever passes the format checks, even if the step is incomplete, and the
    valid rows of its lists. A submitted application stays complete: the step is saved whole,
    or not at all. The last save wins, even from another tab: `data["version"]`, the version of
    the application the page was loaded with, tells whether it overwrote another tab's save.
    Raises ApplicationRefused once the application can no longer change.
    """
    step = steps.by_key(step)
    with transaction.atomic():
        application = _lock(application)
        refusal = application.why_read_only(now)
        if refusal:
            raise ApplicationRefused(refusal)
        loaded = data.get("version")
        overwritten_at = (
            application.updated_at if loaded and loaded != application.version else None
        )
        strict = not application.is_draft
        form = steps.form_for(step, application, data, files, strict=strict)
        valid = form.is_valid()
        if strict:
            missing_elsewhere = steps.missing_items(application, except_step=step)
            if not valid or missing_elsewhere:
                return StepSave(form, saved_everything=False, missing_elsewhere=missing_elsewhere)
        application.last_step = step.key
        notes = form.save_draft()
        if step.key == "identity":
            # A new contact address is used once confirmed by a link sent to it.
            addresses.request_confirmation(application=application, now=now)
        return StepSave(
            form,
            # Saving may refuse what validation passed (a CV the storage could not keep).
            saved_everything=valid and not form.has_errors(),
            notes=notes,
            warnings=form.draft_warnings() if application.is_draft else [],
            overwritten_at=overwritten_at,
        )


def submit_application(*, application, by, now=None):
    """Submit a complete draft before the call closes; submitting again changes nothing.

    All or nothing, and idempotent: a double click or a retry gives one submission and one
    confirmation e-mail. Raises ApplicationIncomplete (with the missing items) or
    ApplicationRefused.
    """
    now = now or timezone.now()
    with transaction.atomic():
        application = _lock(application)
        _check_is_candidate(application, by)
        # Read once for the checks and the submission's snapshot, in one query each.
        steps.prefetch_lists(application)
        if application.status not in (Application.Status.DRAFT, Application.Status.WITHDRAWN):
            return _submit_again(application, by=by, now=now)
        if not application.can_become(Application.Status.SUBMITTED):
            raise ApplicationRefused(application.why_read_only(now))
        refusal = calls.closed_call_message(application.cohort, now)
        if refusal:
            raise ApplicationRefused(refusal)
        missing = steps.missing_items(application)
        if missing:
            raise ApplicationIncomplete(missing)
        _record_transition(application, Application.Status.SUBMITTED, by=by, at=now)
        application.status = Application.Status.SUBMITTED
        application.submitted_at = now
        application.last_step = steps.REVIEW.key
        application.save(update_fields=["status", "submitted_at", "last_step", "updated_at"])
        Submission.of(application, at=now).save()
        audit.record(action=Action.APPLICATION_SUBMITTED, actor=by, target=application)
        # Enqueued inside the transaction: with the database backend the task row commits (or
        # rolls back) with the submission, so there is one e-mail per submission.
        send_submission_confirmation.enqueue(public_id=str(application.public_id))
    return application


def _submit_again(application, *, by, now):
    """Submit a changed application again, keeping its stage and the first submission date;
    unchanged since its last submission (a double click, a retry), it is left as it is."""
    refusal = application.why_read_only(now)
    if refusal:
        raise ApplicationRefused(refusal)
    submission = Submission.of(application, at=now)
    last = application.submissions.order_by("-at", "-pk").first()
    if last is not None and last.digest == submission.digest:
        return application
    missing = steps.missing_items(application)
    if missing:
        raise ApplicationIncomplete(missing)
    if last is None:  # submitted before the history was kept: its first date stays first
        Submission.objects.create(application=application, at=application.submitted_at, digest="")
    submission.save()
    audit.record(action=Action.APPLICATION_RESUBMITTED, actor=by, target=application)
    send_submission_confirmation.enqueue(public_id=str(application.public_id))
    return application


def withdraw_application(*, application, by, now=None):
    """Withdraw a submitted application, up to the invitation to an audition (see TRANSITIONS).

    Withdrawing again changes nothing.
    """
    now = now or timezone.now()
    with transaction.atomic():
        application = _lock(application)
        _check_is_candidate(application, by)
        if application.status == Application.Status.WITHDRAWN:
            return application
        if not application.can_become(Application.Status.WITHDRAWN):
            raise ApplicationRefused(WITHDRAWAL_REFUSED)
        _record_transition(application, Application.Status.WITHDRAWN, by=by, at=now)
        application.status = Application.Status.WITHDRAWN
        application.withdrawn_at = now
        application.save(update_fields=["status", "withdrawn_at", "updated_at"])
        audit.record(action=Action.APPLICATION_WITHDRAWN, actor=by, target=application)
    return application


def move_application(*, application, to, by, reason="", now=None):
    """The programme team moves `application` to the stage `to`, saying why if it must.

    Records a StageTransition and an `application.moved` audit entry. Raises ApplicationRefused,
    changing nothing, when the state machine does not allow the move or a reason is missing.
    """
    reason = reason.strip()
    _check_can_move(by, to, reason)
    with transaction.atomic():
        application = _lock(application)
        refusal = why_not_moved(application, to, now)
        if refusal:
            raise ApplicationRefused(refusal)
        _move(application, to, by=by, reason=reason, at=now or timezone.now())
    return application


def move_applications(*, applications, to, by, reason=""):
    """Move each of `applications` to the stage `to`: those allowed move, the others are listed.

    One transaction and one moment for the batch; each application is checked on its locked,
    fresh row. Raises ApplicationRefused, moving none, if `by` or a missing reason forbids them all.
    """
    reason = reason.strip()
    _check_can_move(by, to, reason)
    result = BulkMove()
    now = timezone.now()
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update(of=("self",))
            .select_related("cohort")
            .filter(pk__in=[application.pk for application in applications])
        )
        for application in locked.order_by("pk"):
            refusal = why_not_moved(application, to, now)
            if refusal:
                result.refused.append((application, refusal))
            else:
                _move(application, to, by=by, reason=reason, at=now)
                result.moved.append(application)
    return result


def why_not_moved(application, to, now=None):
    """Why the team cannot move `application` to `to` now, or None if it can (the rule is the
    model's: the state machine, and the call still open)."""
    return application.why_team_cannot_move(to, now)


def delete_draft(*, application, by):
    """Erase a draft and its CV file; a draft already deleted is no error."""
    with transaction.atomic():
        application = Application.objects.select_for_update().filter(pk=application.pk).first()
        if application is None:
            return
        _check_is_candidate(application, by)
        if not application.is_draft:
            raise ApplicationRefused(
                _("Une candidature déposée ne peut pas être supprimée : vous pouvez la retirer.")
            )
        cv_name = application.cv.name
        audit.record(action=Action.APPLICATION_DELETED, actor=by, target=application)
        application.delete()
        if cv_name:
            delete_cv_file_on_commit(cv_name)


def export_candidate_data(*, user) -> dict:
    """Everything held about `user` as a candidate, ready for json.dumps.

    All but the jury's reviews and the audition panel's scores, excepted from the right of
    access as the privacy page explains (the apps holding them export nothing of them).
    """
    applications = (
        own_applications(user)
        .select_related("cohort", "candidate")
        .prefetch_related("experiences", "choices__challenge", "transitions")
        .order_by("created_at")
    )
    return {
        "exported_at": _plain(timezone.now()),
        "account": {
            "email": user.email,
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _plain(user.date_joined),
            "last_login": _plain(user.last_login),
        },
        "applications": [_application_data(application) for application in applications],
        "sign_ins": [
            {"at": _plain(entry.created_at), "ip": entry.ip}
            for entry in AuditEntry.objects.filter(actor=user, action=Action.SIGNED_IN)
        ],
        "failed_sign_ins": [
            {"at": _plain(entry.created_at), "problem": entry.data.get("problem", "")}
            for entry in AuditEntry.objects.filter(
                action=Action.SIGN_IN_FAILED, data__identifier__iexact=user.email
            )
        ]
        if user.email
        else [],
        "journal": [
            {"at": _plain(entry.created_at), "action": str(entry.action_label)}
            for entry in AuditEntry.objects.filter(actor=user).exclude(action=Action.SIGNED_IN)
        ],
        "not_included": _(
            "Les évaluations du jury et les notes et commentaires des auditions, qui relèvent "
            "du secret des délibérations : voir la page « Données personnelles »."
        ),
    }


def _application_data(application):
    data = {
        model_field.name: _plain(getattr(application, model_field.attname))
        for model_field in Application._meta.concrete_fields
        if model_field.name not in NOT_EXPORTED
    }
    return data | {
        "status_label": str(candidate_status_label(application)),
        "cohort": {"number": application.cohort.number, "name": str(application.cohort)},
        "cv": {"filename": application.cv_filename, "size": application.cv_size}
        if application.cv
        else None,
        "experiences": [
            {
                "position": experience.position,
                "title": experience.title,
                "organisation": experience.organisation,
                "start_year": experience.start_year,
                "end_year": experience.end_year,
                "description": experience.description,
            }
            for experience in application.experiences.all()
        ],
        "choices": [
            {
                "rank": choice.rank,
                "challenge": {"slug": choice.challenge.slug, "name": choice.challenge.name},
                "contribution": choice.contribution,
            }
            for choice in application.choices.all()
        ],
        # The stages the candidate is told; decisions come with their e-mails, below.
        "stage_history": [
            {"status": transition.get_to_status_display(), "at": _plain(transition.at)}
            for transition in application.transitions.all()
            if transition.to_status in Application.SHOWN_TO_CANDIDATES
        ],
        "submissions": [
            {
                "at": _plain(submission.at),
                "digest": submission.digest,
                # The copy kept for the receipt, answers named (empty once anonymised).
                "content": submission_content(submission),
            }
            for submission in application.submissions.all()
        ],
        # What was done with it, by the team or the jury: the action and its date, not who.
        "journal": [
            {"at": _plain(entry.created_at), "action": str(entry.action_label)}
            for entry in AuditEntry.objects.filter(
                target_type=Application._meta.label_lower, target_id=str(application.public_id)
            )
            .exclude(actor_id=application.candidate_id)
            .order_by("created_at", "pk")
        ],
        "address_confirmations": [
            {
                "email": confirmation.email,
                "sent_at": _plain(confirmation.created_at),
                "confirmed_at": _plain(confirmation.used_at),
            }
            for confirmation in application.address_confirmations.order_by("created_at")
        ],
        **{
            holder.key: holder.export(application)
            for holder in personal_data.holders()
            if holder.key
        },
    }


def submission_content(submission):
    snapshot = submission.snapshot or {}
    if not snapshot.get("fields"):
        return None
    return {**snapshot, "fields": dict(zip(CONTENT_FIELDS, snapshot["fields"], strict=False))}


def _plain(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _check_can_move(user, to, reason):
    if not is_programme_team(user):
        raise ApplicationRefused(
            _("Seule l’équipe du programme peut changer l’état d’une candidature.")
        )
    if to not in Application.Status.values:
        raise ApplicationRefused(_("Cet état n’existe pas."))
    if to in Application.REASON_REQUIRED and not reason:
        raise ApplicationRefused(
            _("Indiquez le motif : il est obligatoire pour passer à « %(target)s ».")
            % {"target": Application.Status(to).label}
        )


def _move(application, to, *, by, reason, at):
    transition = _record_transition(application, to, by=by, at=at, reason=reason)
    application.status = to
    application.save(update_fields=["status", "updated_at"])
    audit.record(
        action=Action.APPLICATION_MOVED,
        actor=by,
        target=application,
        data={"from": transition.from_status, "to": to, "reason": reason},
    )
    if to == Application.Status.INELIGIBLE and application.cohort.is_application_call_open(at):
        # The candidate may still change it before the closing: they are told why.
        send_ineligibility_notice.enqueue(transition_id=transition.pk)


def _record_transition(application, to, *, by, at, reason=""):
    """Call before changing `application.status`: the history keeps where it came from."""
    return StageTransition.objects.create(
        application=application,
        from_status=application.status,
        to_status=to,
        by=by,
        at=at,
        reason=reason,
    )


def _lock(application):
    # With its cohort, which every check reads; only the application's row is locked.
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("cohort")
        .get(pk=application.pk)
    )


def _check_is_candidate(application, user):
    if application.candidate_id != user.pk:
        raise ApplicationRefused(_("Seule la personne qui candidate peut faire cette action."))
