"""E-mails about auditions, sent by the task worker, never during the request."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from eig.auditions.ics import interview_ics
from eig.auditions.models import Interview


@task()
def send_booking_confirmation(*, interview_id):
    """The confirmation of a booking, with the audition as an .ics attachment."""
    interview = Interview.objects.select_related(
        "slot", "application__cohort", "application__candidate"
    ).get(pk=interview_id)
    application = interview.application
    message = EmailMessage(
        subject=_("Votre audition est réservée — Entrepreneurs d'intérêt général"),
        body=render_to_string(
            "auditions/email/booking_confirmation.txt",
            {
                "interview": interview,
                "slot": interview.slot,
                "space_url": settings.SITE_URL + reverse("candidate_space"),
            },
        ),
        to=[application.official_email],
    )
    message.attach("audition.ics", interview_ics(interview), "text/calendar")
    return message.send()
