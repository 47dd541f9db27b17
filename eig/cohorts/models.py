"""The programme and its cohorts (promotions), with the published calendar of each phase."""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

# The stages from which the programme team may open a cohort's applications to the mentors of
# their défis: codes of `Application.PROGRESS`, written here because cohorts sit below the
# applications (`Application.objects.visible_to_mentors()` reads the field).
MENTOR_STAGES = [
    ("eligible", _("recevable")),
    ("shortlisted", _("présélectionnée")),
    ("invited", _("admissible — invitée à une audition")),
    ("interviewed", _("auditionnée")),
    ("selected", _("retenue")),
]


class Programme(models.Model):
    class AccessibilityStatus(models.TextChoices):
        FULL = "totalement", _("totalement conforme")
        PARTIAL = "partiellement", _("partiellement conforme")
        NONE = "non", _("non conforme")

    name = models.CharField(_("nom"), max_length=120)
    short_name = models.CharField(_("nom court"), max_length=20)
    tagline = models.CharField(_("accroche"), max_length=200, blank=True)
    operator = models.CharField(_("porteur du programme"), max_length=200)
    # The English site's versions (eig.translation): blank, the French text shows.
    tagline_en = models.CharField(_("accroche en anglais"), max_length=200, blank=True)
    operator_en = models.CharField(_("porteur du programme en anglais"), max_length=200, blank=True)
    operator_url = models.URLField(_("site du porteur"), blank=True)
    contact_email = models.EmailField(_("adresse de contact"))
    more_information_url = models.URLField(_("lien « en savoir plus »"), blank=True)
    current_cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion mise en avant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Par défaut, la promotion publiée la plus récente."),
    )
    accessibility_status = models.CharField(
        _("conformité RGAA"),
        max_length=20,
        choices=AccessibilityStatus,
        default=AccessibilityStatus.NONE,
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name

    def featured_cohort(self):
        if self.current_cohort_id and self.current_cohort.is_published:
            return self.current_cohort
        return self.cohorts.published().order_by("-number").first()

    def public_cohort(self, now=None):
        """The cohort the public site speaks of: the one whose call for applications is open,
        else the featured one."""
        return self.public_and_call_cohorts(now)[0]

    def public_and_call_cohorts(self, now=None):
        """The public cohort and the one whose call is open or opens next (or None)."""
        now = now or timezone.now()
        # Open calls opened before the upcoming ones: the first is open when any is.
        call = self.cohorts.with_call_open_or_upcoming(now).first()
        if call is not None and call.is_application_call_open(now):
            return call, call
        return self.featured_cohort(), call


RULES_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]

# The candidate pool is kept two years at most (the programme's rules and its privacy page).
POOL_RETENTION_MAX_DAYS = 730


# A new cohort's retention periods come from the settings read when it is created.
def default_draft_retention_days():
    return settings.RETENTION_DRAFT_DAYS


def default_rejected_retention_days():
    return settings.RETENTION_REJECTED_DAYS


def default_pool_retention_days():
    return settings.RETENTION_POOL_DAYS


class CohortQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def served(self):
        """The cohorts of the programme this platform serves: the first one created (see
        docs/architecture.md). Cohort numbers are unique per programme only, so every lookup by
        number from a URL goes through here."""
        return self.filter(programme=Programme.objects.order_by("pk")[:1])

    def with_call_open_or_upcoming(self, now=None):
        """Published cohorts whose call for applications has not closed yet, soonest first."""
        now = now or timezone.now()
        return (
            self.published()
            .filter(application_call_closes_at__gt=now)
            .order_by("application_call_opens_at")
        )

    def with_challenge_counts(self):
        return self.annotate(
            published_challenge_count=Count(
                "challenges", filter=~Q(challenges__status="draft"), distinct=True
            )
        )


