"""The administration's side: book the hearing of its défi among the group's slots, its .ics."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.challenge_jury import services
from eig.challenge_jury.access import get_own_hearing
from eig.challenge_jury.forms import SlotForm
from eig.challenge_jury.ics import hearing_ics
from eig.proposals.access import PROPOSAL_AUTHOR


@access(PROPOSAL_AUTHOR, methods=("GET", "HEAD", "POST"), get_object=get_own_hearing)
def booking(request, hearing):
    form = SlotForm(request.POST or None, slots=services.free_slots(hearing))
    if request.method == "POST" and form.is_valid():
        try:
            services.book_slot(hearing=hearing, starts_at=form.starts_at(), by=request.user)
        except services.JuryRefused as refused:
            form.add_error("slot", refused.message)
        else:
            messages.success(
                request,
                _(
                    "Votre audition est réservée : vous la recevez aussi par e-mail, avec le "
                    "fichier pour votre agenda."
                ),
            )
            return redirect("challenge_jury:booking", public_id=hearing.proposal.public_id)
    return render(
        request,
        "challenge_jury/booking.html",
        {
            "hearing": hearing,
            "group": hearing.group,
            "form": form,
            "calendar": services.calendar_of(hearing.group.call),
            "breadcrumb_data": {"current": _("Audition du défi")},
        },
    )


@access(PROPOSAL_AUTHOR, PROGRAMME_TEAM, get_object=get_own_hearing)
def booking_ics(request, hearing):
    if hearing.starts_at is None:
        messages.error(request, _("Cette audition n’a pas encore de créneau."))
        return redirect("challenge_jury:booking", public_id=hearing.proposal.public_id)
    response = HttpResponse(hearing_ics(hearing), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audition-defi.ics"'
    return response
