"""The mentors' area: the applications of the défis a mentor follows, read-only."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import access
from eig.applications.access import application_or_404, cv_response, mentored_by
from eig.challenges.access import MENTOR
from eig.challenges.models import Mentor
from eig.selection.views.jury import read_only_application


@access(MENTOR)
def home(request):
    visible = mentored_by(request.user)
    groups = [
        {
            "mentor": mentor,
            "applications": visible.filter(choices__challenge=mentor.challenge).order_by(
                "last_name", "first_name"
            ),
        }
        for mentor in Mentor.objects.filter(user=request.user)
        .select_related("challenge__cohort", "challenge__host")
        .order_by("challenge__name")
    ]
    return render(
        request,
        "selection/mentor/home.html",
        {"groups": groups, "breadcrumb_data": {"current": _("Espace mentor")}},
    )


def mentored_application_or_404(request, public_id):
    """A mentor reaching an application they may not see gets a 404, recorded."""
    return application_or_404(request, mentored_by(request.user), public_id)


@access(MENTOR, get_object=mentored_application_or_404)
def application(request, found):
    return read_only_application(
        request,
        found,
        area=_("Espace mentor"),
        home_url=reverse("mentor:home"),
        evaluation_url="",
        cv_url=reverse("mentor:application_cv", args=[found.public_id]),
    )


@access(MENTOR, get_object=mentored_application_or_404)
def application_cv(request, application):
    return cv_response(request, application)
