"""Who may see which audition: the candidate, the panel (never a member in conflict), the team."""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from eig.accounts.access import Role
from eig.accounts.roles import is_programme_team
from eig.applications.access import application_or_404, own_applications
from eig.applications.models import Application
from eig.audit.services import record_access_denied
from eig.auditions.models import Interview, InterviewSlot
from eig.selection.models import Conflict

PANEL = Role("panel", rows=lambda user: InterviewSlot.objects.filter(panel=user))


def audition_applications(user):
    """`user`'s applications with an audition to book or booked: their own, and no one else's."""
    return own_applications(user).filter(
        Q(status=Application.Status.INVITED) | Q(interview__isnull=False)
    )


def get_audition_application(request, public_id):
    return application_or_404(request, audition_applications(request.user), public_id)


def panel_slots(user):
    """The slots `user` sits on the panel of, whether booked or not."""
    if not user.is_authenticated:
        return InterviewSlot.objects.none()
    return InterviewSlot.objects.filter(panel=user)


def interviews_visible_to(user):
    if is_programme_team(user):
        return Interview.objects.all()  # the programme team sees every audition
    if not user.is_authenticated:
        return Interview.objects.none()
    # A panel member sees their own auditions, except a candidate they have a conflict with.
    in_conflict = Conflict.objects.blocking().filter(
        reviewer__user=user, application=OuterRef("application")
    )
    return Interview.objects.filter(slot__panel=user).exclude(Exists(in_conflict))


def get_interview_for(request, public_id):
    """The audition if the person may grade it; else Http404 (recorded), as if it did not exist."""
    interview = (
        interviews_visible_to(request.user)
        .select_related("slot", "application__cohort")
        .filter(public_id=public_id)
        .first()
    )
    if interview is None:
        refused = Interview.objects.filter(public_id=public_id).select_related("application")
        application = refused.first().application if refused.exists() else None
        record_access_denied(
            request=request,
            public_id=application.public_id if application else public_id,
            target=application,
            page="audition",
        )
        raise Http404
    return interview
