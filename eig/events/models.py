import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventQuerySet(models.QuerySet):
    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(ends_on__gte=today) | Q(ends_on__isnull=True, starts_on__gte=today))

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(ends_on__lt=today) | Q(ends_on__isnull=True, starts_on__lt=today))

    def public(self):
        """What the public site lists: the events of the promotion stay with its people."""
        return self.filter(audience=Event.Audience.PUBLIC)


class Event(models.Model):
    """A gathering of the programme: information meeting, jury, bootcamp, mentoring session..."""

    class Kind(models.TextChoices):
        INFORMATION = "information", _("réunion d'information")
        JURY = "jury", _("jury")
        BOOTCAMP = "bootcamp", _("bootcamp")
        MENTORING = "mentoring", _("session de mentoring")
        WORKSHOP = "workshop", _("atelier")
        SHOWCASE = "showcase", _("présentation des résultats")
        MILESTONE = "milestone", _("étape du programme")
        DEMO_DAY = "demo_day", _("demo day")
        FINAL_PRESENTATION = "final_presentation", _("présentation finale")
        INFORMATION_CANDIDATES = (
            "information_candidates",
            _("session d’information pour les candidat·e·s"),
        )
        INFORMATION_ADMINISTRATIONS = (
            "information_administrations",
            _("session d’information pour les administrations"),
        )

    class Audience(models.TextChoices):
        PUBLIC = "public", _("public")
        PROMOTION = "promotion", _("la promotion (EIG et mentors)")
        MENTORS = "mentors", _("les mentors de la promotion")

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    kind = models.CharField(_("type"), max_length=40, choices=Kind)
    audience = models.CharField(
        _("public visé"),
        max_length=20,
        choices=Audience,
        default=Audience.PUBLIC,
        help_text=_("Un événement de la promotion n’est visible que de ses EIG et mentors."),
    )
    title = models.CharField(_("titre"), max_length=300)
    starts_on = models.DateField(_("date de début"))
    ends_on = models.DateField(_("date de fin"), null=True, blank=True)
    starts_at = models.DateTimeField(
        _("heure de début"),
        null=True,
        blank=True,
        help_text=_("Donne aussi la date de début ; vide : toute la journée."),
    )
    ends_at = models.DateTimeField(_("heure de fin"), null=True, blank=True)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    url = models.URLField(
        _("lien"),
        max_length=500,
        blank=True,
        help_text=_("Page de l’événement ou visioconférence."),
    )
    description = models.TextField(_("description"), blank=True)
    # The English site's version (eig.translation): blank, the French text shows.
    title_en = models.CharField(_("titre en anglais"), max_length=300, blank=True)
    description_en = models.TextField(_("description en anglais"), blank=True)
    registration_open = models.BooleanField(_("inscriptions ouvertes"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Au-delà, les inscriptions vont sur une liste d’attente. Vide : sans limite."),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["starts_on", "title"]
        constraints = [
            models.UniqueConstraint(fields=["title", "starts_on"], name="unique_event_per_day"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_at_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The times, when given, decide the dates the listings sort and filter on.
        if self.starts_at:
            self.starts_on = timezone.localdate(self.starts_at)
        if self.ends_at:
            self.ends_on = timezone.localdate(self.ends_at)
        super().save(*args, **kwargs)

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("La date de fin doit suivre la date de début.")})
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("L’heure de fin doit suivre l’heure de début.")})
        if self.ends_at and not self.starts_at:
            raise ValidationError({"starts_at": _("Donnez l’heure de début avec celle de fin.")})

    @property
    def start(self):
        """When the event begins: its time, or the start of its day (Paris time)."""
        if self.starts_at:
            return self.starts_at
        return timezone.make_aware(datetime.datetime.combine(self.starts_on, datetime.time()))

    def has_started(self, now=None):
        return self.start <= (now or timezone.now())
