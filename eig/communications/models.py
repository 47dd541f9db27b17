from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

SUBJECT_MAX = 150
BODY_MAX = 5000


class Announcement(models.Model):
    """A change the programme team announces to every candidate of a cohort."""

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("promotion"),
        on_delete=models.CASCADE,
        related_name="announcements",
    )
    subject = models.CharField(_("objet"), max_length=SUBJECT_MAX)
    body = models.TextField(_("message"), max_length=BODY_MAX)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("rédigée le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recipients_count = models.PositiveIntegerField(_("destinataires"), null=True, blank=True)

    class Meta:
        verbose_name = _("annonce")
        verbose_name_plural = _("annonces")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject
