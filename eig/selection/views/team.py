"""The programme team's pages: the jury of a cohort and the assignment of applications."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.cohorts.models import Cohort
from eig.matching import Infeasible
from eig.selection import assignment as workflow
from eig.selection import services
from eig.selection.forms import InvitationForm, PairForm, RunForm, pair_label
from eig.selection.models import Assignment, Conflict, Reviewer
from eig.selection.selectors import assignable_applications


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def reviewers(request, number):
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    form = InvitationForm(request.POST or None, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        reviewer = services.invite_reviewer(cohort=cohort, by=request.user, **form.cleaned_data)
        messages.success(request, _("Invitation envoyée à %(name)s.") % {"name": reviewer})
        return redirect("selection:reviewers", number=number)
    return render(
        request,
        "selection/team/reviewers.html",
        {
            "cohort": cohort,
            "form": form,
            "reviewers": Reviewer.objects.filter(cohort=cohort)
            .select_related("user", "host")
            .prefetch_related("skills"),
            "breadcrumb_data": _breadcrumb(cohort, _("Jury")),
        },
    )


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def assignment(request, number):
    """GET shows the assignment; POST computes a new proposal, or says why there is none."""
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    form = RunForm(request.POST or None)
    infeasible = None
    if request.method == "POST" and form.is_valid():
        try:
            workflow.propose_assignment(
                cohort=cohort,
                reviews_per_application=form.cleaned_data["reviews_per_application"],
                by=request.user,
            )
        except Infeasible as error:
            infeasible = {"message": str(error), "problem": workflow.build_problem(cohort)}
        else:
            messages.success(request, _("Nouvelle proposition d’affectation calculée."))
            return redirect("selection:assignment", number=number)
    context = _assignment_context(cohort, open_reviewer=request.GET.get("membre", ""))
    return render(
        request,
        "selection/team/assignment.html",
        {**context, "run_form": form, "infeasible": infeasible},
    )


@access(PROGRAMME_TEAM, methods=("POST",))
def assignment_add(request, number):
    """Adds a pair; a refusal shows the page again, with what was typed and why next to it."""
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    form = _pair_form(cohort, request.POST)
    if form.is_valid():
        try:
            pair = workflow.add_assignment(by=request.user, **form.cleaned_data)
        except workflow.PairRefused as refusal:
            form.add_error("application", str(refusal))
        else:
            messages.success(
                request,
                _("%(application)s est affectée à %(reviewer)s.")
                % {"application": pair.application, "reviewer": pair.reviewer},
            )
            return redirect(_in_group(number, pair.reviewer_id))
    context = _assignment_context(cohort, pair_form=form)
    return render(
        request,
        "selection/team/assignment.html",
        {**context, "run_form": RunForm()},
    )


@access(PROGRAMME_TEAM, methods=("POST",))
def assignment_remove(request, number, pk):
    pair = get_object_or_404(Assignment, pk=pk, reviewer__cohort__number=number)
    try:
        workflow.remove_assignment(assignment=pair, by=request.user)
    except workflow.PairRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Affectation retirée."))
    return redirect(_in_group(number, pair.reviewer_id))


def _in_group(number, reviewer_id):
    """The assignment page, the reviewer's group open and in view."""
    url = reverse("selection:assignment", args=[number])
    return f"{url}?membre={reviewer_id}#reviewer-{reviewer_id}"


@access(PROGRAMME_TEAM, methods=("POST",))
def assignment_release(request, number):
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    count = workflow.release_assignments(cohort=cohort, by=request.user, request=request)
    messages.success(request, _("%(count)s affectations publiées.") % {"count": count})
    return redirect("selection:assignment", number=number)


@access(PROGRAMME_TEAM, methods=("POST",))
def conflict_consent(request, number, pk):
    conflict = get_object_or_404(Conflict, pk=pk, reviewer__cohort__number=number)
    if services.consent_to_conflict(conflict=conflict, by=request.user):
        messages.success(request, _("Conflit levé par l’équipe pour cette paire."))
    else:
        messages.error(request, _("Seul un conflit lié à l’administration d’accueil se lève."))
    return redirect("selection:assignment", number=number)


def _assignment_context(cohort, pair_form=None, open_reviewer=""):
    pairs = list(
        Assignment.objects.filter(reviewer__cohort=cohort)
        .select_related("application")
        .order_by("application__last_name", "application__first_name", "pk")
    )
    by_reviewer = {}
    for pair in pairs:
        by_reviewer.setdefault(pair.reviewer_id, []).append(pair)
    jury = Reviewer.objects.filter(cohort=cohort).order_by("full_name")
    pair_form = pair_form or _pair_form(cohort)
    if pair_form.is_bound:
        # The group of the reviewer a refused pair names opens, to show the pairs it has.
        open_reviewer = pair_form.data.get("reviewer", "")
    return {
        "cohort": cohort,
        "rows": [(reviewer, by_reviewer.get(reviewer.pk, [])) for reviewer in jury],
        "open_reviewer": str(open_reviewer),
        "suggestions": [pair_label(application) for application in pair_form.applications],
        "proposed_count": sum(pair.status == Assignment.Status.PROPOSED for pair in pairs),
        "released_count": sum(pair.status == Assignment.Status.RELEASED for pair in pairs),
        "application_count": assignable_applications(cohort).count(),
        "detected_conflicts": Conflict.objects.filter(
            reviewer__cohort=cohort, kind=Conflict.Kind.DETECTED
        ).select_related("reviewer", "application"),
        "pair_form": pair_form,
        "breadcrumb_data": _breadcrumb(cohort, _("Affectation")),
    }


def _pair_form(cohort, data=None):
    return PairForm(
        data,
        reviewers=Reviewer.objects.filter(cohort=cohort),
        applications=assignable_applications(cohort).order_by("last_name", "first_name"),
    )


def _breadcrumb(cohort, current):
    return {
        "links": [
            {"url": reverse("backoffice:application_list"), "title": _("Candidatures")},
            {"url": reverse("selection:reviewers", args=[cohort.number]), "title": str(cohort)},
        ],
        "current": current,
    }
