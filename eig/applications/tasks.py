"""E-mails about applications, sent by the task worker, never during the request."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from eig.applications.models import Application, StageTransition


@task()
def send_submission_confirmation(*, public_id):
    """The confirmation of a submission, with a summary of the application."""
    application = Application.objects.select_related("cohort", "candidate").get(public_id=public_id)
    dates = application.submission_dates()
    context = {
        "application": application,
        "choices": list(application.choices.select_related("challenge__host")),
        "space_url": settings.SITE_URL + reverse("candidate_space"),
        "submitted_again_at": dates[-1] if len(dates) > 1 else None,
    }
    send_mail(
        subject=_("Votre candidature modifiée est redéposée — Entrepreneurs d'intérêt général")
        if context["submitted_again_at"]
        else _("Votre candidature est déposée — Entrepreneurs d'intérêt général"),
        message=render_to_string("applications/email/submission_confirmation.txt", context),
        from_email=None,
        recipient_list=[application.official_email],
    )


@task()
def send_ineligibility_notice(*, transition_id):
    """Tell the candidate, while the call is open, why their application was found irrecevable,
    and until when they may change it."""
    transition = StageTransition.objects.select_related(
        "application__cohort", "application__candidate"
    ).get(pk=transition_id)
    application = transition.application
    if not application.official_email:
        return 0
    context = {
        "application": application,
        "reason": transition.reason,
        "space_url": settings.SITE_URL + reverse("candidate_space"),
    }
    return send_mail(
        subject=_("Votre candidature est à compléter — Entrepreneurs d'intérêt général"),
        message=render_to_string("applications/email/ineligibility_notice.txt", context),
        from_email=None,
        recipient_list=[application.official_email],
    )


@task()
def send_retention_notice(*, application_id, due_at):
    """Tell the candidate their draft will be deleted, or their application anonymised, at
    `due_at` (ISO 8601: task arguments are stored as JSON)."""
    application = (
        Application.objects.select_related("cohort", "candidate")
        .filter(pk=application_id, anonymised_at__isnull=True)
        .first()
    )
    if application is None or not application.official_email:
        return 0  # erased in the meantime, or an account with no address left
    context = {
        "application": application,
        "due_at": datetime.datetime.fromisoformat(due_at),
        "export_url": settings.SITE_URL + reverse("candidate_data_export"),
        "privacy_url": settings.SITE_URL + "/donnees-personnelles/",
    }
    return send_mail(
        subject=_(
            "Vos données de candidature vont être effacées — Entrepreneurs d’intérêt général"
        ),
        message=render_to_string("applications/email/retention_notice.txt", context),
        from_email=None,
        recipient_list=[application.official_email],
    )


@task()
def send_address_confirmation(*, email, url, expires_at):
    """The link that confirms a contact address: nothing the candidate wrote is in it."""
    context = {"url": url, "expires_at": datetime.datetime.fromisoformat(expires_at)}
    return send_mail(
        subject=_("Confirmez votre adresse de contact — Entrepreneurs d'intérêt général"),
        message=render_to_string("applications/email/address_confirmation.txt", context),
        from_email=None,
        recipient_list=[email],
    )


@task()
def apply_retention_task(*, day):
    """The worker's nightly run of the retention (`day`, ISO 8601); it enqueues the next one."""
    from eig.applications.retention import apply_retention, schedule_retention

    report = apply_retention()
    schedule_retention(day=datetime.date.fromisoformat(day) + datetime.timedelta(days=1))
    return report.as_dict()
