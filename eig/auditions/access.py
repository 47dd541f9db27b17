"""Who may see which audition: every view goes through these functions."""

from django.db.models import Q
from django.http import Http404

from eig.accounts.roles import is_programme_team
from eig.applications.access import own_applications
from eig.applications.models import Application
from eig.auditions.models import Interview, InterviewSlot


def audition_applications(user):
    """`user`'s applications with an audition to book or booked: their own, and no one else's."""
    return own_applications(user).filter(
        Q(status=Application.Status.INVITED) | Q(interview__isnull=False)
    )


def get_audition_application(user, public_id):
    application = (
        audition_applications(user).select_related("cohort").filter(public_id=public_id).first()
    )
    if application is None:
        raise Http404
    return application


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
    return Interview.objects.filter(slot__panel=user)  # a panel member, their own auditions


def get_interview_for(user, public_id):
    """The audition if `user` may grade it; Http404 otherwise, as if it did not exist."""
    interview = (
        interviews_visible_to(user)
        .select_related("slot", "application__cohort")
        .filter(public_id=public_id)
        .first()
    )
    if interview is None:
        raise Http404
    return interview
