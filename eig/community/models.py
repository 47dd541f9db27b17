"""The promotion's life: its fellows, the public profiles of fellows and mentors, the
registrations to events and the personal calendar links."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from eig.storage import private_storage


class Fellow(models.Model):
    """A retained person on a défi of a published team proposal: an EIG of the promotion."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="fellowships",
    )
    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("candidature"),
        on_delete=models.CASCADE,
        related_name="fellow",
    )
    challenge = models.ForeignKey(
        "challenges.Challenge",
        verbose_name=_("défi"),
        on_delete=models.CASCADE,
        related_name="fellows",
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        on_delete=models.CASCADE,
        related_name="fellows",
    )
    created_at = models.DateTimeField(_("depuis le"), auto_now_add=True)

    class Meta:
        verbose_name = _("EIG")
        verbose_name_plural = _("EIG")
        ordering = ["cohort", "challenge", "application__last_name", "application__first_name"]

    def __str__(self):
        return f"{self.application.full_name} — {self.challenge}"


class Profile(models.Model):
    """The public profile of a fellow or a mentor; nothing of it is shown before `consented_at`,
    then only the fields listed in `public_fields`."""

    class Field(models.TextChoices):
        PHOTO = "photo", _("ma photo")
        BIO = "bio", _("ma présentation")
        SKILLS = "skills", _("mes compétences")
        LINKS = "links", _("mes liens")
        AFTER = "after", _("ce que j’ai fait après le programme")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="public_profile",
    )
    name = models.CharField(_("nom affiché"), max_length=120)
    photo = models.ImageField(
        _("photo"), storage=private_storage, upload_to="profiles/", blank=True
    )
    bio = models.TextField(_("présentation courte"), max_length=600, blank=True)
    skills = models.CharField(_("compétences"), max_length=300, blank=True)
    links = models.TextField(_("liens"), max_length=1000, blank=True)
    after = models.TextField(_("après le programme"), max_length=600, blank=True)
    public_fields = models.JSONField(_("champs publics"), default=list, blank=True)
    consented_at = models.DateTimeField(_("publication acceptée le"), null=True, blank=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("profil public")
        verbose_name_plural = _("profils publics")

    def __str__(self):
        return self.name

    def shows(self, field):
        """Whether `field` is on the public site now: consent given, field chosen, not empty."""
        return bool(self.consented_at and field in self.public_fields and getattr(self, field))

    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class Registration(models.Model):
    """One person's place at an event: registered, waiting (in order of `registered_at`) or
    cancelled. Every change goes through eig.community.registrations."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("inscrit·e")
        WAITING = "waiting", _("sur liste d’attente")
        CANCELLED = "cancelled", _("annulée")

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("événement"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(_("état"), max_length=20, choices=Status)
    registered_at = models.DateTimeField(_("inscrit·e le"))
    moved_up_at = models.DateTimeField(_("sorti·e de la liste d’attente le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    attended = models.BooleanField(_("présent·e"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription à un événement")
        verbose_name_plural = _("inscriptions aux événements")
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person")
        ]

    def __str__(self):
        return f"{self.user} — {self.event} ({self.get_status_display()})"


def new_token():
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A personal secret address of a promotion's calendar, for a calendar application;
    deleting it revokes the address at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("lien d’abonnement à l’agenda")
        verbose_name_plural = _("liens d’abonnement à l’agenda")
        constraints = [
            models.UniqueConstraint(fields=["user", "cohort"], name="one_calendar_feed_per_cohort")
        ]

    def __str__(self):
        return f"{self.user} — {self.cohort}"


ACTIVE = Q(status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING])
