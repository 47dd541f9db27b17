"""The decisions told to candidates: one e-mail template per outcome, one notice per decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eig.applications.models import Application

SUBJECT_MAX = 150
BODY_MAX = 5000

# The outcomes a decision e-mail tells, in the order the team page shows them.
OUTCOMES = [
    Application.Status.SELECTED,
    Application.Status.WAITLISTED,
    Application.Status.REJECTED,
]
OUTCOME_CHOICES = [(outcome.value, outcome.label) for outcome in OUTCOMES]


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
            "Texte brut. Champs remplacés pour chaque personne : {prénom}, {promotion}, {défis}."
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


class DecisionNotice(models.Model):
    """A decision sent to one candidate, with the text as sent: never sent twice."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("candidature"),
        on_delete=models.CASCADE,
        related_name="decision_notices",
    )
    outcome = models.CharField(_("décision"), max_length=20, choices=OUTCOME_CHOICES)
    subject = models.CharField(_("objet"), max_length=SUBJECT_MAX)
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField(_("envoyée le"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("décision envoyée")
        verbose_name_plural = _("décisions envoyées")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            # A waitlisted candidate may later be told they are retained: one notice per outcome.
            models.UniqueConstraint(
                fields=["application", "outcome"], name="one_decision_notice_per_outcome"
            )
        ]

    def __str__(self):
        return f"{self.application} — {self.get_outcome_display()}"
