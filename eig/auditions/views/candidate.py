"""The candidate's audition, from their space: book a slot, see the booking, get the .ics."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.accounts.access import SIGNED_IN, access
from eig.applications.models import Application
from eig.applications.views.common import breadcrumb
from eig.auditions import services
from eig.auditions.access import get_audition_application
from eig.auditions.ics import interview_ics
from eig.auditions.models import Interview, InterviewSlot


@access(SIGNED_IN, methods=("GET", "HEAD", "POST"))
def booking(request, public_id):
    """GET shows the booking or the free slots; POST books the chosen slot."""
    application = get_audition_application(request, public_id)
    if request.method == "POST":
        slot_id = request.POST.get("slot", "")
        # ASCII digits only: "²" or "٣" pass isdigit() but are no identifier (an error 500).
        known = slot_id.isascii() and slot_id.isdigit()
        slot = InterviewSlot.objects.filter(pk=slot_id).first() if known else None
        if slot is None:
            messages.error(request, _("Choisissez un créneau."))
        else:
            try:
                services.book_slot(application=application, slot=slot, by=request.user)
            except services.AuditionRefused as refused:
                messages.error(request, refused.message)
            else:
                messages.success(request, _("Votre audition est réservée."))
                return redirect("audition_booking", public_id=application.public_id)
    now = timezone.now()
    interview = Interview.objects.filter(application=application).select_related("slot").first()
    can_book = application.status == Application.Status.INVITED and (
        interview is None or interview.can_be_moved(now)
    )
    return render(
        request,
        "auditions/booking.html",
        {
            "application": application,
            "interview": interview,
            "slots": InterviewSlot.objects.bookable(cohort=application.cohort, now=now)
            if can_book
            else [],
            "can_book": can_book,
            "breadcrumb_data": breadcrumb(_("Votre audition")),
        },
    )


@access(SIGNED_IN, get_object=get_audition_application)
def calendar_file(request, application):
    interview = Interview.objects.select_related("slot", "application__cohort").filter(
        application=application
    )
    interview = interview.first()
    if interview is None:
        raise Http404
    response = HttpResponse(interview_ics(interview), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audition-eig.ics"'
    return response
