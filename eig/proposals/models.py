"""The call for défis: each promotion's call, the administrations' proposals and their stages."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from eig.challenges.models import RemotePolicy
from eig.cohorts.models import time_left_label
from eig.storage import private_storage

# The programme's criteria for a défi, given to every new call (editable afterwards in Wagtail).
DEFAULT_CRITERIA = [
    (_("Impact pour l’administration et pour le public"), ""),
    (_("Qualité de l’équipe d’agents et sa disponibilité"), ""),
    (_("Niveau et engagement des mentors"), ""),
    (_("Précision du défi et des résultats attendus"), ""),
    (_("Données et ressources disponibles"), ""),
    (_("Cohérence avec les valeurs du programme"), ""),
]


class CallState(models.TextChoices):
    NOT_SCHEDULED = "not_scheduled", _("pas encore programmé")
    UPCOMING = "upcoming", _("bientôt ouvert")
    OPEN = "open", _("ouvert")
    CLOSED = "closed", _("clos")


class ChallengeCall(ClusterableModel):
    """A promotion's call for défis: its window, rules, criteria, dates and FAQ."""

    cohort = models.OneToOneField(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        on_delete=models.CASCADE,
        related_name="challenge_call",
    )
    opens_at = models.DateTimeField(
        _("ouverture"), null=True, blank=True, help_text=_("Heure de Paris.")
    )
    closes_at = models.DateTimeField(
        _("clôture"), null=True, blank=True, help_text=_("Heure de Paris.")
    )
    introduction = models.TextField(_("présentation de l’appel"), blank=True)
    rules = RichTextField(_("règlement de l’appel"), blank=True)
    # The English site's versions (eig.translation): blank, the French text shows.
    introduction_en = models.TextField(_("présentation de l’appel en anglais"), blank=True)
    rules_en = RichTextField(_("règlement de l’appel en anglais"), blank=True)
    information_meeting_place_en = models.CharField(
        _("lieu ou lien de la réunion d’information en anglais"), max_length=300, blank=True
    )
    information_meeting_at = models.DateTimeField(_("réunion d’information"), null=True, blank=True)
    information_meeting_place = models.CharField(
        _("lieu ou lien de la réunion d’information"), max_length=300, blank=True
    )
    jury_starts_on = models.DateField(_("jury des défis : début"), null=True, blank=True)
    jury_ends_on = models.DateField(_("jury des défis : fin"), null=True, blank=True)
    committee_on = models.DateField(_("comité de pilotage"), null=True, blank=True)

    class Meta:
        verbose_name = _("appel à défis")
        verbose_name_plural = _("appels à défis")
        ordering = ["-cohort__number"]

    def __str__(self):
        return _("Appel à défis de la %(cohort)s") % {"cohort": self.cohort}

    def save(self, *args, **kwargs):
        # A new call starts with the programme's criteria, unless it was given its own.
        if self.pk is None and not self.criteria.all():
            self.criteria = [
                ChallengeCallCriterion(sort_order=position, title=str(title), details=details)
                for position, (title, details) in enumerate(DEFAULT_CRITERIA)
            ]
        super().save(*args, **kwargs)

    def state(self, now=None):
        now = now or timezone.now()
        if not (self.opens_at and self.closes_at):
            return CallState.NOT_SCHEDULED
        if now < self.opens_at:
            return CallState.UPCOMING
        if now < self.closes_at:
            return CallState.OPEN
        return CallState.CLOSED

    def is_open(self, now=None):
        return self.state(now) == CallState.OPEN

    def time_left(self, now=None):
        """How long the call stays open, in one unit (« 3 semaines »); None unless it is open."""
        if not self.is_open(now):
            return None
        return time_left_label(self.closes_at - (now or timezone.now()))


