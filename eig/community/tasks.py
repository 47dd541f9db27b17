"""E-mails about events, sent by the task worker, never during the request."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from eig.community.ics import calendar_of
from eig.community.models import Registration


def _send(registration_id, *, subject, template):
    registration = Registration.objects.select_related("event", "event__cohort", "user").get(
        pk=registration_id
    )
    if not registration.user.email:
        return 0  # an account anonymised since
    event = registration.event
    message = EmailMessage(
        subject=subject % {"title": event.title},
        body=render_to_string(
            template,
            {
                "registration": registration,
                "event": event,
                "event_url": settings.SITE_URL + reverse("community:event_detail", args=[event.pk]),
            },
        ),
        to=[registration.user.email],
    )
    if registration.status == Registration.Status.REGISTERED:
        message.attach("evenement.ics", calendar_of([event]), "text/calendar")
    return message.send()


@task()
def send_registration(*, registration_id):
    """Registered, or on the waiting list: the e-mail says which."""
    return _send(
        registration_id,
        subject=_("Votre inscription : %(title)s"),
        template="community/email/registration.txt",
    )


@task()
def send_moved_up(*, registration_id):
    return _send(
        registration_id,
        subject=_("Une place s’est libérée : %(title)s"),
        template="community/email/moved_up.txt",
    )


@task()
def send_reminder(*, registration_id):
    return _send(
        registration_id,
        subject=_("Rappel : %(title)s, demain"),
        template="community/email/reminder.txt",
    )


@task()
def remind_registrants_task():
    # Here, not at the top: the registrations module queues this module's tasks.
    from eig.community.registrations import remind_registrants

    return remind_registrants()
