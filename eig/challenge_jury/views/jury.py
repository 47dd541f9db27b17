"""A jury member's space: their hearings, their grids; the lead's consolidated grid."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from eig.accounts.access import access
from eig.audit import services as audit
from eig.audit.models import Action
from eig.challenge_jury import selectors, services
from eig.challenge_jury.access import DEFI_JURY, get_jury_proposal, memberships
from eig.challenge_jury.forms import ConsolidatedGridForm, GridForm
from eig.challenge_jury.models import ConsolidatedGrid, MemberGrid

POST = ("GET", "HEAD", "POST")


@access(DEFI_JURY)
def home(request):
    seats = []
    for member in memberships(request.user).order_by("-call__cohort__number"):
        group = member.group
        hearings = []
        if group is not None:
            grids = {g.proposal_id: g for g in member.grids.all()}
            consolidated = {
                c.proposal_id: c
                for c in ConsolidatedGrid.objects.filter(proposal__hearing__group=group)
            }
            for hearing in group.hearings.select_related("proposal__host").order_by(
                "starts_at", "pk"
            ):
                hearing.grid = grids.get(hearing.proposal_id)
                hearing.consolidated = consolidated.get(hearing.proposal_id)
                hearings.append(hearing)
        seats.append(
            {
                "member": member,
                "group": group,
                "hearings": hearings,
                "leads": group is not None and group.lead_id == member.pk,
                "colleagues": group.members.exclude(pk=member.pk) if group else [],
            }
        )
    return render(
        request,
        "challenge_jury/home.html",
        {"seats": seats, "breadcrumb_data": {"current": _("Jury des défis")}},
    )


def _record_view(request, proposal):
    audit.record(
        action=Action.PROPOSAL_VIEWED, actor=request.user, target=proposal, request=request
    )


def _save_grid(request, form, save, *, sent, drafted):
    """Saves a grid, a draft or sent (the button "submit"); True once saved and said, False with
    the refusal next to its field."""
    submit = request.POST.get("submit") == "1"
    try:
        save(submit)
    except services.JuryRefused as refused:
        form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        return False
    messages.success(request, sent if submit else drafted)
    return True


@access(DEFI_JURY, methods=POST, get_object=get_jury_proposal)
def proposal(request, found):
    """The défi and the member's grid, a draft until sent."""
    proposal, member = found
    grid = MemberGrid.objects.filter(member=member, proposal=proposal).first()
    form = GridForm(request.POST or None, criteria=proposal.call.criteria.all(), grid=grid)
    if request.method == "POST" and form.is_valid():
        saved = _save_grid(
            request,
            form,
            lambda submit: services.save_member_grid(
                member=member,
                proposal=proposal,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                submit=submit,
                by=request.user,
            ),
            sent=_("Votre grille est envoyée."),
            drafted=_("Votre brouillon est enregistré."),
        )
        if saved:
            return redirect("challenge_jury:proposal", public_id=proposal.public_id)
    if request.method != "POST":
        _record_view(request, proposal)
    return render(
        request,
        "challenge_jury/proposal.html",
        {
            "proposal": proposal,
            "member": member,
            "group": proposal.hearing.group,
            "hearing": proposal.hearing,
            "grid": grid,
            "form": form,
            "leads": proposal.hearing.group.lead_id == member.pk,
            "breadcrumb_data": {
                "links": [{"url": "/jury-defis/", "title": _("Jury des défis")}],
                "current": str(proposal),
            },
        },
    )


@access(DEFI_JURY, methods=POST, get_object=get_jury_proposal)
def consolidated(request, found):
    """The group's lead fills the common grid, the members' grids beside it."""
    proposal, member = found
    if proposal.hearing.group.lead_id != member.pk:
        raise Http404
    grid = ConsolidatedGrid.objects.filter(proposal=proposal).first()
    form = ConsolidatedGridForm(
        request.POST or None, criteria=proposal.call.criteria.all(), grid=grid
    )
    if request.method == "POST" and form.is_valid():
        saved = _save_grid(
            request,
            form,
            lambda submit: services.save_consolidated_grid(
                lead=member,
                proposal=proposal,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                recommendation=form.cleaned_data["recommendation"],
                submit=submit,
                by=request.user,
            ),
            sent=_("La grille commune est envoyée à l’équipe."),
            drafted=_("Le brouillon de la grille commune est enregistré."),
        )
        if saved:
            return redirect("challenge_jury:consolidated", public_id=proposal.public_id)
    if request.method != "POST":
        _record_view(request, proposal)
    return render(
        request,
        "challenge_jury/consolidated.html",
        {
            "proposal": proposal,
            "grid": grid,
            "form": form,
            **selectors.grids_of(proposal),
            "breadcrumb_data": {
                "links": [
                    {"url": "/jury-defis/", "title": _("Jury des défis")},
                    {
                        "url": f"/jury-defis/{proposal.public_id}/",
                        "title": str(proposal),
                    },
                ],
                "current": _("Grille commune"),
            },
        },
    )
