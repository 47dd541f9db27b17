"""The decisions told to candidates: one e-mail template per outcome, one notice per decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eig.applications.models import Application

SUBJECT_MAX = 150
BODY_MAX = 5000
FAILURE_MAX = 200

OUTCOME_CHOICES = [(outcome.value, outcome.label) for outcome in Application.OUTCOMES]


class DecisionTemplate(models.Model):
    """The e-mail a cohort's candidates receive for one outcome, with placeholders."""

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        on_delete=models.CASCADE,
        related_name="decision_templates",
    )
    outcome = models.CharField(_("décision"), max_length=20, choices=OUTCOME_CHOICES)
    subject = models.CharField(_("objet"), max_length=SUBJECT_MAX)
    body = models.TextField(
        _("message"),
        max_length=BODY_MAX,
        help_text=_(
            "Texte brut. Champs remplacés pour chaque personne : {prénom}, {promotion}, {défi} "
            "(le défi de son équipe, pour une candidature retenue), {défis} (les défis choisis)."
        ),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("modèle de décision")
        verbose_name_plural = _("modèles de décision")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "outcome"], name="one_decision_template_per_outcome"
            )
        ]

    def __str__(self):
        return f"{self.cohort} — {self.get_outcome_display()}"


class Placement(models.Model):
    """The défi a retained person is on, copied from the team proposal when the team publishes
    it (eig.teams): what the "retenue" e-mail and the candidate's space name. No défi: the
    published proposal left the person without a team."""

    application = models.OneToOneField(
        Application,
        verbose_name=_("candidature"),
        on_delete=models.CASCADE,
        related_name="placement",
    )
    challenge = models.ForeignKey(
        "challenges.Challenge",
        verbose_name=_("défi (vide : sans équipe)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("équipes publiées le"))

    class Meta:
        verbose_name = _("défi d’une personne retenue")
        verbose_name_plural = _("défis des personnes retenues")

    def __str__(self):
        return f"{self.application} → {self.challenge or '—'}"


class DecisionNoticeQuerySet(models.QuerySet):
    def sent(self):
        """The notices the mailer took: the candidate was told."""
        return self.filter(sent_at__isnull=False)

    def queued(self):
        """The notices the worker has still to e-mail."""
        return self.filter(sent_at__isnull=True, failed_at__isnull=True)

    def failed(self):
        """The notices whose e-mail failed, until the team sends them again."""
        return self.filter(sent_at__isnull=True, failed_at__isnull=False)


class DecisionNotice(models.Model):
    """A decision told to one candidate, with the text as written: never sent twice.

    Recorded when the team sends the decision (`decided_at`), then e-mailed by the worker:
    `sent_at` once the mailer took the e-mail, or `failed_at` and `failure` if it refused it.
    """

    application = models.ForeignKey(
        Application,
        verbose_name=_("candidature"),
        on_delete=models.CASCADE,
        related_name="decision_notices",
    )
    outcome = models.CharField(_("décision"), max_length=20, choices=OUTCOME_CHOICES)
    subject = models.CharField(_("objet"), max_length=SUBJECT_MAX)
    body = models.TextField(_("message"))
    decided_at = models.DateTimeField(_("décidée le"))
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    failed_at = models.DateTimeField(_("échec de l’envoi le"), null=True, blank=True)
    failure = models.CharField(_("cause de l’échec"), max_length=FAILURE_MAX, blank=True)

    objects = DecisionNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("décision envoyée")
        verbose_name_plural = _("décisions envoyées")
        ordering = ["-decided_at", "-pk"]
        constraints = [
            # A waitlisted candidate may later be told they are retained: one notice per outcome.
            models.UniqueConstraint(
                fields=["application", "outcome"], name="one_decision_notice_per_outcome"
            )
        ]

    def __str__(self):
        return f"{self.application} — {self.get_outcome_display()}"
