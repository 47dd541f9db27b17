"""The announcements a candidate received, in their data export."""

from eig.applications.personal_data import Holder, register
from eig.communications.models import Announcement


@register
class Announcements(Holder):
    key = "announcements"

    def export(self, application):
        """Those sent to the cohort while the application was there to receive them.

        As `announcement_recipients`: every application of the cohort but the withdrawn ones.
        """
        sent = Announcement.objects.filter(
            cohort_id=application.cohort_id, sent_at__gte=application.created_at
        )
        if application.withdrawn_at:
            sent = sent.filter(sent_at__lt=application.withdrawn_at)
        return [
            {
                "subject": announcement.subject,
                "body": announcement.body,
                "sent_at": announcement.sent_at.isoformat(),
            }
            for announcement in sent.order_by("sent_at")
        ]
