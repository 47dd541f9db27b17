"""Decisions: the templates per outcome, their rendering, and sending them once to each person."""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.applications.models import Application
from eig.audit.services import record
from eig.decisions.models import OUTCOMES, DecisionNotice, DecisionTemplate
from eig.decisions.tasks import deliver_decisions

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


def unknown_placeholders(text):
    return sorted(set(PLACEHOLDER_PATTERN.findall(text)) - set(PLACEHOLDERS))


def decision_templates(cohort):
    """The cohort's template for each outcome, created with the default text on first use."""
    templates = {}
    for outcome in OUTCOMES:
        subject, body = DEFAULT_TEXTS[outcome]
        templates[outcome] = DecisionTemplate.objects.get_or_create(
            cohort=cohort, outcome=outcome, defaults={"subject": subject, "body": body}
        )[0]
    return templates


def fill(text, application):
    """Plain replacement of the known placeholders: nothing else in the text is interpreted."""
    challenges = ", ".join(str(choice.challenge) for choice in application.choices.all())
    values = {
        "prénom": application.first_name,
        "promotion": str(application.cohort),
        "défis": challenges,
    }
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def render_decision(template, application):
    """(subject, body) for one person, as plain text."""
    return fill(template.subject, application), fill(template.body, application)


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


def send_decisions(*, cohort, outcome, by, now=None):
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
                    sent_at=now,
                    sent_by=by,
                )
            )
        notices = DecisionNotice.objects.bulk_create(notices)
        notice_ids = [notice.pk for notice in notices]
        record(
            action="decision.sent",
            actor=by,
            target=cohort,
            data={"outcome": str(outcome), "count": len(notices)},
        )
        transaction.on_commit(lambda: deliver_decisions.enqueue(notice_ids=notice_ids))
    return notices


def outcome_label(outcome):
    return dict(Application.Status.choices)[outcome]


def nothing_to_send_message(outcome):
    return _("Aucune candidature « %(outcome)s » n'attend sa décision : rien n'est envoyé.") % {
        "outcome": outcome_label(outcome)
    }
