"""The jury area: a reviewer's assignments once released, expertise and conflicts."""

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from eig.applications.access import applications_visible_to
from eig.applications.models import ChallengeChoice
from eig.audit.services import record_access_denied, record_view_by_someone_else
from eig.selection import services
from eig.selection.access import jury_required, reviewer_or_404
from eig.selection.forms import CandidateSearchForm, ConflictForm, ExpertiseForm
from eig.selection.models import Assignment, Reviewer
from eig.selection.selectors import assignable_applications

SEARCH_RESULTS = 20


@never_cache
@jury_required
@require_GET
def home(request):
    choices = Prefetch(
        "application__choices", queryset=ChallengeChoice.objects.select_related("challenge")
    )
    return render(
        request,
        "selection/jury/home.html",
        {
            "roles": Reviewer.objects.filter(user=request.user).select_related("cohort"),
            "assignments": Assignment.objects.released()
            .without_conflict()
            .filter(reviewer__user=request.user)
            .select_related("application", "reviewer__cohort")
            .prefetch_related(choices)
            .order_by("application__last_name", "application__first_name"),
            "breadcrumb_data": {"current": _("Espace jury")},
        },
    )


@never_cache
@jury_required
@require_http_methods(["GET", "POST"])
def expertise(request, number):
    reviewer = reviewer_or_404(request.user, number)
    initial = {
        "profiles": reviewer.profiles,
        "skills": reviewer.skills.all(),
        "max_load": reviewer.max_load,
    }
    form = ExpertiseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_expertise(reviewer=reviewer, **form.cleaned_data)
        messages.success(request, _("Votre expertise est enregistrée."))
        return redirect("jury:home")
    return render(
        request,
        "selection/jury/expertise.html",
        {"reviewer": reviewer, "form": form, "breadcrumb_data": _breadcrumb(_("Expertise"))},
    )


@never_cache
@jury_required
@require_http_methods(["GET", "POST"])
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
        query = search.cleaned_data["q"]
        found = candidates.filter(
            Q(first_name__icontains=query) | Q(last_name__icontains=query)
        ).order_by("last_name", "first_name")[:SEARCH_RESULTS]
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


@never_cache
@jury_required
@require_GET
def application(request, public_id):
    """Read-only; a reviewer reaching one not assigned to them gets a 404, recorded."""
    found = (
        applications_visible_to(request.user)
        .select_related("cohort")
        .filter(public_id=public_id)
        .first()
    )
    if found is None:
        record_access_denied(request=request, public_id=public_id)
        raise Http404
    record_view_by_someone_else(request=request, application=found)
    return render(
        request,
        "selection/jury/application.html",
        {
            "application": found,
            "choices": list(found.choices.select_related("challenge__host")),
            "experiences": list(found.experiences.all()),
            "evaluation_url": reverse("jury:evaluation", args=[found.public_id])
            if Assignment.objects.released()
            .without_conflict()
            .filter(reviewer__user=request.user, application=found)
            .exists()
            else "",
            "breadcrumb_data": _breadcrumb(found.full_name),
        },
    )


def _breadcrumb(current):
    return {"links": [{"url": reverse("jury:home"), "title": _("Espace jury")}], "current": current}
