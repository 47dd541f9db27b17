"""What the candidate is told of their application's stage: no more than the team publishes.

The recevability check, the preselection and the deliberations stay internal: the candidate sees
"en cours d'examen" for them. The invitation to an audition is shown, since the candidate books
a slot. Final outcomes (retenue, liste d'attente, non retenue) are shown once the decision e-mail
is sent (eig.decisions): the candidate then reads the last decision they were told, even if the
team has moved the application since (a waitlisted one retained, say) without telling them yet.
"""

from django.utils.translation import gettext_lazy as _

from eig.applications.models import Application

IN_REVIEW = _("en cours d’examen")


def last_decision(application):
    """The last decision e-mailed to the candidate (eig.decisions), or None.

    Reads `decision_notices` through `.all()`, so a prefetch spares the query.
    """
    if application.pk is None:
        return None  # not saved: nothing was sent
    # A notice the worker has not e-mailed yet, or whose e-mail failed, is not told yet.
    return max(
        (notice for notice in application.decision_notices.all() if notice.sent_at),
        key=lambda notice: (notice.sent_at, notice.pk),
        default=None,
    )


def candidate_status_label(application):
    """The status as the candidate sees it, in their space and in their data export."""
    if application.status in Application.SHOWN_TO_CANDIDATES:
        return application.get_status_display()
    notice = last_decision(application)
    if notice is not None:
        return notice.get_outcome_display()
    return IN_REVIEW
