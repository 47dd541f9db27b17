"""The jury of a cohort: reviewers, their conflicts of interest and their assignments."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from eig.applications.models import Profile


class Reviewer(models.Model):
    """A member of the jury of one cohort, invited by the programme team."""

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        on_delete=models.PROTECT,
        related_name="reviewers",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="reviewer_roles",
    )
    full_name = models.CharField(_("prénom et nom"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    host = models.ForeignKey(
        "challenges.HostOrganisation",
        verbose_name=_("administration d'accueil"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewers",
    )
    # A list of Profile values: the profiles of candidates this reviewer can assess.
    profiles = models.JSONField(_("profils évalués"), default=list, blank=True)
    skills = models.ManyToManyField(
        "challenges.Skill", verbose_name=_("compétences"), related_name="reviewers", blank=True
    )
    max_load = models.PositiveSmallIntegerField(_("charge maximale"), default=10)
    invited_at = models.DateTimeField(_("invité·e le"))
    accepted_at = models.DateTimeField(_("expertise renseignée le"), null=True, blank=True)
    # When the reminder before the reviewing deadline was queued: never two (selection.notices).
    reminder_sent_at = models.DateTimeField(_("relancé·e le"), null=True, blank=True)

    class Meta:
        verbose_name = _("membre du jury")
        verbose_name_plural = _("membres du jury")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="one_reviewer_per_cohort")
        ]

    def __str__(self):
        return self.full_name

    def profile_labels(self):
        return [Profile(value).label for value in self.profiles if value in Profile.values]


class ConflictQuerySet(models.QuerySet):
    def blocking(self):
        """The conflicts that forbid the pair: all but those the team consented to."""
        return self.filter(consented_by_team=False)


class Conflict(models.Model):
    """A reviewer must not review an application: declared by them or detected."""

    class Kind(models.TextChoices):
        DECLARED = "declared", _("déclaré")
        DETECTED = "detected", _("détecté")

    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="conflicts")
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="conflicts"
    )
    kind = models.CharField(_("origine"), max_length=10, choices=Kind)
    reason = models.CharField(_("motif"), max_length=300)
    # Only for a reviewer of a host administration and a défi of that administration.
    consented_by_team = models.BooleanField(_("autorisé par l'équipe"), default=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    objects = ConflictQuerySet.as_manager()

    class Meta:
        verbose_name = _("conflit d'intérêts")
        verbose_name_plural = _("conflits d'intérêts")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer", "application"], name="one_conflict_per_pair"
            )
        ]

    def __str__(self):
        return f"{self.reviewer} — {self.application}"


class AssignmentQuerySet(models.QuerySet):
    def released(self):
        return self.filter(status=Assignment.Status.RELEASED)

    def started(self):
        return self.filter(started_at__isnull=False)

    def not_started(self):
        return self.filter(started_at__isnull=True)

    def without_conflict(self):
        conflict = Conflict.objects.blocking().filter(
            reviewer=OuterRef("reviewer"), application=OuterRef("application")
        )
        return self.exclude(Exists(conflict))


class Assignment(models.Model):
    """A reviewer given an application to review; seen by the reviewer once released."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposée")
        RELEASED = "released", _("publiée")

    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="assignments")
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="assignments"
    )
    affinity = models.FloatField(_("affinité"))
    status = models.CharField(_("état"), max_length=10, choices=Status, default=Status.PROPOSED)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    released_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    # Set by the review work when the reviewer starts: a started assignment is kept as it is.
    started_at = models.DateTimeField(_("évaluation commencée le"), null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("affectation")
        verbose_name_plural = _("affectations")
        ordering = ["reviewer__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer", "application"], name="one_assignment_per_pair"
            )
        ]

    def __str__(self):
        return f"{self.reviewer} — {self.application}"


# --- Evaluation grid and reviews ------------------------------------------------------------


class ReviewGrid(ClusterableModel):
    """The evaluation grid of a cohort, created from the programme's criteria on first use."""

    cohort = models.OneToOneField(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        on_delete=models.CASCADE,
        related_name="review_grid",
    )
    reviewing_deadline = models.DateTimeField(
        _("date limite d'évaluation"),
        null=True,
        blank=True,
        help_text=_("Après cette date, les évaluations ne peuvent plus être modifiées."),
    )

    class Meta:
        verbose_name = _("grille d'évaluation")
        verbose_name_plural = _("grilles d'évaluation")

    def __str__(self):
        return f"Grille d'évaluation — {self.cohort}"


