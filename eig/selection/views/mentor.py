"""The mentors' area: the applications of the défis a mentor follows, and their opinion on each."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import access
from eig.applications.access import application_or_404, cv_response, mentored_by
from eig.challenges.access import MENTOR
from eig.challenges.models import Mentor
from eig.selection.forms import MentorOpinionForm, MentorStageFilterForm
from eig.selection.models import MentorOpinion
from eig.selection.opinions import opinion_of, save_opinion
from eig.selection.views.jury import read_only_application


@access(MENTOR)
def home(request):
    visible = mentored_by(request.user)
    form = MentorStageFilterForm(request.GET or None)
    stage = form.cleaned_data["stage"] if form.is_valid() else ""
    if stage:
        visible = visible.filter(status=stage)
    opinions = {
        opinion.application_id: opinion
        for opinion in MentorOpinion.objects.filter(author=request.user)
    }
    groups = []
    for mentor in (
        Mentor.objects.filter(user=request.user)
        .select_related("challenge__cohort", "challenge__host")
        .order_by("challenge__name")
    ):
        applications = list(
            visible.filter(choices__challenge=mentor.challenge).order_by("last_name", "first_name")
        )
        for application in applications:
            application.my_opinion = opinions.get(application.pk)
        groups.append(
            {
                "mentor": mentor,
                "applications": applications,
                "opened_from": mentor.challenge.cohort.get_mentors_see_from_stage_display(),
            }
        )
    return render(
        request,
        "selection/mentor/home.html",
        {
            "groups": groups,
            "form": form,
            "stage": stage,
            "breadcrumb_data": {"current": _("Espace mentor")},
        },
    )


def mentored_application_or_404(request, public_id):
    """A mentor reaching an application they may not see gets a 404, recorded."""
    return application_or_404(request, mentored_by(request.user), public_id)


@access(MENTOR, methods=("GET", "HEAD", "POST"), get_object=mentored_application_or_404)
def application(request, found):
    opinion = opinion_of(request.user, found)
    form = MentorOpinionForm(request.POST or None, instance=opinion)
    if request.method == "POST" and form.is_valid():
        save_opinion(
            application=found,
            author=request.user,
            text=form.cleaned_data["text"],
            stance=form.cleaned_data["stance"],
            request=request,
        )
        messages.success(request, _("Votre avis est enregistré : l’équipe du programme le lira."))
        return redirect(reverse("mentor:application", args=[found.public_id]) + "#avis")
    return read_only_application(
        request,
        found,
        area=_("Espace mentor"),
        home_url=reverse("mentor:home"),
        evaluation_url="",
        cv_url=reverse("mentor:application_cv", args=[found.public_id]),
        extra={"opinion_form": form, "opinion": opinion},
    )


@access(MENTOR, get_object=mentored_application_or_404)
def application_cv(request, application):
    return cv_response(request, application)