class Cohort(ClusterableModel):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="cohorts"
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    year = models.PositiveSmallIntegerField(_("année"))
    is_published = models.BooleanField(_("publiée sur le site"), default=True)
    description = models.TextField(_("présentation"), blank=True)
    # The English site's version (eig.translation): blank, the French text shows.
    description_en = models.TextField(_("présentation en anglais"), blank=True)
    fellows_count = models.PositiveSmallIntegerField(
        _("nombre d'EIG"),
        null=True,
        blank=True,
        help_text=_("Nombre d'entrepreneur·e·s d'intérêt général de la promotion, une fois connu."),
    )

    application_call_opens_at = models.DateTimeField(
        _("ouverture de l'appel à candidatures"),
        null=True,
        blank=True,
        help_text=_("Heure de Paris."),
    )
    application_call_closes_at = models.DateTimeField(
        _("clôture de l'appel à candidatures"),
        null=True,
        blank=True,
        help_text=_("Heure de Paris."),
    )
    mentors_see_from_stage = models.CharField(
        _("les mentors voient les candidatures à partir de l'étape"),
        max_length=20,
        choices=MENTOR_STAGES,
        blank=True,
        help_text=_(
            "Les mentors d'un défi voient les candidatures qui l'ont choisi, "
            "à partir de cette étape. Vide : jamais."
        ),
    )
    auditions_start = models.DateField(_("auditions : début"), null=True, blank=True)
    auditions_end = models.DateField(_("auditions : fin"), null=True, blank=True)
    starts_on = models.DateField(_("début du programme"), null=True, blank=True)
    ends_on = models.DateField(_("fin du programme"), null=True, blank=True)

    duration_months = models.PositiveSmallIntegerField(_("durée (mois)"), default=10)
    net_monthly_pay = models.PositiveIntegerField(
        _("rémunération nette mensuelle (€)"), null=True, blank=True
    )
    contract = models.CharField(
        _("contrat"),
        max_length=200,
        blank=True,
        help_text=_(
            "Ce que les EIG signent, par exemple « contrat de droit public à durée déterminée »."
        ),
    )
    # Selection: how auditions weigh against the written reviews, and blind reviewing.
    audition_weight = models.PositiveSmallIntegerField(
        _("poids des auditions (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Part des auditions dans la note finale d’une personne auditionnée ; le reste vient "
            "des évaluations écrites (moyennes calibrées)."
        ),
    )
    reviewers_see_other_reviews = models.BooleanField(
        _("les relecteurs voient les autres évaluations"),
        default=False,
        help_text=_(
            "Une fois son évaluation soumise, un relecteur lit les autres évaluations de la "
            "candidature et participe à la discussion. Décoché : relecture à l’aveugle."
        ),
    )
    team_size_min = models.PositiveSmallIntegerField(_("taille minimale d'une équipe"), default=2)
    team_size_max = models.PositiveSmallIntegerField(_("taille maximale d'une équipe"), default=3)

    # How long the platform keeps candidates' data (eig.applications.retention), in days.
    draft_retention_days = models.PositiveSmallIntegerField(
        _("brouillons non déposés : conservés (jours)"),
        default=default_draft_retention_days,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Après la clôture de l’appel à candidatures, puis le brouillon est supprimé avec "
            "son CV."
        ),
    )
    rejected_retention_days = models.PositiveSmallIntegerField(
        _("candidatures non retenues : conservées (jours)"),
        default=default_rejected_retention_days,
        validators=[MinValueValidator(1)],
        help_text=_("Après la fin de la sélection, puis la candidature est anonymisée."),
    )
    pool_retention_days = models.PositiveSmallIntegerField(
        _("vivier : conservé (jours)"),
        default=default_pool_retention_days,
        validators=[MinValueValidator(1), MaxValueValidator(POOL_RETENTION_MAX_DAYS)],
        help_text=_(
            "Candidatures non retenues dont la personne accepte d’être recontactée : après la "
            "fin de la sélection, deux ans (730 jours) au plus, puis anonymisées."
        ),
    )

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("promotion")
        verbose_name_plural = _("promotions")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="unique_cohort_number"),
            models.CheckConstraint(
                condition=Q(team_size_min__lte=models.F("team_size_max")),
                name="team_size_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(application_call_opens_at__isnull=True)
                | Q(application_call_closes_at__isnull=True)
                | Q(application_call_opens_at__lt=models.F("application_call_closes_at")),
                name="application_call_opens_before_closing",
            ),
            models.CheckConstraint(
                condition=Q(pool_retention_days__lte=POOL_RETENTION_MAX_DAYS)
                & Q(pool_retention_days__gte=models.F("rejected_retention_days")),
                name="pool_kept_two_years_at_most_and_not_less_than_the_others",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return _("Promotion %(number)s") % {"number": self.number}

    def clean(self):
        errors = {}
        if self.team_size_min and self.team_size_max and self.team_size_min > self.team_size_max:
            errors["team_size_max"] = _("La taille maximale doit être au moins la taille minimale.")
        opens, closes = self.application_call_opens_at, self.application_call_closes_at
        if opens and closes and opens >= closes:
            errors["application_call_closes_at"] = _(
                "La clôture de l'appel doit suivre son ouverture."
            )
        if self.starts_on and self.ends_on and self.starts_on > self.ends_on:
            errors["ends_on"] = _("La fin du programme doit suivre son début.")
        pool, rejected = self.pool_retention_days, self.rejected_retention_days
        if pool and rejected and pool < rejected:
            errors["pool_retention_days"] = _(
                "Le vivier doit être conservé au moins aussi longtemps que les autres "
                "candidatures non retenues."
            )
        if errors:
            raise ValidationError(errors)

    def set_selection_criteria(self, criteria):
        """Replace the criteria by (title, details) pairs, in order; unchanged ones stay as is."""
        wanted = [(position, title, details) for position, (title, details) in enumerate(criteria)]
        current = list(self.selection_criteria.values_list("sort_order", "title", "details"))
        if current != wanted:
            self.selection_criteria.all().delete()
            SelectionCriterion.objects.bulk_create(
                SelectionCriterion(cohort=self, sort_order=position, title=title, details=details)
                for position, title, details in wanted
            )

    def application_call_state(self, now=None):
        """Where the call for applications stands at `now`: the closing instant is excluded."""
        now = now or timezone.now()
        opens, closes = self.application_call_opens_at, self.application_call_closes_at
        if not opens or not closes:
            return ApplicationCallState.NOT_SCHEDULED
        if now < opens:
            return ApplicationCallState.UPCOMING
        if now < closes:
            return ApplicationCallState.OPEN
        return ApplicationCallState.CLOSED

    def is_application_call_open(self, now=None):
        return self.application_call_state(now) == ApplicationCallState.OPEN

    def application_call_time_left(self, now=None):
        """How long the call stays open, in one unit (« 5 semaines »); None unless it is open."""
        if not self.is_application_call_open(now):
            return None
        return time_left_label(self.application_call_closes_at - (now or timezone.now()))

    def calendar(self):
        """The published phases, in order, as (label, start, end) with end possibly None."""
        # The call for défis lives in proposals, read here through its reverse accessor.
        call = getattr(self, "challenge_call", None)
        phases = [
            (
                _("Appel à défis"),
                _local_date(call and call.opens_at),
                _local_date(call and call.closes_at),
            ),
            (
                _("Jury des défis"),
                call and call.jury_starts_on,
                call and call.jury_ends_on,
            ),
            (
                _("Appel à candidatures"),
                _local_date(self.application_call_opens_at),
                _local_date(self.application_call_closes_at),
            ),
            (_("Auditions des candidat·e·s"), self.auditions_start, self.auditions_end),
            (_("Arrivée des EIG dans les administrations"), self.starts_on, None),
            (_("Fin du programme"), self.ends_on, None),
        ]
        return [
            CalendarPhase(label, start, end if end != start else None)
            for label, start, end in phases
            if start
        ]

    def upcoming_phases(self, today=None):
        today = today or timezone.localdate()
        return [phase for phase in self.calendar() if (phase.end or phase.start) >= today]

    def current_rules(self, today=None):
        """The rules version candidates accept today: the latest published, else None."""
        return self.rules_versions.published(today).first()


class ApplicationCallState(models.TextChoices):
    NOT_SCHEDULED = "not_scheduled", _("pas d'appel à candidatures prévu")
    UPCOMING = "upcoming", _("appel à candidatures à venir")
    OPEN = "open", _("appel à candidatures ouvert")
    CLOSED = "closed", _("appel à candidatures clos")


class CalendarPhase:
    def __init__(self, label, start: datetime.date, end: datetime.date | None):
        self.label, self.start, self.end = label, start, end

    def is_past(self, today=None):
        return (self.end or self.start) < (today or timezone.localdate())


def time_left_label(left: datetime.timedelta):
    """A remaining time in a single unit, rounded down so the call never seems to last longer
    than it does: weeks from two weeks on, then days from two days on, then hours."""
    if left >= datetime.timedelta(weeks=2):
        weeks = left.days // 7
        return ngettext("%(count)s semaine", "%(count)s semaines", weeks) % {"count": weeks}
    if left >= datetime.timedelta(days=2):
        return ngettext("%(count)s jour", "%(count)s jours", left.days) % {"count": left.days}
    hours = int(left.total_seconds() // 3600)
    if hours >= 1:
        return ngettext("%(count)s heure", "%(count)s heures", hours) % {"count": hours}
    return gettext("moins d’une heure")


def _local_date(moment):
    return timezone.localdate(moment) if moment else None


class RulesVersionQuerySet(models.QuerySet):
    def published(self, today=None):
        """Versions published on or before `today`, the latest first."""
        today = today or timezone.localdate()
        return self.filter(published_on__lte=today).order_by("-published_on", "-pk")


class RulesVersion(models.Model):
    """One version of a cohort's rules, as candidates read and accept it.

    A row per version, rather than a Wagtail page per cohort: an application points at the exact
    text its candidate accepted (Application.rules_version), which page revisions do not give.
    A version accepted by someone is never rewritten: the team publishes a new one.
    """

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="rules_versions")
    version = models.CharField(
        _("version"),
        max_length=20,
        help_text=_("Par exemple « 1 », puis « 2 » pour une mise à jour."),
    )
    published_on = models.DateField(
        _("publiée le"),
        null=True,
        blank=True,
        help_text=_(
            "Vide : en préparation, invisible. Une fois publiée et acceptée par une candidature, "
            "une version ne se modifie plus : publiez-en une nouvelle."
        ),
    )
    text = RichTextField(_("texte du règlement"), features=RULES_TEXT_FEATURES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document officiel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document_url = models.URLField(
        _("lien vers le document officiel"),
        blank=True,
        help_text=_("Utilisé à défaut de document déposé."),
    )

    objects = RulesVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("version du règlement")
        verbose_name_plural = _("versions du règlement")
        ordering = ["cohort", "-published_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "version"], name="unique_rules_version")
        ]

    def __str__(self):
        return _("Règlement de la %(cohort)s, version %(version)s") % {
            "cohort": self.cohort,
            "version": self.version,
        }

    def get_absolute_url(self):
        query = urlencode({"promotion": self.cohort.number, "version": self.version})
        return f"{reverse('rules')}?{query}"

    @property
    def document_link(self):
        return self.document.url if self.document_id else self.document_url

    def is_published(self, today=None):
        return self.published_on is not None and self.published_on <= (
            today or timezone.localdate()
        )

    def clean(self):
        # The reverse relation of Application.rules_version (applications sit above cohorts).
        if self.pk and self.accepted_by.exists():
            stored = RulesVersion.objects.get(pk=self.pk)
            if (stored.text, stored.version, stored.published_on) != (
                self.text,
                self.version,
                self.published_on,
            ):
                raise ValidationError(
                    _(
                        "Des candidat·e·s ont accepté cette version : elle ne se modifie plus. "
                        "Ajoutez une nouvelle version."
                    )
                )


class SelectionCriterion(Orderable):
    """A published selection criterion of a cohort's call for applications."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="selection_criteria")
    title = models.CharField(_("critère"), max_length=200)
    details = models.CharField(_("précisions"), max_length=300, blank=True)
    title_en = models.CharField(_("critère en anglais"), max_length=200, blank=True)
    details_en = models.CharField(_("précisions en anglais"), max_length=300, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("critère de sélection")
        verbose_name_plural = _("critères de sélection")

    def __str__(self):
        return self.title
