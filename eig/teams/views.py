"""Team pages of the back office: the current proposal of a cohort, recompute, lock, publish."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.cohorts.models import Cohort
from eig.matching import Infeasible
from eig.teams.models import TeamProposal
from eig.teams.services import TeamsRefused, current_proposal, lock, propose_teams, publish


@access(PROGRAMME_TEAM)
def teams(request, number):
    cohort = get_object_or_404(Cohort, number=number)
    proposal = current_proposal(cohort)
    groups, unplaced = [], []
    if proposal:
        members = list(
            proposal.members.select_related("application", "challenge").order_by(
                "challenge__name", "-score", "pk"
            )
        )
        by_challenge = {}
        for member in members:
            if member.challenge_id is None:
                unplaced.append(member)
            else:
                by_challenge.setdefault(member.challenge, []).append(member)
        groups = list(by_challenge.items())
    return render(
        request,
        "teams/teams.html",
        {
            "cohort": cohort,
            "proposal": proposal,
            "groups": groups,
            "unplaced": unplaced,
            "Status": TeamProposal.Status,
        },
    )


@access(PROGRAMME_TEAM, methods=("POST",))
def recompute(request, number):
    cohort = get_object_or_404(Cohort, number=number)
    try:
        propose_teams(
            cohort=cohort,
            by=request.user,
            include_pending=bool(request.POST.get("include_pending")),
            request=request,
        )
    except (Infeasible, TeamsRefused) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Une nouvelle proposition d'équipes a été calculée.")
    return redirect("teams:teams", number=number)


def transition(request, number, service, done):
    cohort = get_object_or_404(Cohort, number=number)
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
