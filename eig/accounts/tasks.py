"""E-mails of the sign-in flow, sent by the task worker, never during the request."""

import email.policy
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_tasks import task

# Python's default policy cuts lines at 78 characters with quoted-printable soft breaks, which
# splits the link in the files of var/mail/ (development). The SMTP backend passes its own
# policy, so what is really sent is unchanged.
LONG_LINES = email.policy.default.clone(max_line_length=998)


class ReadableEmail(EmailMessage):
    def message(self, *, policy=LONG_LINES):
        return super().message(policy=policy)


@task()
def send_sign_in_link(*, email, url, expires_at):
    """`expires_at` is an ISO 8601 string: task arguments are stored as JSON."""
    context = {"url": url, "expires_at": datetime.fromisoformat(expires_at)}
    ReadableEmail(
        subject=_("Votre lien de connexion — Entrepreneurs d'intérêt général"),
        body=render_to_string("accounts/email/sign_in_link.txt", context),
        to=[email],
    ).send()


@task()
def send_browser_confirmation(*, email, url, expires_at, ip, signed_in_at):
    """The link that confirms a new browser; dates are ISO 8601 strings (JSON arguments)."""
    context = {
        "url": url,
        "expires_at": datetime.fromisoformat(expires_at),
        "signed_in_at": datetime.fromisoformat(signed_in_at),
        "ip": ip,
        "days": settings.TRUSTED_BROWSER_DAYS,
    }
    ReadableEmail(
        subject=_("Confirmez ce nouveau navigateur — Entrepreneurs d'intérêt général"),
        body=render_to_string("accounts/email/browser_confirmation.txt", context),
        to=[email],
    ).send()
