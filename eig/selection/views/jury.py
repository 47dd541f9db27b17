"""The jury area: a reviewer's assignments once released, expertise and conflicts."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.accounts.roles import is_programme_team
from eig.applications.access import application_or_404, cv_response
from eig.applications.models import Application, ChallengeChoice
from eig.audit.services import record_view_by_someone_else
from eig.challenges.models import Challenge
from eig.selection import services
from eig.selection.access import (
    REVIEWER,
    applications_visible_to,
    assigned_to,
    assignments_of,
    reviewer_or_404,
)
from eig.selection.forms import CandidateSearchForm, ConflictForm, ExpertiseForm, WorkFilterForm
from eig.selection.models import Reviewer
from eig.selection.selectors import assignable_applications, progress_by_cohort, reviewer_work
from eig.selection.views.reviews import evaluation_page


@access(REVIEWER, PROGRAMME_TEAM)
def home(request):
    """The reviewer's dashboard: what is left to do, their progress and the deadline."""
    choices = Prefetch(
        "application__choices", queryset=ChallengeChoice.objects.select_related("challenge")
    )
    work = reviewer_work(request.user)
    filters = WorkFilterForm(
        request.GET or None,
        challenges=Challenge.objects.filter(choices__application__in=work.values("application"))
        .distinct()
        .order_by("name"),
    )
    return render(
        request,
        "selection/jury/home.html",
        {
            "roles": Reviewer.objects.filter(user=request.user).select_related("cohort"),
            "progress": progress_by_cohort(request.user),
            "filters": filters,
            "filtered": filters.is_bound,
            "assignments": filters.filter(work)
            .select_related("application", "reviewer__cohort")
            .prefetch_related(choices),
            "now": timezone.now(),
            "breadcrumb_data": {"current": _("Espace jury")},
        },
    )


@access(REVIEWER, PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def expertise(request, number):
    reviewer = reviewer_or_404(request.user, number)
    initial = {
        "profiles": reviewer.profiles,
        "skills": reviewer.skills.all(),
        "max_load": reviewer.max_load,
    }
    form = ExpertiseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_expertise(reviewer=reviewer, request=request, **form.cleaned_data)
        messages.success(request, _("Votre expertise est enregistrée."))
        return redirect("jury:home")
    return render(
        request,
        "selection/jury/expertise.html",
        {"reviewer": reviewer, "form": form, "breadcrumb_data": _breadcrumb(_("Expertise"))},
    )


@access(REVIEWER, PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def conflicts(request, number):
    """Search candidates by name (only names are shown) and declare a conflict with one."""
    reviewer = reviewer_or_404(request.user, number)
    candidates = assignable_applications(reviewer.cohort)
    if request.method == "POST":
        form = ConflictForm(request.POST)
        application = (
            candidates.filter(public_id=form.cleaned_data["application"]).first()
            if form.is_valid()
            else None
        )
        if application is not None:
            services.declare_conflict(
                reviewer=reviewer, application=application, reason=form.cleaned_data["reason"]
            )
            messages.success(
                request,
                _("Conflit d’intérêts déclaré avec %(name)s.") % {"name": application.full_name},
            )
            return redirect("jury:conflicts", number=number)
        messages.error(request, _("Indiquez un motif pour une personne de la liste."))
    search = CandidateSearchForm(request.GET)
    found = []
    if search.is_valid() and search.cleaned_data["q"]:
        try:
            found = services.search_candidates(
                reviewer=reviewer, query=search.cleaned_data["q"], request=request
            )
        except services.SearchLimitReached:
            search.add_error("q", search_limit_message())
    return render(
        request,
        "selection/jury/conflicts.html",
        {
            "reviewer": reviewer,
            "search": search,
            "found": found,
            "declared": reviewer.conflicts.filter(kind="declared").select_related("application"),
            "breadcrumb_data": _breadcrumb(_("Conflits d’intérêts")),
        },
    )


def jury_application_or_404(request, public_id):
    """Read-only; a reviewer reaching one not assigned to them gets a 404, recorded."""
    return application_or_404(request, jury_applications(request.user), public_id)


@access(REVIEWER, PROGRAMME_TEAM, get_object=jury_application_or_404)
def application(request, found):
    """For its reviewer, the application and the grid on one page; read-only for the team."""
    assignment = (
        assignments_of(request.user)
        .filter(application=found)
        .select_related("application__cohort", "reviewer__cohort")
        .first()
    )
    if assignment is not None:
        return evaluation_page(request, assignment)
    return read_only_application(
        request,
        found,
        area=_("Espace jury"),
        home_url=reverse("jury:home"),
        evaluation_url="",
        cv_url=reverse("jury:application_cv", args=[found.public_id]),
    )


@access(REVIEWER, PROGRAMME_TEAM, get_object=jury_application_or_404)
def application_cv(request, application):
    return cv_response(request, application)


def jury_applications(user):
    """What the jury area shows: a reviewer's assignments; everything for the team."""
    if is_programme_team(user):
        return applications_visible_to(user)
    return Application.objects.filter(pk__in=assigned_to(user))


def read_only_application(
    request, application, *, area, home_url, evaluation_url, cv_url, extra=None
):
    """An application as the jury or a mentor reads it (no contact details); the view recorded.

    `extra`: more context, such as the mentor's opinion form.
    """
    record_view_by_someone_else(request=request, application=application)
    return render(
        request,
        "selection/jury/application.html",
        {
            **(extra or {}),
            "application": application,
            "choices": list(application.choices.select_related("challenge__host")),
            "experiences": list(application.experiences.all()),
            "evaluation_url": evaluation_url,
            "cv_url": cv_url,
            "area": area,
            "breadcrumb_data": {
                "links": [{"url": home_url, "title": area}],
                "current": application.full_name,
            },
        },
    )


def search_limit_message():
    return _(
        "Vous avez fait %(limit)s recherches dans l’heure, le maximum : réessayez plus tard. "
        "Si vous devez déclarer d’autres conflits d’intérêts, écrivez à l’équipe du programme."
    ) % {"limit": settings.CONFLICT_SEARCHES_PER_HOUR}


def _breadcrumb(current):
    return {"links": [{"url": reverse("jury:home"), "title": _("Espace jury")}], "current": current}
