"""Auditions: the slots the team opens, the bookings of admissible candidates, the panel's grid."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eig.auditions.criteria import CRITERIA, SCORE_MAX, SCORE_MIN

BOOKING_NOTICE = datetime.timedelta(hours=24)  # a slot closer than this is no longer bookable
CHANGE_NOTICE = datetime.timedelta(hours=48)  # a booking may be moved until this before


class InterviewSlotQuerySet(models.QuerySet):
    def bookable(self, *, cohort, now):
        """Free slots of `cohort` starting more than BOOKING_NOTICE after `now`."""
        return self.filter(
            cohort=cohort, starts_at__gt=now + BOOKING_NOTICE, interview__isnull=True
        ).order_by("starts_at")


class InterviewSlot(models.Model):
    """A bookable time for one audition, before a panel, in a place or by video."""

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        on_delete=models.PROTECT,
        related_name="interview_slots",
    )
    starts_at = models.DateTimeField(_("début"))
    duration = models.PositiveSmallIntegerField(_("durée (minutes)"))
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    video_url = models.URLField(_("lien de visioconférence"), blank=True)
    panel = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("jury"),
        related_name="interview_slots",
        blank=True,
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    objects = InterviewSlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("créneau d’audition")
        verbose_name_plural = _("créneaux d’audition")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(video_url=""), name="slot_has_a_place_or_a_link"
            ),
            models.CheckConstraint(condition=Q(duration__gt=0), name="slot_has_a_duration"),
        ]
        indexes = [models.Index(fields=["cohort", "starts_at"])]

    def __str__(self):
        return timezone.localtime(self.starts_at).strftime("%d/%m/%Y %H:%M")

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration)

    def is_bookable(self, now):
        return self.starts_at > now + BOOKING_NOTICE


class Interview(models.Model):
    """One booked audition: one per slot and one per application, by construction."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slot = models.OneToOneField(
        InterviewSlot,
        verbose_name=_("créneau"),
        on_delete=models.PROTECT,
        related_name="interview",
    )
    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("candidature"),
        on_delete=models.CASCADE,
        related_name="interview",
    )
    booked_at = models.DateTimeField(_("réservée le"))

    class Meta:
        verbose_name = _("audition")
        verbose_name_plural = _("auditions")
        ordering = ["slot__starts_at"]

    def __str__(self):
        return str(self.application)

    def can_be_moved(self, now):
        """The candidate may choose another slot until CHANGE_NOTICE before this one."""
        return self.slot.starts_at > now + CHANGE_NOTICE


class InterviewScore(models.Model):
    """One panel member's score and comment on one criterion of one audition."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scores")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre du jury"),
        on_delete=models.CASCADE,
        related_name="interview_scores",
    )
    criterion = models.CharField(_("critère"), max_length=40, choices=CRITERIA)
    score = models.PositiveSmallIntegerField(_("note"))
    comment = models.TextField(_("commentaire"), max_length=2000, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("note d’audition")
        verbose_name_plural = _("notes d’audition")
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "member", "criterion"], name="one_score_per_member_criterion"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=SCORE_MIN) & Q(score__lte=SCORE_MAX),
                name="interview_score_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.get_criterion_display()} : {self.score}"
