"""E-mails about applications, sent by the task worker, never during the request."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from eig.applications.models import Application


@task()
def send_submission_confirmation(*, public_id):
    """The confirmation of a submission, with a summary of the application."""
    application = Application.objects.select_related("cohort", "candidate").get(public_id=public_id)
    context = {
        "application": application,
        "choices": list(application.choices.select_related("challenge__host")),
        "space_url": settings.SITE_URL + reverse("candidate_space"),
    }
    send_mail(
        subject=_("Votre candidature est déposée — Entrepreneurs d'intérêt général"),
        message=render_to_string("applications/email/submission_confirmation.txt", context),
        from_email=None,
        recipient_list=[application.email or application.candidate.email],
    )
