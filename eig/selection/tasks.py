"""E-mails to the jury, sent by the task worker, never during the request."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_tasks import task

from eig.accounts.tasks import ReadableEmail


@task()
def send_reviewer_invitation(*, email, full_name, cohort, url):
    context = {"full_name": full_name, "cohort": cohort, "url": url}
    ReadableEmail(
        subject=_("Invitation au jury — Entrepreneurs d'intérêt général"),
        body=render_to_string("selection/email/invitation.txt", context),
        to=[email],
    ).send()
