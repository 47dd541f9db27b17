"""The panel's pages: their slots, the audition grid each member fills, and the panel's grids
as the programme team reads them."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.auditions import services
from eig.auditions.access import PANEL, get_interview_for, interviews_visible_to, panel_slots
from eig.auditions.forms import GridForm
from eig.auditions.models import Interview, InterviewScore
from eig.auditions.selectors import panel_grids
from eig.selection import scoring
from eig.selection.evaluations import audition_rows


@access(PANEL, PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def grid(request, public_id):
    """A member of the audition's panel fills their grid; the team reads the panel's."""
    interview = get_interview_for(request, public_id)
    if not interview.slot.panel.filter(pk=request.user.pk).exists():
        return panel_grids_page(request, interview)
    mine = {
        score.criterion: (score.score, score.comment)
        for score in interview.scores.filter(member=request.user)
    }
    form = GridForm(request.POST or None, initial_scores=mine)
    if form.is_valid():
        try:
            services.save_grid(interview=interview, member=request.user, scores=form.scores())
        except services.AuditionRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("Votre grille d’audition est enregistrée."))
            return redirect("auditions:grid", public_id=interview.public_id)
    elif form.is_bound:
        messages.error(
            request, _("La grille n’est pas enregistrée : corrigez les notes signalées.")
        )
    return render(
        request,
        "auditions/grid.html",
        {
            "interview": interview,
            "form": form,
            "breadcrumb_data": {"current": _("Grille d’audition")},
        },
    )


def panel_grids_page(request, interview):
    """Only the programme team, not on this panel, gets here (see interviews_visible_to)."""
    if request.method == "POST":
        messages.error(
            request, _("Seuls les membres du jury de cette audition remplissent la grille.")
        )
        return redirect("auditions:grid", public_id=interview.public_id)
    grids = panel_grids(Interview.objects.filter(pk=interview.pk))
    return render(
        request,
        "auditions/panel_grids.html",
        {
            "interview": interview,
            "grids": grids,
            "rows": audition_rows(grids),
            "mean": scoring.audition_mean(grid.scores for grid in grids),
            "breadcrumb_data": {
                "links": [{"url": reverse("auditions:slot_list"), "title": _("Auditions")}],
                "current": _("Grilles du jury d’audition"),
            },
        },
    )


@access(PANEL)
def my_slots(request):
    """A panel member's slots, with a link to the grid of each booked one."""
    slots = list(panel_slots(request.user).select_related("cohort", "interview__application"))
    visible = set(interviews_visible_to(request.user).values_list("pk", flat=True))
    graded = set(
        InterviewScore.objects.filter(member=request.user).values_list("interview_id", flat=True)
    )
    for slot in slots:
        # A member in conflict with the candidate does not sit for that audition, nor sees who.
        slot.in_conflict = hasattr(slot, "interview") and slot.interview.pk not in visible
        slot.graded = hasattr(slot, "interview") and slot.interview.pk in graded
    return render(
        request,
        "auditions/my_slots.html",
        {"slots": slots, "breadcrumb_data": {"current": _("Mes auditions")}},
    )