class GridCriterion(Orderable):
    """One line of a grid; `scored=False` makes it a yes/no check (availability)."""

    grid = ParentalKey(ReviewGrid, on_delete=models.CASCADE, related_name="criteria")
    key = models.SlugField(_("clé"), max_length=50)
    label = models.CharField(_("libellé"), max_length=300)
    hint = models.CharField(_("aide"), max_length=300, blank=True)
    weight = models.FloatField(_("poids"), default=1, validators=[MinValueValidator(0.01)])
    scored = models.BooleanField(
        _("noté de 1 à 5"), default=True, help_text=_("Décoché : question oui / non.")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("critère")
        verbose_name_plural = _("critères")
        constraints = [
            models.UniqueConstraint(fields=["grid", "key"], name="one_criterion_key_per_grid")
        ]

    def __str__(self):
        return self.label


class Review(models.Model):
    """One reviewer's evaluation of one assigned application: a draft, then submitted."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        SUBMITTED = "submitted", _("soumise")

    class Verdict(models.TextChoices):
        COUP_DE_COEUR = "coup_de_coeur", _("Coup de cœur")
        NEUTRE = "neutre", _("Avis neutre")
        DEFAVORABLE = "defavorable", _("Avis défavorable")

    assignment = models.OneToOneField(
        Assignment, on_delete=models.CASCADE, related_name="review", verbose_name=_("affectation")
    )
    verdict = models.CharField(_("avis"), max_length=20, choices=Verdict, blank=True)
    recommended = models.ManyToManyField(
        "challenges.Challenge",
        verbose_name=_("défis recommandés"),
        blank=True,
        related_name="+",
    )
    comment = models.TextField(_("commentaire général"), blank=True)
    status = models.CharField(_("état"), max_length=10, choices=Status, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("soumise le"), null=True, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("évaluation")
        verbose_name_plural = _("évaluations")

    def __str__(self):
        return f"Évaluation — {self.assignment}"

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED


class ReviewScore(models.Model):
    """The answer to one criterion: a score 1-5 (scored), or yes/no in `answer` (a check)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    key = models.SlugField(_("critère"), max_length=50)
    score = models.PositiveSmallIntegerField(
        _("note"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    answer = models.BooleanField(_("réponse"), null=True, blank=True)
    comment = models.TextField(_("commentaire"), blank=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        constraints = [
            models.UniqueConstraint(fields=["review", "key"], name="one_score_per_criterion")
        ]

    def __str__(self):
        return f"{self.key} : {self.score if self.score is not None else self.answer}"


class ReviewRevision(models.Model):
    """A change to a review after its submission: what changed, so the team can tell.

    `changes`: [{"field": label, "before": str, "after": str}]; for a free text, only its
    label (the texts themselves stay in the review, erased with it).
    """

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="revisions")
    changed_at = models.DateTimeField(_("modifiée le"))
    changes = models.JSONField(_("changements"), default=list)

    class Meta:
        verbose_name = _("modification après soumission")
        verbose_name_plural = _("modifications après soumission")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.review} — {self.changed_at:%Y-%m-%d %H:%M}"


class ScoresVersion(models.Model):
    """A stamp drawn afresh by every write that changes a cohort's scores (eig/selection/kept.py):
    the scores each process keeps are fresh while it is the same. Random rather than counted, so
    that a row created again (a rolled back transaction, a restored backup) never repeats one."""

    cohort = models.OneToOneField(
        "cohorts.Cohort", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    stamp = models.UUIDField(default=uuid.uuid4)

    class Meta:
        verbose_name = _("version des notes")
        verbose_name_plural = _("versions des notes")

    def __str__(self):
        return f"{self.cohort} — {self.stamp}"


class DiscussionComment(models.Model):
    """A message in the discussion of an application, between its reviewers and the team."""

    class Side(models.TextChoices):
        REVIEWER = "reviewer", _("membre du jury")
        TEAM = "team", _("équipe du programme")

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="discussion"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # For a reviewer: their assignment, whose letter names them to the other reviewers.
    assignment = models.ForeignKey(
        Assignment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    side = models.CharField(_("côté"), max_length=10, choices=Side)
    author_name = models.CharField(_("nom de l'auteur"), max_length=200)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)

    class Meta:
        verbose_name = _("message de discussion")
        verbose_name_plural = _("messages de discussion")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author_name} — {self.application}"


# --- Mentors' opinions ----------------------------------------------------------------------

OPINION_MAX_LENGTH = 1000


class MentorOpinion(models.Model):
    """A mentor's short opinion on an application to their défi, read by the programme team."""

    class Stance(models.TextChoices):
        FAVOURABLE = "favourable", _("Favorable")
        RESERVED = "reserved", _("Réservé")
        UNFAVOURABLE = "unfavourable", _("Défavorable")

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="mentor_opinions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.CASCADE,
        related_name="mentor_opinions",
    )
    text = models.TextField(_("votre avis"), max_length=OPINION_MAX_LENGTH)
    stance = models.CharField(_("en un mot"), max_length=20, choices=Stance, blank=True)
    created_at = models.DateTimeField(_("donné le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("avis de mentor")
        verbose_name_plural = _("avis de mentors")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "author"], name="one_mentor_opinion_per_author"
            )
        ]

    def __str__(self):
        return f"{self.author} — {self.application}"