class ChallengeCallCriterion(Orderable):
    """A criterion on which proposals are pre-selected and the défi jury scores."""

    call = ParentalKey(ChallengeCall, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("critère"), max_length=200)
    details = models.CharField(_("précisions"), max_length=300, blank=True)
    title_en = models.CharField(_("critère en anglais"), max_length=200, blank=True)
    details_en = models.CharField(_("précisions en anglais"), max_length=300, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("critère d’un défi")
        verbose_name_plural = _("critères d’un défi")

    def __str__(self):
        return self.title


class ChallengeCallQuestion(Orderable):
    """A question of the FAQ for administrations."""

    call = ParentalKey(ChallengeCall, on_delete=models.CASCADE, related_name="questions")
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("réponse"))
    question_en = models.CharField(_("question en anglais"), max_length=300, blank=True)
    answer_en = models.TextField(_("réponse en anglais"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("question fréquente")
        verbose_name_plural = _("questions fréquentes")

    def __str__(self):
        return self.question


class Proposal(models.Model):
    """A défi proposed by an administration to a promotion's call."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        SUBMITTED = "submitted", _("déposé")
        ADMISSIBLE = "admissible", _("recevable")
        INADMISSIBLE = "inadmissible", _("irrecevable")
        SHORTLISTED = "shortlisted", _("présélectionné")
        RETAINED = "retained", _("retenu")
        NOT_RETAINED = "not_retained", _("non retenu")
        VALIDATED = "validated", _("validé par le comité")

    # The one place where the stages' order lives (eig.proposals.stages moves along it).
    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED},
        Status.SUBMITTED: {Status.ADMISSIBLE, Status.INADMISSIBLE},
        Status.ADMISSIBLE: {Status.SHORTLISTED, Status.NOT_RETAINED, Status.INADMISSIBLE},
        Status.INADMISSIBLE: {Status.ADMISSIBLE},
        Status.SHORTLISTED: {Status.RETAINED, Status.NOT_RETAINED},
        Status.RETAINED: {Status.VALIDATED, Status.NOT_RETAINED},
        Status.NOT_RETAINED: {Status.RETAINED},
        Status.VALIDATED: set(),
    }

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey(
        ChallengeCall,
        verbose_name=_("appel à défis"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    status = models.CharField(
        _("étape"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    inadmissible_reason = models.TextField(_("motif d’irrecevabilité"), blank=True)

    # The administration: an existing host organisation, or a new one named by the agent
    # (created when the team publishes the défi).
    host = models.ForeignKey(
        "challenges.HostOrganisation",
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    new_host_ministry = models.CharField(
        _("ministère ou institution (nouvelle administration)"), max_length=200, blank=True
    )
    new_host_directorate = models.CharField(
        _("direction ou service (nouvelle administration)"), max_length=300, blank=True
    )

    title = models.CharField(_("nom du défi"), max_length=120, blank=True)
    summary = models.CharField(_("résumé"), max_length=400, blank=True)
    problem = models.TextField(_("le problème"), blank=True)
    challenge = models.TextField(_("le défi"), blank=True)
    data_and_resources = models.TextField(_("données et ressources disponibles"), blank=True)
    expected_results = models.TextField(_("résultats attendus"), blank=True)
    fellows_sought = models.PositiveSmallIntegerField(
        _("nombre d’EIG recherché·e·s"),
        default=2,
        validators=[MinValueValidator(2), MaxValueValidator(3)],
    )
    location = models.CharField(_("lieu"), max_length=120, blank=True)
    remote_policy = models.CharField(
        _("télétravail"), max_length=20, choices=RemotePolicy, blank=True
    )
    co_funding = models.TextField(_("cofinancement"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        on_delete=models.PROTECT,
        related_name="created_proposals",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    submitted_at = models.DateTimeField(_("déposé le"), null=True, blank=True)

    # Publication: the défi page made from this proposal, and the decision told to its authors.
    published_challenge = models.OneToOneField(
        "challenges.Challenge",
        verbose_name=_("défi publié"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
    )
    decision_sent_at = models.DateTimeField(_("décision envoyée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposition de défi")
        verbose_name_plural = _("propositions de défis")
        ordering = ["-submitted_at", "-created_at"]

    def __str__(self):
        return self.title or str(_("Proposition sans nom"))

    @property
    def host_name(self):
        if self.host_id:
            return str(self.host)
        parts = [self.new_host_ministry, self.new_host_directorate]
        return ", ".join(part for part in parts if part)

    def can_become(self, status):
        return status in self.TRANSITIONS[self.status]

    def status_for_authors(self):
        """The stage as the administration's agents read it: the jury's outcome only once the
        decision is sent to them."""
        Status = self.Status
        told = self.decision_sent_at is not None
        if self.status == Status.DRAFT:
            return _("Brouillon : pas encore déposée")
        if self.status == Status.SUBMITTED:
            return _("Déposée : l’équipe du programme l’examinera après la clôture de l’appel")
        if self.status == Status.INADMISSIBLE and told:
            return _("Non recevable")
        if self.status == Status.SHORTLISTED:
            return _("Présélectionnée : vous la présenterez au jury des défis")
        if self.status == Status.NOT_RETAINED and told:
            return _("Non retenue")
        if self.status == Status.VALIDATED and told:
            return _("Retenue : le défi sera publié pour l’appel à candidatures")
        if self.status in (Status.RETAINED, Status.NOT_RETAINED, Status.VALIDATED):
            return _("En cours d’examen : décision à venir")
        return _("En cours d’examen par l’équipe du programme")


class ProposalAuthor(models.Model):
    """An agent who may edit a proposal: its creator, or a colleague invited by e-mail."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="authors")
    email = models.EmailField(_("adresse e-mail"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="proposal_authorships",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("invité·e le"), default=timezone.now)
    accepted_at = models.DateTimeField(_("a accepté le"), null=True, blank=True)

    class Meta:
        verbose_name = _("auteur·e d’une proposition")
        verbose_name_plural = _("auteur·e·s d’une proposition")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "email"], name="unique_proposal_author")
        ]

    def __str__(self):
        return self.email


