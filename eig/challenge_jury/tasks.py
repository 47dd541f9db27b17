"""E-mails of the défi jury, sent by the task worker, never during the request."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from eig.accounts.tasks import ReadableEmail
from eig.challenge_jury.ics import hearing_ics
from eig.challenge_jury.models import Hearing, JuryMember


@task()
def send_member_invitation(*, member_id, url):
    member = JuryMember.objects.select_related("call__cohort").get(pk=member_id)
    return ReadableEmail(
        subject=_("Invitation au jury des défis — Entrepreneurs d'intérêt général"),
        body=render_to_string(
            "challenge_jury/email/invitation.txt", {"member": member, "url": url}
        ),
        to=[member.email],
    ).send()


@task()
def send_hearing_confirmation(*, hearing_id):
    """The hearing's time, room or link, to every author of the proposal, with its .ics."""
    hearing = Hearing.objects.select_related("group__call__cohort", "proposal").get(pk=hearing_id)
    if hearing.starts_at is None:
        return 0
    authors = list(hearing.proposal.authors.values_list("email", flat=True))
    if not authors:
        return 0
    url = settings.SITE_URL + reverse("challenge_jury:booking", args=[hearing.proposal.public_id])
    message = ReadableEmail(
        subject=_("L’audition de votre défi — Entrepreneurs d'intérêt général"),
        body=render_to_string(
            "challenge_jury/email/hearing_confirmation.txt",
            {"hearing": hearing, "group": hearing.group, "url": url},
        ),
        to=authors,
    )
    message.attach("audition-defi.ics", hearing_ics(hearing), "text/calendar")
    return message.send()
