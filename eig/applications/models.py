"""Applications of candidates to the défis of a cohort."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from eig.applications.storage import cv_upload_path, private_storage

# Length limits, shown and counted in the form as the candidate types.
BACKGROUND_MAX = 3000
EXPERIENCES_TEXT_MAX = 3000
EXPERIENCE_DESCRIPTION_MAX = 600
MOTIVATION_MAX = 2000
ADMINISTRATION_FIT_MAX = 2000
CONTRIBUTION_MAX = 1500
MAX_EXPERIENCES = 5
MAX_CHOICES = 3
CV_MAX_BYTES = 5 * 1024 * 1024
REASON_MAX = 2000


class Profile(models.TextChoices):
    DATA_SCIENCE = "data_science", _("Data science")
    DEVELOPMENT = "development", _("Développement")
    DESIGN = "design", _("Design")
    LAW = "law", _("Droit")
    OTHER = "other", _("Autre")


class ApplicationQuerySet(models.QuerySet):
    def drafts(self):
        return self.filter(status=Application.Status.DRAFT)

    def submitted(self):
        return self.exclude(status__in=[Application.Status.DRAFT, Application.Status.WITHDRAWN])


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        SUBMITTED = "submitted", _("déposée")
        ELIGIBLE = "eligible", _("recevable")
        INELIGIBLE = "ineligible", _("irrecevable")
        SHORTLISTED = "shortlisted", _("présélectionnée")
        INVITED = "invited", _("admissible — invitée à une audition")
        INTERVIEWED = "interviewed", _("auditionnée")
        SELECTED = "selected", _("retenue")
        WAITLISTED = "waitlisted", _("liste d'attente")
        REJECTED = "rejected", _("non retenue")
        WITHDRAWN = "withdrawn", _("retirée")

    # The lifecycle, in one place: which status may follow which. The candidate submits and
    # withdraws (up to the invitation to an audition); every other move is the programme team's.
    # An irrecevable application may be found recevable on a second look; a waitlisted one is
    # retained or not once the others answered. Deleting a draft is not a transition: the draft
    # and its CV are erased.
    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED},
        Status.SUBMITTED: {Status.ELIGIBLE, Status.INELIGIBLE, Status.WITHDRAWN},
        Status.INELIGIBLE: {Status.ELIGIBLE},
        Status.ELIGIBLE: {Status.SHORTLISTED, Status.REJECTED, Status.WITHDRAWN},
        Status.SHORTLISTED: {Status.INVITED, Status.REJECTED, Status.WITHDRAWN},
        Status.INVITED: {Status.INTERVIEWED, Status.REJECTED, Status.WITHDRAWN},
        Status.INTERVIEWED: {Status.SELECTED, Status.WAITLISTED, Status.REJECTED},
        Status.WAITLISTED: {Status.SELECTED, Status.REJECTED},
    }
    CANDIDATE_MOVES = {Status.SUBMITTED, Status.WITHDRAWN}
    # The stages the programme team moves applications to, in the order of the process.
    TEAM_STAGES = [
        Status.ELIGIBLE,
        Status.INELIGIBLE,
        Status.SHORTLISTED,
        Status.INVITED,
        Status.INTERVIEWED,
        Status.SELECTED,
        Status.WAITLISTED,
        Status.REJECTED,
    ]
    # Moves that must say why.
    REASON_REQUIRED = {Status.INELIGIBLE}

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("candidat·e"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    status = models.CharField(_("état"), max_length=20, choices=Status, default=Status.DRAFT)

    # Identity and contact
    first_name = models.CharField(_("prénom"), max_length=80, blank=True)
    last_name = models.CharField(_("nom"), max_length=80, blank=True)
    email = models.EmailField(_("adresse e-mail de contact"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    city = models.CharField(_("ville de résidence"), max_length=80, blank=True)
    profile = models.CharField(_("profil"), max_length=20, choices=Profile, blank=True)
    years_of_experience = models.PositiveSmallIntegerField(
        _("années d'expérience"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )

    # Background
    background = models.TextField(_("parcours"), max_length=BACKGROUND_MAX, blank=True)
    experiences_text = models.TextField(
        _("expériences (texte libre)"), max_length=EXPERIENCES_TEXT_MAX, blank=True
    )
    code_forge_url = models.URLField(_("forge de code"), blank=True)
    portfolio_url = models.URLField(_("portfolio"), blank=True)
    professional_profile_url = models.URLField(_("profil professionnel"), blank=True)

    # CV: a checked PDF, stored privately
    cv = models.FileField(
        _("CV"), storage=private_storage, upload_to=cv_upload_path, blank=True, max_length=200
    )
    cv_filename = models.CharField(_("nom du fichier du CV"), max_length=200, blank=True)
    cv_size = models.PositiveIntegerField(_("taille du CV (octets)"), null=True, blank=True)

    # Selection criteria, as questions
    motivation = models.TextField(
        _("motivation et sens de l'intérêt général"), max_length=MOTIVATION_MAX, blank=True
    )
    administration_fit = models.TextField(
        _("travailler au sein d'une administration"), max_length=ADMINISTRATION_FIT_MAX, blank=True
    )

    preferred_teammate = models.CharField(
        _("binôme souhaité"),
        max_length=200,
        blank=True,
        help_text=_("Nom ou adresse e-mail d'une autre personne candidate."),
    )

    # Eligibility and consent
    available_full_time = models.BooleanField(_("disponible à temps plein"), default=False)
    not_public_agent = models.BooleanField(_("pas agent public en poste"), default=False)
    studies_completed = models.BooleanField(_("études terminées"), default=False)
    accepts_rules = models.BooleanField(_("accepte le règlement"), default=False)
    consents_to_processing = models.BooleanField(
        _("consent au traitement de ses données"), default=False
    )

    last_step = models.CharField(_("dernière étape enregistrée"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("déposée le"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("retirée le"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("relance envoyée le"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        ordering = ["-submitted_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "candidate"], name="one_application_per_candidate_and_cohort"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="submitted_application_has_a_date",
            ),
        ]
        indexes = [models.Index(fields=["cohort", "status"])]

    def __str__(self):
        name = f"{self.first_name} {self.last_name}".strip()
        return name or str(self.public_id)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def can_become(self, status):
        return status in self.TRANSITIONS.get(self.status, ())

    def next_stages(self):
        """The stages the programme team may move this application to, in the process' order."""
        return [status for status in self.TEAM_STAGES if self.can_become(status)]

    def is_editable(self, now=None):
        """The candidate may still change it: a draft or a submitted one, while the call is open."""
        return self.status in (self.Status.DRAFT, self.Status.SUBMITTED) and (
            self.cohort.is_application_call_open(now)
        )

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT


