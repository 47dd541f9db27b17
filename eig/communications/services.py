"""Messages to candidates: announcements of the programme team and deadline reminders."""

import datetime

from django.db import transaction
from django.utils import timezone

from eig.applications.models import Application
from eig.audit.models import Action
from eig.audit.services import record
from eig.cohorts.models import Cohort
from eig.communications.models import Announcement
from eig.communications.tasks import (
    deliver_announcement,
    remind_draft_holders_task,
    send_draft_reminder,
)

REMINDER_BEFORE_DEADLINE = datetime.timedelta(hours=48)


class AlreadySent(Exception):
    pass


def announcement_recipients(cohort):
    """Every candidate of the cohort who has not withdrawn: drafts included."""
    return Application.objects.filter(cohort=cohort).exclude(status=Application.Status.WITHDRAWN)


def send_announcement(*, announcement, by, now=None, request=None):
    """Mark the announcement sent (once only) and let the worker e-mail each candidate."""
    with transaction.atomic():
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if locked.sent_at is not None:
            raise AlreadySent
        locked.sent_at = now or timezone.now()
        locked.sent_by = by
        locked.recipients_count = announcement_recipients(locked.cohort).count()
        locked.save(update_fields=["sent_at", "sent_by", "recipients_count"])
        record(
            action=Action.ANNOUNCEMENT_SENT,
            actor=by,
            target=locked,
            request=request,
            data={"recipients": locked.recipients_count},
        )
        transaction.on_commit(lambda: deliver_announcement.enqueue(announcement_id=locked.pk))
    return locked


def remind_draft_holders(*, now=None):
    """Remind holders of unsubmitted drafts, once, when a call closes within 48 hours.

    Safe to run as often as wanted (the worker, cron): each draft is reminded at most once.
    Returns the number of reminders queued.
    """
    now = now or timezone.now()
    closing_soon = Cohort.objects.filter(
        application_call_opens_at__lte=now,
        application_call_closes_at__gt=now,
        application_call_closes_at__lte=now + REMINDER_BEFORE_DEADLINE,
    )
    reminded = 0
    for application_id in (
        Application.objects.drafts()
        .filter(cohort__in=closing_soon, reminder_sent_at__isnull=True)
        .values_list("pk", flat=True)
    ):
        # The conditional update claims the draft, so two runs never remind it twice.
        claimed = Application.objects.filter(
            pk=application_id, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=now)
        if claimed:
            send_draft_reminder.enqueue(application_id=application_id)
            reminded += 1
    return reminded


def schedule_deadline_reminder(*, cohort, now=None):
    """Queue a reminder run for 48 hours before the cohort's call closes (when still ahead)."""
    closes = cohort.application_call_closes_at
    now = now or timezone.now()
    if closes is None or closes <= now:
        return None
    run_at = max(closes - REMINDER_BEFORE_DEADLINE, now)
    return remind_draft_holders_task.using(run_after=run_at).enqueue()
