"""Decisions: the templates per outcome, their rendering, and sending them once to each person."""

import contextlib
import re

from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from eig.applications.models import Application
from eig.audit.models import Action
from eig.audit.services import record
from eig.decisions.models import FAILURE_MAX, SUBJECT_MAX, DecisionNotice, DecisionTemplate
from eig.decisions.tasks import deliver_decisions
from eig.plain_text import one_line

PLACEHOLDERS = ("prénom", "promotion", "défis")
PLACEHOLDER_PATTERN = re.compile(r"\{([^{}\s]*)\}")

DEFAULT_TEXTS = {
    Application.Status.SELECTED: (
        "Votre candidature à la {promotion} est retenue",
        "Bonjour {prénom},\n\n"
        "Nous avons le plaisir de vous annoncer que votre candidature à la {promotion} est "
        "retenue, pour le défi suivant : {défis}. Félicitations, et merci pour le temps "
        "consacré à la sélection !\n\n"
        "Prochaines étapes : l'administration d'accueil de votre défi vous contactera pour "
        "préparer votre contrat. Nous vous écrirons ensuite pour la date de démarrage de la "
        "promotion et le programme des premières semaines.\n\n"
        "À très bientôt,\nL'équipe du programme",
    ),
    Application.Status.WAITLISTED: (
        "Votre candidature à la {promotion} : liste d'attente",
        "Bonjour {prénom},\n\n"
        "Merci pour votre candidature à la {promotion} et pour votre participation à "
        "l'audition. Votre candidature est placée sur liste d'attente (défis : {défis}).\n\n"
        "Si une place se libère, nous reviendrons vers vous rapidement. Dans tous les cas, "
        "nous vous tiendrons informé·e de la décision finale.\n\n"
        "Bien cordialement,\nL'équipe du programme",
    ),
    Application.Status.REJECTED: (
        "Votre candidature à la {promotion}",
        "Bonjour {prénom},\n\n"
        "Merci pour l'intérêt que vous portez au programme et pour le temps consacré à votre "
        "candidature à la {promotion}. Après examen, nous ne pouvons malheureusement pas la "
        "retenir cette année.\n\n"
        "Ce n'est pas un jugement de votre parcours : les places sont peu nombreuses. Nous vous "
        "encourageons vivement à candidater de nouveau lors d'un prochain appel.\n\n"
        "Votre candidature n'est conservée que le temps nécessaire pour pouvoir vous expliquer "
        "cette décision si vous le demandez, puis elle est supprimée. Pour en savoir plus sur "
        "vos données : /donnees-personnelles/\n\n"
        "Bien cordialement,\nL'équipe du programme",
    ),
}


class NothingToSend(Exception):
    pass


class NothingToRetry(Exception):
    pass


class Undeliverable(Exception):
    """An e-mail the mailer could not take, for a reason told in French to the team."""


def unknown_placeholders(text):
    return sorted(set(PLACEHOLDER_PATTERN.findall(text)) - set(PLACEHOLDERS))


def decision_templates(cohort):
    """The cohort's template for each outcome, created with the default text on first use."""
    templates = {}
    for outcome in Application.OUTCOMES:
        subject, body = DEFAULT_TEXTS[outcome]
        templates[outcome] = DecisionTemplate.objects.get_or_create(
            cohort=cohort, outcome=outcome, defaults={"subject": subject, "body": body}
        )[0]
    return templates


def fill(text, application):
    """Plain replacement of the known placeholders: nothing else in the text is interpreted.

    Each value goes in on one line: a line break typed in a first name before forms refused
    them cannot break the subject, nor the e-mails of the others.
    """
    challenges = ", ".join(str(choice.challenge) for choice in application.choices.all())
    values = {
        "prénom": application.first_name,
        "promotion": str(application.cohort),
        "défis": challenges,
    }
    for name, value in values.items():
        text = text.replace("{" + name + "}", one_line(value))
    return text


def render_decision(template, application):
    """(subject, body) for one person, as plain text; the subject on one line, within the
    length a notice keeps."""
    subject = Truncator(one_line(fill(template.subject, application))).chars(SUBJECT_MAX)
    return subject, fill(template.body, application)


def at_outcome(cohort, outcome):
    return Application.objects.filter(cohort=cohort, status=outcome)


def pending(cohort, outcome):
    """Applications at that outcome whose candidate has not been told it yet."""
    return at_outcome(cohort, outcome).exclude(decision_notices__outcome=outcome)


def preview_application(cohort, outcome):
    """A real candidate of that outcome to preview the e-mail with: a pending one first."""
    queryset = Application.objects.select_related("cohort").prefetch_related("choices__challenge")
    return (
        queryset.filter(pk__in=pending(cohort, outcome)).order_by("pk").first()
        or queryset.filter(pk__in=at_outcome(cohort, outcome)).order_by("pk").first()
    )


def edit_decision_template(*, template, subject, body, by, request=None):
    """Save the team's new wording of a decision e-mail, and say who changed it."""
    template.subject, template.body = subject, body
    with transaction.atomic():
        template.save(update_fields=["subject", "body", "updated_at"])
        record(
            action=Action.DECISION_TEMPLATE_EDITED,
            actor=by,
            target=template,
            request=request,
            data={"outcome": str(template.outcome)},
        )
    return template


