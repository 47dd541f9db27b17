"""E-mails to the authors of proposals, sent by the task worker, never during the request."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from eig.proposals.models import Proposal, ProposalAuthor


def proposal_url(proposal):
    return settings.SITE_URL + reverse("proposals:review", args=[proposal.public_id])


@task()
def send_submission_confirmation(*, public_id):
    """The confirmation of a submission, to every author of the proposal."""
    proposal = Proposal.objects.select_related("call__cohort", "host").get(public_id=public_id)
    recipients = sorted({author.email for author in proposal.authors.all()})
    context = {
        "proposal": proposal,
        "call": proposal.call,
        "proposal_url": proposal_url(proposal),
        "space_url": settings.SITE_URL + reverse("proposals:space"),
    }
    return send_mail(
        subject=_("Votre proposition de défi est déposée — Entrepreneurs d’intérêt général"),
        message=render_to_string("proposals/email/submission_confirmation.txt", context),
        from_email=None,
        recipient_list=recipients,
    )


@task()
def send_author_invitation(*, author_id):
    """The invitation of a colleague: what the proposal is, and the link to sign in to it."""
    author = ProposalAuthor.objects.select_related(
        "proposal__call__cohort", "proposal__host", "invited_by"
    ).get(pk=author_id)
    proposal = author.proposal
    next_url = reverse("proposals:resume", args=[proposal.public_id])
    context = {
        "proposal": proposal,
        "call": proposal.call,
        "inviter": author.invited_by.email if author.invited_by else "",
        "sign_in_url": settings.SITE_URL + reverse("sign_in") + "?" + urlencode({"next": next_url}),
    }
    return send_mail(
        subject=_(
            "Une proposition de défi à rédiger avec vos collègues — Entrepreneurs d’intérêt général"
        ),
        message=render_to_string("proposals/email/author_invitation.txt", context),
        from_email=None,
        recipient_list=[author.email],
    )


@task()
def deliver_proposal_decisions(*, proposal_ids, outcome, message, sent_by=None):
    """The decision e-mails the team confirmed, to every author of each proposal."""
    from eig.proposals.decisions import deliver

    return deliver(proposal_ids=proposal_ids, outcome=outcome, message=message, sent_by=sent_by)
