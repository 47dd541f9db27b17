"""Team pages of the back office: the current proposal of a cohort, the pairs the team pins or
forbids, recompute, lock, publish."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.teams.forms import ConstraintForm, RecomputeForm
from eig.teams.models import TeamConstraint, TeamProposal
from eig.teams.services import (
    PairRefused,
    TeamsRefused,
    add_constraint,
    current_proposal,
    lock,
    propose_teams,
    publish,
    remove_constraint,
    why_not,
)


def page(request, cohort, *, constraint_form=None, recompute_form=None, status=200):
    """The proposal of the cohort, its teams and why each person is not on a better choice."""
    proposal = current_proposal(cohort)
    groups, unplaced = [], []
    if proposal:
        members = list(
            proposal.members.select_related("application", "challenge").order_by(
                "challenge__name", "-score", "pk"
            )
        )
        names = {member.application_id: str(member.application) for member in members}
        challenges = dict(Challenge.objects.filter(cohort=cohort).values_list("pk", "name"))
        by_challenge = {}
        for member in members:
            member.reasons = [
                why_not(
                    refusal,
                    person=names[member.application_id],
                    names=names,
                    challenges=challenges,
                )
                for refusal in member.refusals
            ]
            if member.challenge_id is None:
                unplaced.append(member)
            else:
                by_challenge.setdefault(member.challenge, []).append(member)
        groups = list(by_challenge.items())
    draft = proposal is None or proposal.status == TeamProposal.Status.DRAFT
    if draft and proposal and constraint_form is None:
        constraint_form = ConstraintForm(proposal=proposal)
    if draft and recompute_form is None:
        recompute_form = RecomputeForm(
            initial={
                "method": proposal.method if proposal else TeamProposal.Method.OPTIMAL,
                "include_pending": bool(proposal and proposal.include_pending),
            }
        )
    computed = {member.application_id for member in proposal.members.all()} if proposal else set()
    constraints = list(
        TeamConstraint.objects.filter(cohort=cohort).select_related(
            "application", "challenge", "created_by"
        )
    )
    for constraint in constraints:
        constraint.applies = constraint.application_id in computed
    return render(
        request,
        "teams/teams.html",
        {
            "cohort": cohort,
            "proposal": proposal,
            "groups": groups,
            "unplaced": unplaced,
            "Status": TeamProposal.Status,
            "draft": draft,
            "constraints": constraints,
            "constraint_form": constraint_form if draft else None,
            "recompute_form": recompute_form,
        },
        status=status,
    )


@access(PROGRAMME_TEAM)
def teams(request, number):
    return page(request, get_object_or_404(Cohort.objects.served(), number=number))


@access(PROGRAMME_TEAM, methods=("POST",))
def recompute(request, number):
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    form = RecomputeForm(request.POST)
    if not form.is_valid():
        return page(request, cohort, recompute_form=form)
    try:
        propose_teams(
            cohort=cohort,
            by=request.user,
            include_pending=form.cleaned_data["include_pending"],
            method=form.cleaned_data["method"],
            request=request,
        )
    except TeamsRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Une nouvelle proposition d’équipes a été calculée."))
    return redirect("teams:teams", number=number)


@access(PROGRAMME_TEAM, methods=("POST",))
def constraint_add(request, number):
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    proposal = current_proposal(cohort)
    if proposal is None:
        messages.error(request, _("Calculez d’abord une proposition d’équipes."))
        return redirect("teams:teams", number=number)
    form = ConstraintForm(request.POST, proposal=proposal)
    if form.is_valid():
        try:
            warning = add_constraint(
                cohort=cohort, by=request.user, request=request, **form.cleaned_data
            )
        except PairRefused as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(
                request, _("Choix enregistré : recalculez la proposition pour l’appliquer.")
            )
            if warning:
                messages.warning(request, warning)
            return redirect("teams:teams", number=number)
    return page(request, cohort, constraint_form=form)


@access(PROGRAMME_TEAM, methods=("POST",))
def constraint_remove(request, number, pk):
    constraint = get_object_or_404(
        TeamConstraint.objects.select_related("cohort", "application", "challenge"),
        pk=pk,
        cohort__number=number,
    )
    try:
        remove_constraint(constraint=constraint, by=request.user, request=request)
    except TeamsRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Choix retiré : recalculez la proposition pour en tenir compte.")
        )
    return redirect("teams:teams", number=number)


def transition(request, number, service, done):
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    proposal = current_proposal(cohort)
    if proposal is None:
        messages.error(request, "Aucune proposition d'équipes à traiter.")
    else:
        try:
            service(proposal, by=request.user, request=request)
        except TeamsRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done)
    return redirect("teams:teams", number=number)


@access(PROGRAMME_TEAM, methods=("POST",))
def lock_view(request, number):
    return transition(request, number, lock, "La proposition d'équipes est verrouillée.")


@access(PROGRAMME_TEAM, methods=("POST",), sensitive=True)
def publish_view(request, number):
    return transition(request, number, publish, "La proposition d'équipes est publiée.")
