"""Défis (challenges), the administrations that host them, and their mentors."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.search import index


class HostOrganisation(models.Model):
    """A ministry, directorate or public body that hosts défis."""

    ministry = models.CharField(_("ministère ou institution"), max_length=200)
    directorate = models.CharField(_("direction ou service"), max_length=300, blank=True)
    website = models.URLField(_("site web"), blank=True)

    class Meta:
        verbose_name = _("administration d'accueil")
        verbose_name_plural = _("administrations d'accueil")
        ordering = ["ministry", "directorate"]
        constraints = [
            models.UniqueConstraint(
                fields=["ministry", "directorate"], name="unique_host_organisation"
            )
        ]

    def __str__(self):
        return f"{self.ministry}, {self.directorate}" if self.directorate else self.ministry


class Skill(models.Model):
    slug = models.SlugField(_("identifiant"), unique=True)
    name = models.CharField(_("compétence"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RemotePolicy(models.TextChoices):
    ON_SITE = "on_site", _("sur site")
    PARTIAL = "partial", _("télétravail partiel")
    REMOTE = "remote", _("télétravail possible à temps plein")


class Outcome(models.TextChoices):
    MAINTAINED = "maintained", _("maintenu par l’administration")
    REUSED = "reused", _("réutilisé ailleurs")
    MAINTAINED_AND_REUSED = "maintained_and_reused", _("maintenu et réutilisé ailleurs")
    STOPPED = "stopped", _("arrêté")


class ChallengeQuerySet(models.QuerySet):
    def published(self):
        return self.exclude(status=Challenge.Status.DRAFT).filter(cohort__is_published=True)

    def for_listing(self):
        return self.select_related("host", "cohort", "image").prefetch_related(
            Prefetch("skills", queryset=Skill.objects.order_by("name"))
        )


class Challenge(index.Indexed, ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon (non publié)")
        OPEN = "open", _("ouvert aux candidatures")
        IN_PROGRESS = "in_progress", _("en cours")
        COMPLETED = "completed", _("terminé")

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    host = models.ForeignKey(
        HostOrganisation,
        verbose_name=_("administration d'accueil"),
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=80, unique=True)
    name = models.CharField(_("nom"), max_length=120)
    summary = models.CharField(_("résumé"), max_length=400)
    problem = models.TextField(_("le problème"), blank=True)
    challenge = models.TextField(_("le défi"), blank=True)
    expected_results = models.TextField(_("résultats attendus"), blank=True)
    skills = models.ManyToManyField(
        Skill, verbose_name=_("compétences recherchées"), related_name="challenges", blank=True
    )
    profiles_sought = models.TextField(
        _("profils recherchés"), blank=True, help_text=_("Un profil par ligne.")
    )
    fellows_sought = models.PositiveSmallIntegerField(_("nombre d'EIG recherché·e·s"), default=2)
    location = models.CharField(_("lieu"), max_length=120, blank=True)
    remote_policy = models.CharField(
        _("télétravail"), max_length=20, choices=RemotePolicy, blank=True
    )
    status = models.CharField(_("état"), max_length=20, choices=Status, default=Status.DRAFT)
    source_code_url = models.URLField(_("code source"), blank=True)
    website_url = models.URLField(_("site du projet"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # What came out of the défi, shown once the promotion is over (links and figures below).
    results_summary = models.TextField(_("ce qui a été construit"), blank=True)
    outcome = models.CharField(_("ce qu’il est devenu"), max_length=30, choices=Outcome, blank=True)
    outcome_details = models.TextField(
        _("précisions sur la suite"),
        blank=True,
        help_text=_("Qui le maintient, où il est réutilisé, pourquoi il s’est arrêté…"),
    )
    results_updated_at = models.DateTimeField(_("résultats mis à jour le"), null=True, blank=True)

    # The English site's version of the public texts (eig.translation): blank, the French shows.
    name_en = models.CharField(_("nom en anglais"), max_length=120, blank=True)
    summary_en = models.CharField(_("résumé en anglais"), max_length=400, blank=True)
    problem_en = models.TextField(_("le problème en anglais"), blank=True)
    challenge_en = models.TextField(_("le défi en anglais"), blank=True)
    expected_results_en = models.TextField(_("résultats attendus en anglais"), blank=True)
    results_summary_en = models.TextField(_("ce qui a été construit, en anglais"), blank=True)

    objects = ChallengeQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("summary"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = _("défi")
        verbose_name_plural = _("défis")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(fellows_sought__gte=1), name="fellows_sought_gte_1")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("challenge_detail", kwargs={"slug": self.slug})

    def profiles_sought_list(self):
        return [line.strip() for line in self.profiles_sought.splitlines() if line.strip()]

    def published_mentors(self):
        return [mentor for mentor in self.mentors.all() if mentor.consents_to_publication]

    def shows_results(self, today=None):
        """Results are told once the promotion is over (or the défi is marked completed)."""
        if self.status == self.Status.COMPLETED:
            return True
        ends_on = self.cohort.ends_on
        return ends_on is not None and ends_on < (today or timezone.localdate())


class ResultLink(Orderable):
    """Something the défi built: its code, its site, its data, a write-up."""

    class Kind(models.TextChoices):
        CODE = "code", _("code source")
        SITE = "site", _("site ou service")
        DATA = "data", _("données")
        DOCUMENT = "document", _("documentation ou article")

    challenge = ParentalKey(Challenge, on_delete=models.CASCADE, related_name="result_links")
    kind = models.CharField(_("nature"), max_length=20, choices=Kind)
    title = models.CharField(_("intitulé"), max_length=200)
    url = models.URLField(_("adresse"))

    class Meta(Orderable.Meta):
        verbose_name = _("réalisation")
        verbose_name_plural = _("réalisations")

    def __str__(self):
        return self.title


class KeyFigure(Orderable):
    """A figure that tells the défi's impact, e.g. « 12 000 » — « dossiers traités par mois »."""

    challenge = ParentalKey(Challenge, on_delete=models.CASCADE, related_name="key_figures")
    value = models.CharField(_("chiffre"), max_length=40)
    label = models.CharField(_("ce qu’il mesure"), max_length=200)

    class Meta(Orderable.Meta):
        verbose_name = _("chiffre clé")
        verbose_name_plural = _("chiffres clés")

    def __str__(self):
        return f"{self.value} {self.label}"


class Mentor(Orderable):
    """A mentor of a défi; shown on the site only with their consent."""

    class Role(models.TextChoices):
        OPERATIONAL = "operational", _("mentor opérationnel")
        STRATEGIC = "strategic", _("mentor stratégique")

    challenge = ParentalKey(Challenge, on_delete=models.CASCADE, related_name="mentors")
    full_name = models.CharField(_("prénom et nom"), max_length=120)
    job_title = models.CharField(_("fonction"), max_length=200, blank=True)
    email = models.EmailField(
        _("adresse e-mail"),
        blank=True,
        help_text=_("L’invitation à l’espace mentor est envoyée à cette adresse."),
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role)
    consents_to_publication = models.BooleanField(
        _("accepte d'être présenté·e sur le site"), default=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentor_roles",
        help_text=_("Le compte avec lequel le ou la mentor se connecte (lien par e-mail)."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")

    def __str__(self):
        return f"{self.full_name} ({self.get_role_display()})"
