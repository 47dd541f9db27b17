"""The decisions told to a candidate: in their export; their text goes with the anonymisation."""

from django.utils.translation import gettext as _

from eig.applications.personal_data import Holder, Message, register
from eig.decisions.models import DecisionNotice


@register
class DecisionNotices(Holder):
    key = "decisions"

    def export(self, application):
        return [
            {
                "outcome": notice.get_outcome_display(),
                "subject": notice.subject,
                "body": notice.body,
                # None while the e-mail waits for the worker, or failed.
                "sent_at": notice.sent_at.isoformat() if notice.sent_at else None,
            }
            for notice in DecisionNotice.objects.filter(application=application).order_by(
                "decided_at", "pk"
            )
        ]

    def messages(self, application):
        # Only those e-mailed: one waiting for the worker, or failed, was not told.
        return [
            Message(at=notice.sent_at, kind=_("Décision"), subject=notice.subject, body=notice.body)
            for notice in DecisionNotice.objects.filter(
                application=application, sent_at__isnull=False
            )
        ]

    def erase(self, application_ids):
        # The text names the person; the outcome and its date stay for the statistics.
        DecisionNotice.objects.filter(application_id__in=application_ids).update(
            subject="", body=""
        )
