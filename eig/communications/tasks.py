"""E-mails to candidates, sent by the task worker, one message per person."""

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_tasks import task

from eig.links import absolute_links
from eig.plain_text import one_line


@task()
def deliver_announcement(*, announcement_id):
    from eig.communications.models import Announcement
    from eig.communications.services import announcement_recipients

    announcement = Announcement.objects.select_related("cohort").get(pk=announcement_id)
    messages = [
        (
            # Written before forms refused line breaks, it must not break the header.
            one_line(announcement.subject),
            # A path the team typed alone ("/candidater/") goes out with the site's address.
            absolute_links(
                render_to_string(
                    "communications/email/announcement.txt",
                    {"announcement": announcement, "application": application},
                )
            ),
            None,
            [application.official_email],
        )
        for application in announcement_recipients(announcement.cohort).select_related("candidate")
    ]
    return send_mass_mail(messages)


@task()
def send_draft_reminder(*, application_id):
    from eig.applications.models import Application

    application = Application.objects.select_related("cohort", "candidate").get(pk=application_id)
    if application.status != Application.Status.DRAFT:
        return 0  # submitted in the meantime
    return send_mail(
        subject=_("Votre candidature n'est pas encore déposée"),
        message=render_to_string(
            "communications/email/draft_reminder.txt",
            {"application": application, "site_url": settings.SITE_URL},
        ),
        from_email=None,
        recipient_list=[application.official_email],
    )


@task()
def remind_draft_holders_task():
    from eig.communications.services import remind_draft_holders

    return remind_draft_holders()
