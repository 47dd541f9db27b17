"""Registrations to events, with a waiting list that moves up by itself.

Every change locks the event's row first (select_for_update; on SQLite the IMMEDIATE
transaction takes the write lock), so two cancellations at the same moment are counted one
after the other and each frees its place for the next person waiting, never the same one twice.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.audit.models import Action
from eig.audit.services import record
from eig.community.models import Registration
from eig.community.tasks import (
    remind_registrants_task,
    send_moved_up,
    send_registration,
    send_reminder,
)
from eig.events.models import Event

REMINDER_BEFORE = datetime.timedelta(days=1)


class RegistrationRefused(Exception):
    """The registration is not possible; `message` says why, in French."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def register(*, event, user, visible, request=None, now=None):
    """Register `user` to `event`, or put them on its waiting list when it is full.

    `visible` is whether the person may see the event (eig.community.access): an event of
    another promotion is refused. Returns the registration.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not visible:
            raise RegistrationRefused(
                _(
                    "Cet événement est réservé à une autre promotion : "
                    "l’inscription n’est pas possible."
                )
            )
        if not event.registration_open:
            raise RegistrationRefused(_("Les inscriptions à cet événement ne sont pas ouvertes."))
        if event.has_started(now):
            raise RegistrationRefused(
                _("Cet événement a déjà commencé : les inscriptions sont closes.")
            )
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration is not None and registration.status == Registration.Status.REGISTERED:
            raise RegistrationRefused(_("Vous êtes déjà inscrit·e à cet événement."))
        if registration is not None and registration.status == Registration.Status.WAITING:
            raise RegistrationRefused(_("Vous êtes déjà sur la liste d’attente de cet événement."))
        full = event.capacity is not None and registered_count(event) >= event.capacity
        status = Registration.Status.WAITING if full else Registration.Status.REGISTERED
        if registration is None:
            registration = Registration(event=event, user=user)
        # Coming back after a cancellation: at the end of the queue, like anyone new.
        registration.status = status
        registration.registered_at = now
        registration.cancelled_at = registration.moved_up_at = registration.reminded_at = None
        registration.save()
        record(
            action=Action.EVENT_WAITLISTED if full else Action.EVENT_REGISTERED,
            actor=user,
            target=event,
            request=request,
        )
        # With the database backend the task's row commits (or rolls back) with the registration.
        send_registration.enqueue(registration_id=registration.pk)
        if not full:
            schedule_reminders(event, now=now)
    return registration


def cancel(*, event, user, request=None, now=None):
    """Cancel `user`'s registration (or place on the waiting list); a place freed goes to the
    first person waiting. Returns the registration moved up, if any."""
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        registration = (
            Registration.objects.select_for_update()
            .filter(event=event, user=user)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        if registration is None:
            raise RegistrationRefused(_("Vous n’êtes pas inscrit·e à cet événement."))
        if event.has_started(now):
            raise RegistrationRefused(
                _("Cet événement a déjà commencé : l’inscription ne peut plus être annulée.")
            )
        was_registered = registration.status == Registration.Status.REGISTERED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        record(
            action=Action.EVENT_REGISTRATION_CANCELLED, actor=user, target=event, request=request
        )
        return move_up(event, now=now) if was_registered else None


def move_up(event, *, now):
    """Give a free place to the first person waiting; called with the event's row locked."""
    if event.capacity is not None and registered_count(event) >= event.capacity:
        return None
    waiting = (
        Registration.objects.select_for_update()
        .filter(event=event, status=Registration.Status.WAITING)
        .order_by("registered_at", "pk")
        .first()
    )
    if waiting is None:
        return None
    waiting.status = Registration.Status.REGISTERED
    waiting.moved_up_at = now
    waiting.save(update_fields=["status", "moved_up_at"])
    record(action=Action.EVENT_MOVED_UP, actor=None, target=event, data={"user": waiting.user_id})
    send_moved_up.enqueue(registration_id=waiting.pk)
    schedule_reminders(event, now=now)
    return waiting


def registered_count(event):
    return event.registrations.filter(status=Registration.Status.REGISTERED).count()


def take_attendance(*, event, present, by, request=None):
    """Mark who came among the registered people: `present` holds the registrations' ids."""
    with transaction.atomic():
        registrations = event.registrations.filter(status=Registration.Status.REGISTERED)
        registrations.filter(pk__in=present).update(attended=True)
        registrations.exclude(pk__in=present).update(attended=False)
        record(
            action=Action.EVENT_ATTENDANCE_TAKEN,
            actor=by,
            target=event,
            request=request,
            data={"present": len(set(present))},
        )


def schedule_reminders(event, *, now):
    """Queue the reminders' run for the day before the event, once per event (the first
    registration schedules it), or now when the day before has come."""
    run_at = event.start - REMINDER_BEFORE
    if run_at <= now:
        return remind_registrants_task.enqueue()
    if registered_count(event) > 1 or not remind_registrants_task.get_backend().supports_defer:
        return None  # already scheduled, or a backend that cannot wait: the command will
    return remind_registrants_task.using(run_after=run_at).enqueue()


def remind_registrants(now=None):
    """E-mail a reminder to each person registered to an event starting within a day, once.

    The worker runs it the day before each event; `manage.py send_event_reminders` is the
    safety net. Returns how many reminders were queued.
    """
    now = now or timezone.now()
    soon = [
        event.pk
        for event in Event.objects.filter(
            starts_on__gte=timezone.localdate(now),
            starts_on__lte=timezone.localdate(now + REMINDER_BEFORE),
            registrations__status=Registration.Status.REGISTERED,
            registrations__reminded_at__isnull=True,
        ).distinct()
        if now < event.start <= now + REMINDER_BEFORE
    ]
    reminded = 0
    for registration_id in Registration.objects.filter(
        event__in=soon, status=Registration.Status.REGISTERED, reminded_at__isnull=True
    ).values_list("pk", flat=True):
        # The conditional update claims the reminder, so two runs never send it twice.
        claimed = Registration.objects.filter(pk=registration_id, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if claimed:
            send_reminder.enqueue(registration_id=registration_id)
            reminded += 1
    return reminded
