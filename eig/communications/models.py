import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

SUBJECT_MAX = 150
BODY_MAX = 5000
# The e-mail template greets each candidate by name and signs for the team
# (communications/email/announcement.txt): a body that does it too reads twice.
GREETING = re.compile(
    r"^\W*(bonjour|bonsoir|madame|monsieur|mesdames|messieurs|cher|chère|chers|chères|"
    r"salut|hello)\b",
    re.IGNORECASE,
)
SIGNATURE = re.compile(r"^\W*l\W+équipe (du programme|eig)\b[^.!?]*$", re.IGNORECASE)


def greeting_line(body):
    """The first line of `body` when it greets the reader, else None."""
    lines = [line for line in body.strip().splitlines() if line.strip()]
    return lines[0].strip() if lines and GREETING.match(lines[0]) else None


def signature_line(body):
    """The last line of `body` when it signs for the team, else None."""
    lines = [line for line in body.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines and SIGNATURE.match(lines[-1]) else None


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
