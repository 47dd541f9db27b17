"""The announcements a candidate received, in their data export."""

from django.utils.translation import gettext as _

from eig.applications.personal_data import Holder, Message, register
from eig.communications.models import Announcement


@register
class Announcements(Holder):
    key = "announcements"

    def export(self, application):
        return [
            {
                "subject": announcement.subject,
                "body": announcement.body,
                "sent_at": announcement.sent_at.isoformat(),
            }
            for announcement in self._received(application).order_by("sent_at")
        ]

    def messages(self, application):
        return [
            Message(
                at=announcement.sent_at,
                kind=_("Annonce"),
                subject=announcement.subject,
                body=announcement.body,
            )
            for announcement in self._received(application)
        ]

    def _received(self, application):
        """Those sent to the cohort while the application was there to receive them.

        As `announcement_recipients`: every application of the cohort but the withdrawn ones.
        """
        sent = Announcement.objects.filter(
            cohort_id=application.cohort_id, sent_at__gte=application.created_at
        )
        if application.withdrawn_at:
            sent = sent.filter(sent_at__lt=application.withdrawn_at)
        return sent
