"""The mentor rule: which applications the mentor of a défi may read, and who enters /mentor/."""

import functools

from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404
from django.urls import reverse

from eig.applications.models import Application
from eig.challenges.models import Mentor
from eig.cohorts.models import MENTOR_STAGES

# The stages in process order; a waitlisted application is at the selected one's level, and
# rejected or ineligible ones (whose last stage is unknown), drafts and withdrawals are never shown.
PROCESS_ORDER = ["eligible", "shortlisted", "invited", "interviewed", "waitlisted", "selected"]


def mentored_by(user):
    """Ids of the applications that chose a défi `user` mentors, at or after the opened stage."""
    if not user.is_authenticated:
        return Application.objects.none().values("pk")
    opened = Q()
    for stage, _label in MENTOR_STAGES:
        opened |= Q(
            cohort__mentors_see_from_stage=stage,
            status__in=PROCESS_ORDER[PROCESS_ORDER.index(stage) :],
        )
    return (
        Application.objects.filter(opened, choices__challenge__mentors__user=user)
        .exclude(status__in=[Application.Status.DRAFT, Application.Status.WITHDRAWN])
        .values("pk")
    )


def is_mentor(user):
    return user.is_authenticated and Mentor.objects.filter(user=user).exists()


def mentor_required(view):
    """Visitors are asked to sign in; mentors may enter; anyone else gets a 404."""

    @functools.wraps(view)
    def view_for_mentors(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("sign_in"))
        if not is_mentor(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return view_for_mentors
