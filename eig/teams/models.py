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

    class Method(models.TextChoices):
        OPTIMAL = "optimal", _("score total optimal")
        STABLE = "stable", _("répartition stable")

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
    method = models.CharField(_("méthode"), max_length=20, choices=Method, default=Method.OPTIMAL)
    include_pending = models.BooleanField(
        _("avec les candidatures auditionnées et en liste d’attente"), default=False
    )

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
    pinned = models.BooleanField(_("imposé·e par l’équipe"), default=False)
    # Why not on a défi ranked higher: eig.matching's refusals, ids instead of names, so the
    # page names people and défis as they are called now.
    refusals = models.JSONField(_("choix mieux classés non obtenus"), default=list, blank=True)

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


class TeamConstraint(models.Model):
    """A pair the team set before a computation: this person on this défi, or never on it."""

    class Kind(models.TextChoices):
        PINNED = "pinned", _("imposé·e sur le défi")
        FORBIDDEN = "forbidden", _("écarté·e du défi")

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        on_delete=models.CASCADE,
        related_name="team_constraints",
        verbose_name=_("promotion"),
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
        related_name="+",
        verbose_name=_("défi"),
    )
    kind = models.CharField(_("choix"), max_length=20, choices=Kind)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ajouté par"),
    )
    created_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        verbose_name = _("choix de l’équipe sur un défi")
        verbose_name_plural = _("choix de l’équipe sur les défis")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "challenge"], name="one_team_constraint_per_pair"
            )
        ]

    def __str__(self):
        return f"{self.application} — {self.get_kind_display()} « {self.challenge} »"
