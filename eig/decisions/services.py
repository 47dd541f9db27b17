"""Decisions: the templates per outcome, their rendering, and sending them once to each person."""

import contextlib
import hashlib
import re
from dataclasses import dataclass, field

from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from eig.applications.models import Application
from eig.audit.models import Action
from eig.audit.services import record
from eig.decisions.models import (
    FAILURE_MAX,
    SUBJECT_MAX,
    DecisionNotice,
    DecisionTemplate,
    Placement,
)
from eig.decisions.tasks import deliver_decisions
from eig.links import absolute_links
from eig.plain_text import one_line

Status = Application.Status
# The fields each outcome's e-mail may use. {défi} is the défi of the person's team: only a
# retained person has one; {défis} lists every défi chosen, which would mislead them.
PLACEHOLDERS = {
    Status.SELECTED: ("prénom", "promotion", "défi"),
    Status.WAITLISTED: ("prénom", "promotion", "défis"),
    Status.REJECTED: ("prénom", "promotion", "défis"),
}
PLACEHOLDER_PATTERN = re.compile(r"\{([^{}\s]*)\}")
# {défi} of a person told before the teams are published (the team confirmed it).
TEAM_TO_COME = "à confirmer lors de la formation des équipes"

# The journal code of each outcome sent.
SENT_ACTIONS = {
    Status.SELECTED: Action.DECISIONS_SENT_SELECTED,
    Status.WAITLISTED: Action.DECISIONS_SENT_WAITLISTED,
    Status.REJECTED: Action.DECISIONS_SENT_REJECTED,
}