class Experience(models.Model):
    """One entry of a candidate's structured experience."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="experiences"
    )
    position = models.PositiveSmallIntegerField(_("ordre"))
    title = models.CharField(_("intitulé du poste ou du projet"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    start_year = models.PositiveSmallIntegerField(_("année de début"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("année de fin"), null=True, blank=True)
    description = models.TextField(
        _("description"), max_length=EXPERIENCE_DESCRIPTION_MAX, blank=True
    )

    class Meta:
        verbose_name = _("expérience")
        verbose_name_plural = _("expériences")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "position"], name="unique_experience_position"
            )
        ]

    def __str__(self):
        return self.title


class ChallengeChoice(models.Model):
    """A ranked choice of a défi inside an application, with what the candidate would bring."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="choices")
    challenge = models.ForeignKey(
        "challenges.Challenge",
        verbose_name=_("défi"),
        on_delete=models.PROTECT,
        related_name="choices",
    )
    rank = models.PositiveSmallIntegerField(_("rang"))
    contribution = models.TextField(
        _("ce que vous apporteriez au défi"), max_length=CONTRIBUTION_MAX, blank=True
    )

    class Meta:
        verbose_name = _("choix de défi")
        verbose_name_plural = _("choix de défis")
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["application", "rank"], name="unique_choice_rank"),
            models.UniqueConstraint(
                fields=["application", "challenge"], name="unique_choice_challenge"
            ),
            models.CheckConstraint(
                condition=Q(rank__gte=1) & Q(rank__lte=MAX_CHOICES), name="choice_rank_1_to_3"
            ),
        ]

    def __str__(self):
        return f"{self.rank}. {self.challenge}"


class StageTransition(models.Model):
    """One move of an application from a status to another: who, when, from, to and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("de l'état"), max_length=20, choices=Application.Status)
    to_status = models.CharField(_("à l'état"), max_length=20, choices=Application.Status)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("le"))
    reason = models.TextField(_("motif"), max_length=REASON_MAX, blank=True)

    class Meta:
        verbose_name = _("changement d'état")
        verbose_name_plural = _("changements d'état")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.from_status} → {self.to_status}"
