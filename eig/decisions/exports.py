"""The decisions sent to a cohort's candidates, as a table for `eig.exports`."""

from django.utils.translation import gettext as _

from eig.decisions.models import DecisionNotice
from eig.exports import paris_time


def sent_notices(cohort):
    """The decisions already sent to the cohort's candidates, the latest first."""
    return (
        DecisionNotice.objects.sent()
        .filter(application__cohort=cohort)
        .order_by("-sent_at", "-pk")
        .select_related("application", "sent_by")
    )


def decisions_dataset(notices):
    """Headers and rows of the decisions sent to a cohort's candidates."""
    headers = [_("Candidature"), _("Courriel"), _("Décision"), _("Envoyée le"), _("Envoyée par")]
    lines = [
        [
            notice.application.full_name,
            notice.application.email,
            str(notice.get_outcome_display()),
            paris_time(notice.sent_at),
            (notice.sent_by.email or notice.sent_by.username) if notice.sent_by else "",
        ]
        for notice in notices
    ]
    return headers, lines
