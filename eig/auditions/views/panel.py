"""The panel's pages: their slots, and the audition grid each member (or the team) fills."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from eig.applications.views.common import sign_in_required
from eig.auditions import services
from eig.auditions.access import get_interview_for, panel_slots
from eig.auditions.forms import GridForm


@sign_in_required
@never_cache
@require_http_methods(["GET", "POST"])
def grid(request, public_id):
    interview = get_interview_for(request.user, public_id)
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


@sign_in_required
@never_cache
@require_GET
def my_slots(request):
    """A panel member's slots, with a link to the grid of each booked one."""
    slots = panel_slots(request.user).select_related("cohort", "interview__application")
    if not slots.exists():
        raise Http404  # not on any panel: the page stays unseen
    return render(
        request,
        "auditions/my_slots.html",
        {"slots": slots, "breadcrumb_data": {"current": _("Mes auditions")}},
    )
