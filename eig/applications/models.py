"""Applications of candidates to the défis of a cohort."""

import hashlib
import json
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eig.accounts.models import normalise_email
from eig.applications.calls import closed_call_message, paris_time
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

    def assessable(self):
        """Those the jury reviews and the rankings list (assignments, scores, rankings, exports)."""
        return self.exclude(status__in=Application.NOT_ASSESSED)

    def visible_to_mentors(self):
        """Those at or after the stage their cohort opens to mentors; none where it opens none."""
        opened = Q(pk__in=[])
        for stage in Application.PROGRESS:
            opened |= Q(
                cohort__mentors_see_from_stage=stage, status__in=Application.stages_from(stage)
            )
        return self.filter(opened)

    def retained(self, *, or_pending=False):
        """The retained ones; with `or_pending`, also those still waiting for the decision."""
        stages = Application.RETAINED | (Application.AWAITING_DECISION if or_pending else set())
        return self.filter(status__in=stages)


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
    # Until its call closes an application is the candidate's, who may change it up to the
    # deadline they were promised: the team may only set it aside as irrecevable, telling them
    # why by e-mail. Every other move waits for the closing.
    MOVES_WHILE_CALL_OPEN = {Status.INELIGIBLE}

    # Named sets of stages: every app asks these (and the QuerySet methods) rather than listing
    # stages of its own.
    # The candidate may change their application as long as the call is open, whatever its stage:
    # only withdrawing it ends that.
    READ_ONLY = {Status.WITHDRAWN}
    # Never reviewed by the jury nor listed in a ranking or its export.
    NOT_ASSESSED = {Status.DRAFT, Status.INELIGIBLE, Status.WITHDRAWN}
    # The stages along the process, for the rules "from this stage on" (what mentors see). The
    # waiting list comes after the audition, before the retained ones; ineligible and rejected
    # applications (whose last stage is unknown), drafts and withdrawals are at none.
    PROGRESS = [
        Status.ELIGIBLE,
        Status.SHORTLISTED,
        Status.INVITED,
        Status.INTERVIEWED,
        Status.WAITLISTED,
        Status.SELECTED,
    ]
    # The outcomes a decision e-mail tells, in the order the team page shows them.
    OUTCOMES = [Status.SELECTED, Status.WAITLISTED, Status.REJECTED]
    RETAINED = {Status.SELECTED}
    # Auditioned, or on the waiting list: the decision is still to come.
    AWAITING_DECISION = {Status.INTERVIEWED, Status.WAITLISTED}
    # Told to the candidate as they are; the other stages read "en cours d'examen" until a
    # decision is sent (eig.applications.candidate_status).
    SHOWN_TO_CANDIDATES = {Status.DRAFT, Status.SUBMITTED, Status.INVITED, Status.WITHDRAWN}

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
    rules_version = models.ForeignKey(
        "cohorts.RulesVersion",
        verbose_name=_("version du règlement acceptée"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accepted_by",
    )
    consents_to_processing = models.BooleanField(
        _("consent au traitement de ses données"), default=False
    )
    # The candidate pool: kept `cohort.pool_retention_days` if not retained, instead of
    # `cohort.rejected_retention_days` (eig.applications.retention).
    pool_consent = models.BooleanField(_("accepte d'être recontacté·e"), default=False)
    # A contact address other than the account's, once confirmed by a link sent to it.
    confirmed_email = models.EmailField(_("adresse de contact confirmée"), blank=True)

    last_step = models.CharField(_("dernière étape enregistrée"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("déposée le"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("retirée le"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("relance envoyée le"), null=True, blank=True)
    retention_notice_sent_at = models.DateTimeField(
        _("prévenue de l'effacement le"), null=True, blank=True
    )
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

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

    @property
    def official_email(self):
        """Where the programme writes to the candidate: only ever a verified address.

        The contact address typed in the form once it is verified, else the account's address,
        which received the sign-in link; "" for an account anonymised.
        """
        return self.email if self.email and self._is_verified(self.email) else self.candidate.email

    @property
    def awaits_email_confirmation(self):
        """The contact address typed is neither the account's nor confirmed yet."""
        return bool(self.email) and not self._is_verified(self.email)

    def _is_verified(self, address):
        verified = {normalise_email(self.candidate.email), normalise_email(self.confirmed_email)}
        return normalise_email(address) in verified - {""}

    def can_become(self, status):
        return status in self.TRANSITIONS.get(self.status, ())

    def next_stages(self, now=None):
        """The stages the programme team may move this application to, in the process' order."""
        return [status for status in self.TEAM_STAGES if not self.why_team_cannot_move(status, now)]

    def why_team_cannot_move(self, to, now=None):
        """Why the programme team cannot move it to `to` at `now`, or None if it can."""
        if self.status == to:
            return gettext("La candidature est déjà à l’état « %(status)s ».") % {
                "status": self.get_status_display()
            }
        if to not in self.TEAM_STAGES or not self.can_become(to):
            return gettext(
                "Une candidature à l’état « %(current)s » ne peut pas passer à « %(target)s »."
            ) % {"current": self.get_status_display(), "target": self.Status(to).label}
        if to not in self.MOVES_WHILE_CALL_OPEN:
            return self.why_moves_wait(now)
        return None

    def why_moves_wait(self, now=None):
        """Why the team's moves other than irrecevable wait for the call to close, or None."""
        if self.is_draft or not self.cohort.is_application_call_open(now):
            return None
        return gettext(
            "L’appel à candidatures est ouvert jusqu’au %(date)s (heure de Paris) : d’ici là, "
            "la candidature reste modifiable par la personne candidate, comme promis à son "
            "dépôt. Seul le passage à « irrecevable », avec son motif envoyé par e-mail, est "
            "possible avant la clôture."
        ) % {"date": paris_time(self.cohort.application_call_closes_at)}

    @classmethod
    def stages_from(cls, stage):
        """`stage` and the stages after it in `PROGRESS`."""
        return cls.PROGRESS[cls.PROGRESS.index(stage) :]

    def why_read_only(self, now=None):
        """Why the candidate can no longer change it, or None while they can: the one rule."""
        if self.status in self.READ_ONLY:
            return gettext("Vous avez retiré cette candidature : elle ne peut plus être modifiée.")
        return closed_call_message(self.cohort, now)

    def is_editable(self, now=None):
        return self.why_read_only(now) is None

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def version(self):
        """Changes with each save: a page keeps the one it was loaded with (two tabs)."""
        return str(int(self.updated_at.timestamp() * 1_000_000)) if self.updated_at else ""

    def submission_dates(self):
        """When it was submitted, first then again; applications submitted before the history
        was kept have their first date only."""
        if self.is_draft:
            return []
        dates = [submission.at for submission in self.submissions.all()]
        return dates or [self.submitted_at]

    def changed_since_submission(self):
        """Whether its content differs from its last submission (False if that is unknown)."""
        last = self.submissions.order_by("-at", "-pk").first()
        return last is not None and last.digest != content_digest(self)


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


# The answers a submission fingerprints: what the candidate wrote, as the team reads it.
CONTENT_FIELDS = [
    *("first_name", "last_name", "email", "phone", "city", "profile", "years_of_experience"),
    *("background", "experiences_text", "code_forge_url", "portfolio_url"),
    *("professional_profile_url", "cv", "motivation", "administration_fit"),
    *("preferred_teammate", "available_full_time", "not_public_agent", "studies_completed"),
    *("accepts_rules", "consents_to_processing", "pool_consent"),
]
EXPERIENCE_CONTENT = ["position", "title", "organisation", "start_year", "end_year", "description"]


SNAPSHOT_KEYS = ("fields", "experiences", "choices")


def content_snapshot(application):
    """The application's answers, experiences and défis as a Submission keeps them, and as its
    digest is computed from. The CV counts by its stored name, which changes with each upload."""
    return {
        "fields": [str(getattr(application, name)) for name in CONTENT_FIELDS],
        "experiences": [
            [str(getattr(experience, name)) for name in EXPERIENCE_CONTENT]
            # In their models' order (position, rank), from the rows prefetched when there are.
            for experience in application.experiences.all()
        ],
        "choices": [
            [choice.rank, choice.challenge_id, choice.contribution]
            for choice in application.choices.all()
        ],
    }


def snapshot_digest(snapshot):
    """A SHA-256 of a `content_snapshot`: equal digests, same content."""
    # In a fixed key order: a JSON column may give its keys back sorted (PostgreSQL's jsonb).
    ordered = {key: snapshot[key] for key in SNAPSHOT_KEYS}
    return hashlib.sha256(json.dumps(ordered, ensure_ascii=False).encode()).hexdigest()


def content_digest(application):
    return snapshot_digest(content_snapshot(application))


class Submission(models.Model):
    """One submission of an application, first or again while the call is open: when, what was
    submitted (its `content_snapshot`, for the receipt) and its digest, so that the history
    tells when it was changed."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="submissions"
    )
    at = models.DateTimeField(_("déposée le"))
    digest = models.CharField(_("empreinte du contenu (SHA-256)"), max_length=64)
    # Empty when not kept (submitted before it was) or erased by the retention.
    snapshot = models.JSONField(_("contenu déposé"), null=True, blank=True)

    class Meta:
        verbose_name = _("dépôt")
        verbose_name_plural = _("dépôts")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def of(cls, application, *, at):
        """The submission of `application`'s current content at `at`, not saved."""
        snapshot = content_snapshot(application)
        return cls(
            application=application, at=at, digest=snapshot_digest(snapshot), snapshot=snapshot
        )


class AddressConfirmation(models.Model):
    """A link sent to a contact address the candidate typed; holds only a hash of its secret.

    Until the link is used, the programme's e-mails go to the account's address only.
    """

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="address_confirmations"
    )
    email = models.EmailField(_("adresse à confirmer"))
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("envoyé le"))
    expires_at = models.DateTimeField(_("expire le"))
    used_at = models.DateTimeField(_("utilisé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("confirmation d'adresse")
        verbose_name_plural = _("confirmations d'adresse")
        indexes = [models.Index(fields=["application", "created_at"])]

    def __str__(self):
        return self.email


class RetentionRun(models.Model):
    """One day's run of the retention by the task worker: a day is enqueued once only."""

    day = models.DateField(_("jour"), unique=True)
    enqueued_at = models.DateTimeField(_("mise en file le"), auto_now_add=True)

    class Meta:
        verbose_name = _("passage de la conservation des données")
        verbose_name_plural = _("passages de la conservation des données")

    def __str__(self):
        return str(self.day)
