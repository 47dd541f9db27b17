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

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind)
    title = models.CharField(_("titre"), max_length=300)
    starts_on = models.DateField(_("date de début"))
    ends_on = models.DateField(_("date de fin"), null=True, blank=True)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    url = models.URLField(_("lien"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)

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
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("La date de fin doit suivre la date de début.")})
