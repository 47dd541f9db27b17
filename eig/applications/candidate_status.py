"""What the candidate is told of their application's stage: no more than the team publishes.

The recevability check, the preselection and the deliberations stay internal: the candidate sees
"en cours d'examen" for them. The invitation to an audition is shown, since the candidate books
a slot. Final outcomes (retenue, liste d'attente, non retenue) are shown once the decision is sent:
the decisions (part 8 of the selection) will add that check here; until then they read
"en cours d'examen" too.
"""

from django.utils.translation import gettext_lazy as _

from eig.applications.models import Application

SHOWN_TO_CANDIDATES = {
    Application.Status.DRAFT,
    Application.Status.SUBMITTED,
    Application.Status.INVITED,
    Application.Status.WITHDRAWN,
}
IN_REVIEW = _("en cours d’examen")


def candidate_status_label(application):
    """The status as the candidate sees it, in their space and in their data export."""
    if application.status in SHOWN_TO_CANDIDATES:
        return application.get_status_display()
    return IN_REVIEW
