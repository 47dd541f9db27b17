"""E-mails to the jury about their work: assignments released, a reminder before the deadline.

The reminder goes `settings.REVIEWER_REMINDER_DAYS` days before the cohort's reviewing
deadline to each reviewer with an evaluation still to submit, at most once (Reviewer.
reminder_sent_at). The worker runs it at that time (scheduled when the deadline is saved or
assignments released); the `send_reviewer_reminders` command is the safety net.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from eig.audit.models import Action
from eig.audit.services import record
from eig.selection.models import Assignment, Review, Reviewer, ReviewGrid
from eig.selection.tasks import (
    remind_reviewers_task,
    send_assignments_released,
    send_reviewer_reminder,
)


def open_assignments(reviewer):
    """The reviewer's assignments they may work on (released, no conflict)."""
    return Assignment.objects.released().without_conflict().filter(reviewer=reviewer)


def unsubmitted(assignments):
    return assignments.exclude(review__status=Review.Status.SUBMITTED)


def reviewing_deadline(cohort_id):
    return (
        ReviewGrid.objects.filter(cohort_id=cohort_id)
        .values_list("reviewing_deadline", flat=True)
        .first()
    )


def jury_email_context(reviewer_id):
    """What the jury's e-mails say, read when they are sent: counts change in the meantime."""
    reviewer = Reviewer.objects.select_related("cohort", "user").get(pk=reviewer_id)
    assignments = open_assignments(reviewer)
    deadline = reviewing_deadline(reviewer.cohort_id)
    return {
        "reviewer": reviewer,
        "email": reviewer.user.email or reviewer.user.get_username(),
        "count": assignments.count(),
        "left": unsubmitted(assignments).count(),
        "deadline": timezone.localtime(deadline) if deadline else None,
        "url": settings.SITE_URL + reverse("jury:home"),
    }


def notify_released(*, reviewer_ids, by):
    """One e-mail per reviewer whose assignments were just released, queued after the commit."""
    for reviewer in Reviewer.objects.filter(pk__in=reviewer_ids):
        record(action=Action.REVIEWER_ASSIGNMENTS_NOTIFIED, actor=by, target=reviewer)
        transaction.on_commit(
            lambda pk=reviewer.pk: send_assignments_released.enqueue(reviewer_id=pk)
        )


def remind_reviewers(*, now=None):
    """Remind, once, each reviewer with evaluations to submit when the deadline is near.

    Safe to run as often as wanted: a reviewer is claimed before the e-mail is queued.
    Returns the number of reminders queued.
    """
    now = now or timezone.now()
    closing_soon = ReviewGrid.objects.filter(
        reviewing_deadline__gt=now,
        reviewing_deadline__lte=now + timedelta(days=settings.REVIEWER_REMINDER_DAYS),
    ).values("cohort_id")
    work_left = unsubmitted(
        Assignment.objects.released().without_conflict().filter(reviewer=OuterRef("pk"))
    )
    reminded = 0
    for reviewer in Reviewer.objects.filter(
        cohort_id__in=closing_soon, reminder_sent_at__isnull=True
    ).filter(Exists(work_left)):
        # The conditional update claims the reviewer, so two runs never remind them twice.
        if Reviewer.objects.filter(pk=reviewer.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        ):
            send_reviewer_reminder.enqueue(reviewer_id=reviewer.pk)
            record(action=Action.REVIEWER_REMINDED, actor=None, target=reviewer)
            reminded += 1
    return reminded


def schedule_reviewer_reminder(*, cohort, now=None):
    """Queue a reminder run for REVIEWER_REMINDER_DAYS before the cohort's reviewing deadline."""
    deadline = reviewing_deadline(cohort.pk)
    now = now or timezone.now()
    if deadline is None or deadline <= now:
        return None
    run_at = deadline - timedelta(days=settings.REVIEWER_REMINDER_DAYS)
    if run_at <= now:
        return remind_reviewers_task.enqueue()  # the deadline is already near: remind now
    if not remind_reviewers_task.get_backend().supports_defer:
        return None  # a backend that cannot wait: the send_reviewer_reminders command will
    return remind_reviewers_task.using(run_after=run_at).enqueue()
