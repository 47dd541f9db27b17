"""E-mails to défis' mentors, sent by the task worker, never during the request."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_tasks import task

from eig.accounts.tasks import ReadableEmail


@task()
def send_mentor_invitation(*, email, full_name, challenge, url):
    context = {"full_name": full_name, "challenge": challenge, "url": url}
    ReadableEmail(
        subject=_("Votre espace mentor — Entrepreneurs d'intérêt général"),
        body=render_to_string("challenges/email/mentor_invitation.txt", context),
        to=[email],
    ).send()