class ProposalAgent(models.Model):
    """A member of the administration's team of agents working on the défi."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="agents")
    full_name = models.CharField(_("prénom et nom"), max_length=120)
    role = models.CharField(_("rôle dans le projet"), max_length=200)
    time_share = models.CharField(
        _("temps consacré"), max_length=100, help_text=_("Par exemple « 2 jours par semaine ».")
    )

    class Meta:
        verbose_name = _("agent de l’équipe")
        verbose_name_plural = _("agents de l’équipe")
        ordering = ["pk"]

    def __str__(self):
        return self.full_name


class ProposalMentor(models.Model):
    """A mentor the administration commits: operational or strategic."""

    class Role(models.TextChoices):
        OPERATIONAL = "operational", _("mentor opérationnel")
        STRATEGIC = "strategic", _("mentor stratégique")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="mentors")
    role = models.CharField(_("rôle"), max_length=20, choices=Role)
    full_name = models.CharField(_("prénom et nom"), max_length=120)
    job_title = models.CharField(_("fonction"), max_length=200, blank=True)
    email = models.EmailField(_("adresse e-mail"), blank=True)

    class Meta:
        verbose_name = _("mentor proposé")
        verbose_name_plural = _("mentors proposés")
        ordering = ["role", "pk"]

    def __str__(self):
        return self.full_name


class ProposalSeat(models.Model):
    """One of the 2 or 3 EIG seats of the défi, with the profile sought for it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="seats")
    profile = models.CharField(_("profil recherché"), max_length=200)
    details = models.TextField(_("missions et compétences"), blank=True)

    class Meta:
        verbose_name = _("poste d’EIG")
        verbose_name_plural = _("postes d’EIG")
        ordering = ["pk"]

    def __str__(self):
        return self.profile


def attachment_path(attachment, filename):
    # The agent's file name is kept in the database only, never in the path.
    return f"proposals/{attachment.proposal.public_id}/{uuid.uuid4()}.pdf"


class ProposalAttachment(models.Model):
    """A PDF joined to a proposal (a note, a letter of support…)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("fichier"), storage=private_storage, upload_to=attachment_path, max_length=200
    )
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    size = models.PositiveIntegerField(_("taille (octets)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name


class ProposalTransition(models.Model):
    """One move of a proposal from a stage to another: the history the team reads."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=Proposal.Status)
    to_status = models.CharField(max_length=20, choices=Proposal.Status)
    reason = models.TextField(_("motif"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("changement d’étape")
        verbose_name_plural = _("changements d’étape")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.proposal} : {self.from_status} → {self.to_status}"
