"""The decision told to the administrations, one outcome at a time, previewed then confirmed.

The texts are templates of the repository (`proposals/email/decision_<outcome>.txt`); the team may
add a message typed on the confirmation page. Each proposal is told once (`decision_sent_at`),
to every author, by the task worker.
"""

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eig.audit.models import Action
from eig.audit.services import record
from eig.links import absolute_links
from eig.plain_text import one_line
from eig.proposals.models import Proposal
from eig.proposals.tasks import deliver_proposal_decisions

Status = Proposal.Status
# The outcomes told to the administrations, each named by the stage that decides it.
OUTCOMES = [Status.VALIDATED, Status.NOT_RETAINED, Status.INADMISSIBLE]
OUTCOME_LABELS = {
    Status.VALIDATED: gettext_lazy("validé : le défi sera publié"),
    Status.NOT_RETAINED: gettext_lazy("non retenu"),
    Status.INADMISSIBLE: gettext_lazy("irrecevable"),
}
SUBJECTS = {
    Status.VALIDATED: gettext_lazy("Votre défi « %(title)s » est retenu pour la %(cohort)s"),
    Status.NOT_RETAINED: gettext_lazy("Votre proposition de défi « %(title)s »"),
    Status.INADMISSIBLE: gettext_lazy("Votre proposition de défi « %(title)s » est irrecevable"),
}
MESSAGE_MAX = 3000


class SendingRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Sending:
    """What sending an outcome to a call's administrations would do now."""

    call: object
    outcome: str
    recipients: list = field(default_factory=list)  # proposals
    left_out: list = field(default_factory=list)  # (proposal, reason)
    already_told: int = 0

    @property
    def digest(self):
        """A fingerprint of who would be told, so a list changed meanwhile sends nothing."""
        shown = ",".join(f"{proposal.pk}:{proposal.status}" for proposal in self.recipients)
        return hashlib.sha256(f"{self.outcome}|{shown}".encode()).hexdigest()[:16]

    @property
    def label(self):
        return OUTCOME_LABELS[self.outcome]


def outcome_label(outcome):
    return OUTCOME_LABELS[outcome]


def author_emails(proposal):
    return sorted({author.email for author in proposal.authors.all() if author.email})


def prepare_sending(call, outcome):
    """Who would receive `outcome` now, and who would not, with why."""
    sending = Sending(call=call, outcome=outcome)
    proposals = call.proposals.prefetch_related("authors").select_related("host")
    sending.already_told = proposals.filter(status=outcome, decision_sent_at__isnull=False).count()
    for proposal in proposals.filter(status=outcome, decision_sent_at__isnull=True).order_by(
        "title", "pk"
    ):
        if not author_emails(proposal):
            sending.left_out.append((proposal, _("aucune adresse e-mail d’auteur·e")))
        elif outcome == Status.INADMISSIBLE and not proposal.inadmissible_reason.strip():
            sending.left_out.append(
                (
                    proposal,
                    _("sans motif d’irrecevabilité : repassez-la à cette étape avec un motif"),
                )
            )
        else:
            sending.recipients.append(proposal)
    if outcome == Status.VALIDATED:
        # Retained by the jury but not yet validated: the committee decides first.
        for proposal in proposals.filter(status=Status.RETAINED).order_by("title", "pk"):
            sending.left_out.append(
                (proposal, _("retenue par le jury, pas encore validée par le comité"))
            )
    return sending


def render_decision(proposal, outcome, message=""):
    """(subject, body) of the e-mail telling `proposal`'s authors its outcome, in plain text."""
    cohort = proposal.call.cohort
    subject = SUBJECTS[outcome] % {"title": proposal.title or _("sans nom"), "cohort": cohort}
    body = render_to_string(
        f"proposals/email/decision_{outcome}.txt",
        {
            "proposal": proposal,
            "cohort": cohort,
            "message": absolute_links(message.strip()),
            "space_url": settings.SITE_URL + reverse("proposals:space"),
        },
    )
    return one_line(subject), body


def send_decisions(*, call, outcome, by, confirmed, message="", request=None):
    """Mark each proposal of the confirmed list as told and let the worker e-mail its authors.

    Refused, sending nothing, when nobody is left to tell (sending twice) or when the list is no
    longer the one the team confirmed (`confirmed`, the digest it saw).
    """
    if outcome not in OUTCOMES:
        raise SendingRefused(_("Cette décision n’existe pas."))
    message = message.strip()
    with transaction.atomic():
        # Locking the call's proposals serialises two sends: no administration is told twice.
        list(call.proposals.select_for_update().filter(status=outcome).values_list("pk"))
        sending = prepare_sending(call, outcome)
        if not sending.recipients:
            raise SendingRefused(nothing_to_send_message(sending))
        if confirmed != sending.digest:
            raise SendingRefused(
                _(
                    "La liste des propositions à prévenir a changé depuis son affichage : rien "
                    "n’est envoyé. Vérifiez-la de nouveau."
                )
            )
        ids = [proposal.pk for proposal in sending.recipients]
        Proposal.objects.filter(pk__in=ids).update(decision_sent_at=timezone.now())
        record(
            action=Action.PROPOSAL_DECISIONS_SENT,
            actor=by,
            target=call.cohort,
            request=request,
            data={
                "outcome": outcome,
                "count": len(ids),
                "left_out": len(sending.left_out),
                "message": bool(message),
            },
        )
        transaction.on_commit(
            lambda: deliver_proposal_decisions.enqueue(
                proposal_ids=ids, outcome=outcome, message=message, sent_by=by.pk
            )
        )
    return sending.recipients


def nothing_to_send_message(sending):
    if sending.already_told:
        return _(
            "La décision « %(outcome)s » a déjà été envoyée à chaque administration concernée : "
            "rien n’est envoyé une seconde fois."
        ) % {"outcome": sending.label}
    if sending.left_out:
        return _(
            "Aucune proposition « %(outcome)s » ne peut recevoir sa décision : rien n’est envoyé "
            "(voir pourquoi dans la liste)."
        ) % {"outcome": sending.label}
    return _("Aucune proposition n’attend la décision « %(outcome)s » : rien n’est envoyé.") % {
        "outcome": sending.label
    }


def deliver(*, proposal_ids, outcome, message, sent_by=None):
    """E-mail each proposal's authors its decision; a message the mailer refuses is journalled
    and the others still go. Returns the number of e-mails sent."""
    sent = 0
    proposals = (
        Proposal.objects.filter(pk__in=proposal_ids)
        .select_related("call__cohort", "host")
        .prefetch_related("authors")
        .order_by("pk")
    )
    for proposal in proposals:
        subject, body = render_decision(proposal, outcome, message)
        try:
            sent += EmailMessage(subject=subject, body=body, to=author_emails(proposal)).send()
        except Exception as error:  # one administration's failure never stops the others
            record(
                action=Action.PROPOSAL_DECISION_SEND_FAILED,
                actor=None,
                target=proposal,
                data={"outcome": outcome, "sent_by": sent_by, "error": one_line(str(error))[:300]},
            )
    return sent
