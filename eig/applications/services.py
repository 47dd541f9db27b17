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

from eig.applications import calls, steps
from eig.applications.access import own_applications
from eig.applications.cv import delete_cv_file_on_commit
from eig.applications.draft_forms import StepForm
from eig.applications.models import MAX_CHOICES, Application, ChallengeChoice
from eig.applications.tasks import send_submission_confirmation
from eig.audit import services as audit

# Personal data exported as they are; the links to other rows are exported apart.
NOT_EXPORTED = {"id", "candidate", "cohort", "cv"}


class ApplicationRefused(Exception):
    """The change is not possible; `message` tells the candidate why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class ApplicationIncomplete(ApplicationRefused):
    def __init__(self, missing):
        super().__init__(_("Il manque des éléments pour déposer la candidature."))
        self.missing = missing


@dataclass
class StepSave:
    form: StepForm  # bound, with its errors, to show again
    saved_everything: bool
    missing_elsewhere: list = field(default_factory=list)


def why_read_only(application, now=None):
    """Why the candidate can no longer change `application`, or None while they can."""
    if application.status == Application.Status.WITHDRAWN:
        return _("Vous avez retiré cette candidature : elle ne peut plus être modifiée.")
    if application.status == Application.Status.UNDER_REVIEW:
        return _("Votre candidature est en cours d’examen : elle ne peut plus être modifiée.")
    return calls.closed_call_message(application.cohort, now)


def start_application(*, candidate, cohort, now=None):
    """The candidate's application to `cohort`, created as a draft the first time."""
    refusal = calls.closed_call_message(cohort, now)
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
            or why_read_only(application)
            or not offered
            or rank > MAX_CHOICES
            or any(choice.challenge_id == challenge.pk for choice in choices)
        ):
            return False
        ChallengeChoice.objects.create(application=application, challenge=challenge, rank=rank)
        return True


def save_draft_step(*, application, step, data, files, now=None):
    """Save the step `step` (a step key) of `application` from the posted `data` and `files`.

    A draft keeps whatever passes the format checks, even if the step is incomplete. A submitted
    application stays complete: the step is saved whole, or not at all.
    Raises ApplicationRefused once the application can no longer change.
    """
    step = steps.by_key(step)
    with transaction.atomic():
        application = _lock(application)
        refusal = why_read_only(application, now)
        if refusal:
            raise ApplicationRefused(refusal)
        strict = not application.is_draft
        form = steps.form_for(step, application, data, files, strict=strict)
        valid = form.is_valid()
        if strict:
            missing_elsewhere = steps.missing_items(application, except_step=step)
            if not valid or missing_elsewhere:
                return StepSave(form, saved_everything=False, missing_elsewhere=missing_elsewhere)
        application.last_step = step.key
        form.save_draft()
        return StepSave(form, saved_everything=valid)


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
        if application.status in (Application.Status.SUBMITTED, Application.Status.UNDER_REVIEW):
            return application
        if not application.can_become(Application.Status.SUBMITTED):
            raise ApplicationRefused(why_read_only(application, now))
        refusal = calls.closed_call_message(application.cohort, now)
        if refusal:
            raise ApplicationRefused(refusal)
        missing = steps.missing_items(application)
        if missing:
            raise ApplicationIncomplete(missing)
        application.status = Application.Status.SUBMITTED
        application.submitted_at = now
        application.last_step = steps.REVIEW.key
        application.save(update_fields=["status", "submitted_at", "last_step", "updated_at"])
        audit.record(action="application.submitted", actor=by, target=application)
        # Enqueued inside the transaction: with the database backend the task row commits (or
        # rolls back) with the submission, so there is one e-mail per submission.
        send_submission_confirmation.enqueue(public_id=str(application.public_id))
    return application


def withdraw_application(*, application, by, now=None):
    """Withdraw a submitted application; withdrawing again changes nothing."""
    with transaction.atomic():
        application = _lock(application)
        _check_is_candidate(application, by)
        if application.status == Application.Status.WITHDRAWN:
            return application
        if not application.can_become(Application.Status.WITHDRAWN):
            raise ApplicationRefused(_("Seule une candidature déposée peut être retirée."))
        application.status = Application.Status.WITHDRAWN
        application.withdrawn_at = now or timezone.now()
        application.save(update_fields=["status", "withdrawn_at", "updated_at"])
        audit.record(action="application.withdrawn", actor=by, target=application)
    return application


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
        audit.record(action="application.deleted", actor=by, target=application)
        application.delete()
        if cv_name:
            delete_cv_file_on_commit(cv_name)


def export_candidate_data(*, user) -> dict:
    """Everything held about `user` as a candidate, ready for json.dumps."""
    applications = (
        own_applications(user)
        .select_related("cohort")
        .prefetch_related("experiences", "choices__challenge")
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
    }


def _application_data(application):
    data = {
        model_field.name: _plain(getattr(application, model_field.attname))
        for model_field in Application._meta.concrete_fields
        if model_field.name not in NOT_EXPORTED
    }
    return data | {
        "status_label": application.get_status_display(),
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
    }


def _plain(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _lock(application):
    return Application.objects.select_for_update(of=("self",)).get(pk=application.pk)


def _check_is_candidate(application, user):
    if application.candidate_id != user.pk:
        raise ApplicationRefused(_("Seule la personne qui candidate peut faire cette action."))