DEFAULT_TEXTS = {
    Application.Status.SELECTED: (
        "Votre candidature à la {promotion} est retenue",
        "Bonjour {prénom},\n\n"
        "Nous avons le plaisir de vous annoncer que votre candidature à la {promotion} est "
        "retenue, pour le défi suivant : {défi}. Félicitations, et merci pour le temps "
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


class SendingRefused(Exception):
    """A send the rules refuse, with the reason in French for the team."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NothingToSend(SendingRefused):
    pass


class TeamsNotPublished(SendingRefused):
    """The "retenue" e-mails wait for the teams, unless the team confirms they go first."""


class RecipientsChanged(SendingRefused):
    """The people who would receive it are no longer those the team confirmed."""


class NothingToRetry(Exception):
    pass


class Undeliverable(Exception):
    """An e-mail the mailer could not take, for a reason told in French to the team."""


def unknown_placeholders(text, outcome):
    return sorted(set(PLACEHOLDER_PATTERN.findall(text)) - set(PLACEHOLDERS[outcome]))


def placeholders_message(unknown, outcome):
    """Why these fields cannot be used in that outcome's e-mail, and which can."""
    known = ", ".join("{" + name + "}" for name in PLACEHOLDERS[outcome])
    if outcome == Status.SELECTED and "défis" in unknown:
        return _(
            "{défis} donnerait tous les défis choisis par la personne : dans l’e-mail « retenue », "
            "utilisez {défi}, le défi de son équipe. Champs possibles : %(known)s."
        ) % {"known": known}
    return _("Champ inconnu : %(unknown)s. Champs possibles : %(known)s.") % {
        "unknown": ", ".join("{" + name + "}" for name in unknown),
        "known": known,
    }


def decision_templates(cohort):
    """The cohort's template for each outcome, created with the default text on first use."""
    templates = {}
    for outcome in Application.OUTCOMES:
        subject, body = DEFAULT_TEXTS[outcome]
        templates[outcome] = DecisionTemplate.objects.get_or_create(
            cohort=cohort, outcome=outcome, defaults={"subject": subject, "body": body}
        )[0]
    return templates


def placement_of(application):
    """The person's placement from the published teams, or None."""
    try:
        return application.placement
    except Placement.DoesNotExist:
        return None


def retained_challenge(application):
    """The défi of the person's team in the published proposal, or None."""
    placement = placement_of(application)
    return placement.challenge if placement else None


def fill(text, application):
    """Plain replacement of the known placeholders: nothing else in the text is interpreted,
    except the paths standing alone, given the site's address (a mail reader cannot follow
    "/donnees-personnelles/").

    Each value goes in on one line: a line break typed in a first name before forms refused
    them cannot break the subject, nor the e-mails of the others.
    """
    challenges = ", ".join(str(choice.challenge) for choice in application.choices.all())
    challenge = retained_challenge(application)
    values = {
        "prénom": application.first_name,
        "promotion": str(application.cohort),
        "défi": str(challenge) if challenge else TEAM_TO_COME,
        "défis": challenges,
    }
    for name, value in values.items():
        text = text.replace("{" + name + "}", one_line(value))
    return absolute_links(text)


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


def with_texts(queryset):
    """What rendering a decision reads, in a few queries."""
    return queryset.select_related("cohort", "placement__challenge").prefetch_related(
        "choices__challenge"
    )


def preview_application(cohort, outcome):
    """A real candidate of that outcome to preview the e-mail with: a pending one first."""
    queryset = with_texts(Application.objects.all())
    return (
        queryset.filter(pk__in=pending(cohort, outcome)).order_by("pk").first()
        or queryset.filter(pk__in=at_outcome(cohort, outcome)).order_by("pk").first()
    )


def teams_published(cohort):
    """Whether the cohort's teams are published: their placements are then copied here."""
    return Placement.objects.filter(application__cohort=cohort).exists()


def place_retained(*, members, published_at):
    """Keep the défi of each member of the teams just published: `members` are pairs of an
    application id and a défi id (None: without a team). Called by eig.teams on publishing."""
    Placement.objects.bulk_create(
        [
            Placement(
                application_id=application_id, challenge_id=challenge_id, published_at=published_at
            )
            for application_id, challenge_id in members
        ],
        update_conflicts=True,
        unique_fields=["application"],
        update_fields=["challenge", "published_at"],
    )


@dataclass
class Sending:
    """What sending an outcome would do now: who receives it, who does not and why."""

    outcome: str
    template: DecisionTemplate | None
    recipients: list = field(default_factory=list)
    left_out: list = field(default_factory=list)  # (application, reason)
    # Why nothing can go, whatever the team confirms.
    refusal: str = ""
    # "retenue" before the teams are published: only with the team's confirmation.
    before_teams: bool = False

    @property
    def digest(self):
        """A fingerprint of the recipients, so that a send goes to those the team confirmed."""
        ids = ",".join(str(application.pk) for application in self.recipients)
        return hashlib.sha256(ids.encode()).hexdigest()

    def previews(self, count=3):
        """Real recipients to preview the e-mail with: one who chose the most défis first (the
        e-mail must read right for them too), then the first others."""
        if not self.recipients:
            return []
        most = max(self.recipients, key=lambda application: len(application.choices.all()))
        others = [application for application in self.recipients if application != most]
        return [most, *others[: count - 1]]


def template_refusal(template, outcome):
    label = outcome_label(outcome)
    if template is None:
        return _(
            "Le modèle de l’e-mail « %(outcome)s » n’existe pas encore : ouvrez la page des "
            "décisions pour le relire avant d’envoyer."
        ) % {"outcome": label}
    if not template.subject.strip() or not template.body.strip():
        return _("Le modèle de l’e-mail « %(outcome)s » est vide : écrivez-le d’abord.") % {
            "outcome": label
        }
    unknown = unknown_placeholders(template.subject + template.body, outcome)
    if unknown:
        return _("Le modèle de l’e-mail « %(outcome)s » ne peut pas partir : %(why)s") % {
            "outcome": label,
            "why": placeholders_message(unknown, outcome),
        }
    return ""


def prepare_sending(cohort, outcome, *, template=None):
    """Who would receive that outcome's e-mail now, who would not and why."""
    if template is None:
        template = DecisionTemplate.objects.filter(cohort=cohort, outcome=outcome).first()
    sending = Sending(outcome=outcome, template=template)
    sending.refusal = template_refusal(template, outcome)
    told_retained = set()
    if outcome != Status.SELECTED:
        told_retained = set(
            notices_of(cohort, Status.SELECTED).values_list("application_id", flat=True)
        )
    published = outcome == Status.SELECTED and teams_published(cohort)
    sending.before_teams = outcome == Status.SELECTED and not published
    for application in with_texts(pending(cohort, outcome)).order_by(
        "last_name", "first_name", "pk"
    ):
        reason = ""
        if application.pk in told_retained:
            # Told they are retained: another outcome is the team's to explain, not a form's.
            reason = _("a déjà reçu la décision « retenue » : écrivez-lui directement")
        elif published and placement_of(application) is None:
            reason = _("retenue après la publication des équipes : absente de la proposition")
        elif published and retained_challenge(application) is None:
            reason = _("sans équipe dans la proposition d’équipes publiée")
        if reason:
            sending.left_out.append((application, reason))
        else:
            sending.recipients.append(application)
    sending.recipients.sort(key=lambda application: application.pk)
    return sending


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


def send_decisions(
    *, cohort, outcome, by, before_teams=False, confirmed=None, now=None, request=None
):
    """Record a notice for each person the rules let receive that outcome, then let the worker
    e-mail them. `confirmed`, the digest of the recipients the team saw, refuses a send to
    others; `before_teams` is the team's confirmation that "retenue" goes before the teams are
    published (journalled)."""
    now = now or timezone.now()
    with transaction.atomic():
        # Locking the template serialises two sends of the same outcome: none goes twice.
        template = (
            DecisionTemplate.objects.select_for_update()
            .filter(cohort=cohort, outcome=outcome)
            .first()
        )
        sending = prepare_sending(cohort, outcome, template=template)
        if sending.refusal:
            raise SendingRefused(sending.refusal)
        if not sending.recipients:
            raise NothingToSend(nothing_to_send_message(outcome, left_out=sending.left_out))
        if confirmed is not None and confirmed != sending.digest:
            raise RecipientsChanged(
                _(
                    "La liste des destinataires a changé depuis son affichage (un autre envoi, "
                    "une candidature déplacée) : rien n’est envoyé. Vérifiez-la de nouveau."
                )
            )
        if sending.before_teams and not before_teams:
            raise TeamsNotPublished(
                _(
                    "Les équipes de la %(cohort)s ne sont pas publiées : l’e-mail « retenue » "
                    "attend leur publication, sauf si vous confirmez l’envoi avant."
                )
                % {"cohort": cohort}
            )
        notices = []
        for application in sending.recipients:
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
        data = {"count": len(notices), "left_out": len(sending.left_out)}
        record(action=SENT_ACTIONS[outcome], actor=by, target=cohort, request=request, data=data)
        if sending.before_teams:
            record(
                action=Action.DECISIONS_SENT_BEFORE_TEAMS,
                actor=by,
                target=cohort,
                request=request,
                data={"count": len(notices)},
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


def nothing_to_send_message(outcome, left_out=()):
    if left_out:
        return _(
            "Aucune des candidatures « %(outcome)s » qui attendent leur décision ne peut la "
            "recevoir : rien n'est envoyé (voir pourquoi dans la liste)."
        ) % {"outcome": outcome_label(outcome)}
    return _("Aucune candidature « %(outcome)s » n'attend sa décision : rien n'est envoyé.") % {
        "outcome": outcome_label(outcome)
    }
