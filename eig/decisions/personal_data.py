"""The decisions told to a candidate: in their export; their text goes with the anonymisation."""

from eig.applications.personal_data import Holder, register
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

    def erase(self, application_ids):
        # The text names the person; the outcome and its date stay for the statistics.
        DecisionNotice.objects.filter(application_id__in=application_ids).update(
            subject="", body=""
        )
