"""The défi jury: its members and their conflicts, its groups, their hearings and the grids."""

import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SCORE_MIN, SCORE_MAX = 1, 5
SCALE = {
    1: _("insuffisant"),
    2: _("faible"),
    3: _("correct"),
    4: _("bon"),
    5: _("excellent"),
}


class Sector(models.TextChoices):
    PUBLIC = "public", _("secteur public")
    PRIVATE = "private", _("secteur privé")


class Expertise(models.TextChoices):
    DATA = "data", _("données et intelligence artificielle")
    PRODUCT = "product", _("développement et produit numérique")
    DESIGN = "design", _("design et usagers")
    PUBLIC_POLICY = "public_policy", _("politiques publiques")
    INNOVATION = "innovation", _("innovation et entrepreneuriat")


class JuryCalendar(models.Model):
    """The jury's rhythm for one call: the parts of a hearing, the breaks, the half-days, rooms."""

    call = models.OneToOneField(
        "proposals.ChallengeCall", on_delete=models.CASCADE, related_name="jury_calendar"
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("lecture du dossier (minutes)"), default=10
    )
    pitch_minutes = models.PositiveSmallIntegerField(_("présentation (minutes)"), default=10)
    questions_minutes = models.PositiveSmallIntegerField(_("questions (minutes)"), default=15)
    deliberation_minutes = models.PositiveSmallIntegerField(_("délibération (minutes)"), default=5)
    break_minutes = models.PositiveSmallIntegerField(_("pause (minutes)"), default=10)
    break_every_minutes = models.PositiveSmallIntegerField(
        _("une pause toutes les (minutes)"), default=40
    )
    morning_starts = models.TimeField(_("début de la matinée"), default=datetime.time(9, 0))
    morning_ends = models.TimeField(_("fin de la matinée"), default=datetime.time(13, 0))
    afternoon_starts = models.TimeField(_("début de l’après-midi"), default=datetime.time(14, 0))
    afternoon_ends = models.TimeField(_("fin de l’après-midi"), default=datetime.time(18, 0))
    rooms = models.PositiveSmallIntegerField(
        _("salles en parallèle"), default=2, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("calendrier du jury des défis")
        verbose_name_plural = _("calendriers du jury des défis")

    def __str__(self):
        return str(self.call)

    @property
    def hearing_minutes(self):
        return (
            self.reading_minutes
            + self.pitch_minutes
            + self.questions_minutes
            + self.deliberation_minutes
        )


class JuryGroup(models.Model):
    """Five to eight members who hear two or three défis together, in one half-day."""

    call = models.ForeignKey(
        "proposals.ChallengeCall", on_delete=models.CASCADE, related_name="jury_groups"
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    starts_at = models.DateTimeField(_("première audition"))
    room = models.PositiveSmallIntegerField(_("salle"), default=1)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    video_url = models.URLField(_("lien de visioconférence"), blank=True)
    lead = models.OneToOneField(
        "JuryMember",
        verbose_name=_("président·e du groupe"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("groupe du jury des défis")
        verbose_name_plural = _("groupes du jury des défis")
        ordering = ["starts_at", "room", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="unique_jury_group_number")
        ]

    def __str__(self):
        return _("Groupe %(number)d") % {"number": self.number}


class JuryMember(models.Model):
    """A member of a call's défi jury, with the profile the groups are balanced on."""

    call = models.ForeignKey(
        "proposals.ChallengeCall", on_delete=models.CASCADE, related_name="jury_members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="challenge_juries"
    )
    full_name = models.CharField(_("prénom et nom"), max_length=120)
    email = models.EmailField(_("adresse e-mail"))
    sector = models.CharField(_("secteur"), max_length=20, choices=Sector)
    expertise = models.CharField(_("expertise"), max_length=20, choices=Expertise)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    # A public agent's administration: never on the jury of its défis.
    host = models.ForeignKey(
        "challenges.HostOrganisation",
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="challenge_jury_members",
    )
    group = models.ForeignKey(
        JuryGroup,
        verbose_name=_("groupe"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    invited_at = models.DateTimeField(_("invité·e le"), auto_now_add=True)

    class Meta:
        verbose_name = _("membre du jury des défis")
        verbose_name_plural = _("membres du jury des défis")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="unique_challenge_jury_member"),
            models.CheckConstraint(
                condition=Q(sector="public") | Q(host__isnull=True),
                name="jury_member_host_only_for_agents",
            ),
        ]

    def __str__(self):
        return self.full_name


class JuryConflict(models.Model):
    """A conflict a member declared: with one proposal, or with a whole administration."""

    member = models.ForeignKey(JuryMember, on_delete=models.CASCADE, related_name="conflicts")
    proposal = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("proposition"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jury_conflicts",
    )
    host = models.ForeignKey(
        "challenges.HostOrganisation",
        verbose_name=_("administration"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jury_conflicts",
    )
    reason = models.CharField(_("motif"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conflit d’intérêts")
        verbose_name_plural = _("conflits d’intérêts")
        constraints = [
            models.CheckConstraint(
                condition=Q(proposal__isnull=True, host__isnull=False)
                | Q(proposal__isnull=False, host__isnull=True),
                name="jury_conflict_one_target",
            )
        ]

    def __str__(self):
        return str(self.proposal or self.host)


class Hearing(models.Model):
    """A défi heard by a group; its time is one of the group's slots, booked or given."""

    group = models.ForeignKey(JuryGroup, on_delete=models.CASCADE, related_name="hearings")
    proposal = models.OneToOneField(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="hearing"
    )
    starts_at = models.DateTimeField(_("heure de l’audition"), null=True, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    booked_at = models.DateTimeField(_("réservée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("audition d’un défi")
        verbose_name_plural = _("auditions des défis")
        ordering = ["group", "starts_at"]
        constraints = [
            # The last guard against two hearings on the same slot of a group.
            models.UniqueConstraint(fields=["group", "starts_at"], name="one_hearing_per_slot")
        ]

    def __str__(self):
        return str(self.proposal)


class MemberGrid(models.Model):
    """A member's grid for a défi of their group: a score per criterion, draft then submitted."""

    member = models.ForeignKey(JuryMember, on_delete=models.CASCADE, related_name="grids")
    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="jury_grids"
    )
    # Criterion id (as text) → score from SCORE_MIN to SCORE_MAX.
    scores = models.JSONField(default=dict)
    comment = models.TextField(_("commentaire"), max_length=3000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("grille d’un membre")
        verbose_name_plural = _("grilles des membres")
        constraints = [
            models.UniqueConstraint(fields=["member", "proposal"], name="one_grid_per_member")
        ]

    def __str__(self):
        return f"{self.member} — {self.proposal}"


class ConsolidatedGrid(models.Model):
    """The group's grid for a défi, filled by its lead from the members' grids."""

    class Recommendation(models.TextChoices):
        RETAINED = "retained", _("retenu")
        NOT_RETAINED = "not_retained", _("non retenu")

    proposal = models.OneToOneField(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="consolidated_grid"
    )
    scores = models.JSONField(default=dict)
    comment = models.TextField(_("avis du groupe"), max_length=5000, blank=True)
    recommendation = models.CharField(
        _("recommandation"), max_length=20, choices=Recommendation, blank=True
    )
    filled_by = models.ForeignKey(
        JuryMember, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("grille commune")
        verbose_name_plural = _("grilles communes")

    def __str__(self):
        return str(self.proposal)
