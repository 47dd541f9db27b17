"""The programme team's pages: open slots for a day, see them by day with their bookings."""

import itertools

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.auditions import rhythm, services
from eig.auditions.forms import SlotBatchForm
from eig.auditions.models import InterviewSlot
from eig.cohorts.models import Cohort


@access(PROGRAMME_TEAM)
def slot_list(request):
    slots = InterviewSlot.objects.select_related(
        "cohort", "interview__application"
    ).prefetch_related("panel")
    # Every promotion's slots, or one's (`?promotion=`, the team's switcher); unknown: none.
    number = request.GET.get("promotion", "")
    cohort = None
    if number:
        cohort = (
            Cohort.objects.served().filter(number=number).first()
            if number.isascii() and number.isdigit()
            else None
        )
        if cohort is None:
            raise Http404
        slots = slots.filter(cohort=cohort)
    days = itertools.groupby(slots, key=lambda slot: timezone.localtime(slot.starts_at).date())
    return render(
        request,
        "auditions/slot_list.html",
        {
            "days": [(day, list(day_slots)) for day, day_slots in days],
            "cohort": cohort,
            "breadcrumb_data": {"current": _("Auditions")},
        },
    )


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def slot_create(request):
    """A first POST previews the times; a POST with `confirm` creates the slots."""
    form = SlotBatchForm(request.POST or None)
    starts = None
    if form.is_valid():
        data = form.cleaned_data
        starts = rhythm.slot_starts(
            day=data["day"],
            first_start=data["first_start"],
            count=data["count"],
            length=data["length"],
            pause=data["pause"],
        )
        if "confirm" in request.POST:
            services.create_slots(
                cohort=data["cohort"],
                starts=starts,
                length=data["length"],
                place=data["place"],
                video_url=data["video_url"],
                panel=data["panel"],
                by=request.user,
            )
            messages.success(request, _("%(count)d créneaux créés.") % {"count": len(starts)})
            return redirect("auditions:slot_list")
    return render(
        request,
        "auditions/slot_create.html",
        {
            "form": form,
            "starts": starts,
            "length": form.cleaned_data.get("length") if starts else None,
            "breadcrumb_data": {
                "links": [{"url": reverse("auditions:slot_list"), "title": _("Auditions")}],
                "current": _("Nouveaux créneaux"),
            },
        },
    )


@access(PROGRAMME_TEAM, methods=("POST",))
def slot_delete(request, pk):
    slot = get_object_or_404(InterviewSlot, pk=pk)
    try:
        services.delete_slot(slot=slot, by=request.user)
    except services.AuditionRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Le créneau est supprimé."))
    return redirect("auditions:slot_list")