def send_decisions(*, cohort, outcome, by, now=None, request=None):
    """Record a notice for each application not yet told, then let the worker e-mail them."""
    now = now or timezone.now()
    with transaction.atomic():
        decision_templates(cohort)
        # Locking the template serialises two sends of the same outcome: none goes twice.
        template = DecisionTemplate.objects.select_for_update().get(cohort=cohort, outcome=outcome)
        applications = list(
            pending(cohort, outcome)
            .select_related("cohort")
            .prefetch_related("choices__challenge")
            .order_by("pk")
        )
        if not applications:
            raise NothingToSend
        notices = []
        for application in applications:
            subject, body = render_decision(template, application)
            notices.append(
                DecisionNotice(
                    application=application,
                    outcome=outcome,
                    subject=subject,
                    body=body,
                    decided_at=now,
                    sent_by=by,
                )
            )
        notices = DecisionNotice.objects.bulk_create(notices)
        notice_ids = [notice.pk for notice in notices]
        record(
            action=Action.DECISIONS_SENT,
            actor=by,
            target=cohort,
            request=request,
            data={"outcome": str(outcome), "count": len(notices)},
        )
        transaction.on_commit(lambda: deliver_decisions.enqueue(notice_ids=notice_ids))
    return notices


def deliver_notices(*, notice_ids):
    """E-mail each queued notice of `notice_ids`, one message per person: a notice is marked
    sent once the mailer took its e-mail; one the mailer refuses is marked failed, recorded in
    the journal, and the others go on. Returns the number sent."""
    notices = list(
        DecisionNotice.objects.queued()
        .filter(pk__in=notice_ids)
        .select_related("application__candidate", "sent_by")
        .order_by("pk")
    )
    mailer = mailers.default
    # One connection for all; if it cannot open, each message tries again and fails alone.
    with contextlib.suppress(Exception):
        mailer.open()
    sent = 0
    try:
        for notice in notices:
            try:
                message = decision_email(notice)
                if not message.recipients():
                    raise Undeliverable(_("aucune adresse e-mail"))
                if not mailer.send_messages([message]):
                    raise Undeliverable(_("le serveur d’e-mail ne l’a pas pris"))
            except Exception as error:  # whatever the mailer raises, the others still go
                decision_failed(notice=notice, error=error)
            else:
                DecisionNotice.objects.filter(pk=notice.pk).update(sent_at=timezone.now())
                sent += 1
    finally:
        with contextlib.suppress(Exception):
            mailer.close()
    return sent


def decision_email(notice):
    address = notice.application.official_email  # "" once the account is anonymised
    recipients = [address] if address else []
    return EmailMessage(subject=one_line(notice.subject), body=notice.body, to=recipients)


def decision_failed(*, notice, error):
    reason = str(error) if isinstance(error, Undeliverable) else f"{type(error).__name__}: {error}"
    failure = one_line(reason)[:FAILURE_MAX]
    with transaction.atomic():
        DecisionNotice.objects.filter(pk=notice.pk).update(
            failed_at=timezone.now(), failure=failure
        )
        record(
            action=Action.DECISION_SEND_FAILED,
            actor=notice.sent_by,
            target=notice.application,
            data={"outcome": notice.outcome, "error": failure},
        )


def notices_of(cohort, outcome):
    return DecisionNotice.objects.filter(application__cohort=cohort, outcome=outcome)


def failed_notices(cohort, outcome):
    """The notices of that outcome whose e-mail failed, for the team to see and send again."""
    return (
        notices_of(cohort, outcome)
        .failed()
        .select_related("application__candidate")
        .order_by("application__last_name", "application__first_name", "pk")
    )


def retry_failed_decisions(*, cohort, outcome, by, request=None):
    """Queue again the failed e-mails of that outcome, as they were written; the worker sends
    them to the address the application has now (the team may have corrected it)."""
    with transaction.atomic():
        # Locking the template serialises two retries: no notice is queued twice.
        DecisionTemplate.objects.select_for_update().filter(cohort=cohort, outcome=outcome).first()
        notice_ids = list(failed_notices(cohort, outcome).values_list("pk", flat=True))
        if not notice_ids:
            raise NothingToRetry
        DecisionNotice.objects.filter(pk__in=notice_ids).update(failed_at=None, failure="")
        record(
            action=Action.DECISIONS_RETRIED,
            actor=by,
            target=cohort,
            request=request,
            data={"outcome": str(outcome), "count": len(notice_ids)},
        )
        transaction.on_commit(lambda: deliver_decisions.enqueue(notice_ids=notice_ids))
    return notice_ids


def outcome_label(outcome):
    return dict(Application.Status.choices)[outcome]


def nothing_to_send_message(outcome):
    return _("Aucune candidature « %(outcome)s » n'attend sa décision : rien n'est envoyé.") % {
        "outcome": outcome_label(outcome)
    }
