"""Team proposals: the result of `manage.py match`, reviewed, locked and published by the team."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TeamProposal(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        LOCKED = "locked", _("verrouillée")
        PUBLISHED = "published", _("publiée")

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        on_delete=models.CASCADE,
        related_name="team_proposals",
        verbose_name=_("promotion"),
    )
    status = models.CharField(_("état"), max_length=20, choices=Status, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("calculée par"),
    )
    created_at = models.DateTimeField(_("calculée le"), auto_now_add=True)
    locked_at = models.DateTimeField(_("verrouillée le"), null=True, blank=True)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    total_score = models.FloatField(_("score total"), default=0)

    class Meta:
        verbose_name = _("proposition d'équipes")
        verbose_name_plural = _("propositions d'équipes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort"],
                condition=Q(status="draft"),
                name="one_draft_team_proposal_per_cohort",
            )
        ]

    def __str__(self):
        return f"Équipes — {self.cohort} ({self.get_status_display()})"


class ProposedMember(models.Model):
    proposal = models.ForeignKey(
        TeamProposal,
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=_("proposition"),
    )
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("candidature"),
    )
    challenge = models.ForeignKey(
        "challenges.Challenge",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("défi (vide : sans équipe)"),
    )
    score = models.FloatField(_("score"), default=0)
    rank = models.PositiveSmallIntegerField(_("rang du défi dans ses choix"), null=True, blank=True)

    class Meta:
        verbose_name = _("membre proposé")
        verbose_name_plural = _("membres proposés")
        ordering = ["challenge_id", "-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "application"], name="unique_proposed_member"
            )
        ]

    def __str__(self):
        return f"{self.application_id} → {self.challenge_id or '—'}"
