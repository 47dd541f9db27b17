"""A candidate's audition: the booking is in their export, the panel's grid is not.

The panel's scores and comments belong to the deliberations, which the privacy page excepts
from the right of access; the anonymisation blanks the comments and keeps the scores.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.applications.personal_data import Holder, Message, register
from eig.auditions.models import Interview, InterviewScore


@register
class Auditions(Holder):
    key = "audition"

    def export(self, application):
        interview = Interview.objects.select_related("slot").filter(application=application).first()
        if interview is None:
            return None
        slot = interview.slot
        return {
            "starts_at": slot.starts_at.isoformat(),
            "duration_minutes": slot.duration,
            "place": slot.place,
            "video_url": slot.video_url,
            "booked_at": interview.booked_at.isoformat(),
        }

    def messages(self, application):
        """The confirmation of the booking, as e-mailed (eig.auditions.tasks): its current slot."""
        interview = Interview.objects.select_related("slot").filter(application=application).first()
        if interview is None:
            return []
        body = render_to_string(
            "auditions/email/booking_confirmation.txt",
            {
                "interview": interview,
                "slot": interview.slot,
                "space_url": settings.SITE_URL + reverse("candidate_space"),
            },
        )
        return [
            Message(
                at=interview.booked_at,
                kind=_("Audition"),
                subject=_("Votre audition est réservée"),
                body=body.strip(),
            )
        ]

    def erase(self, application_ids):
        interviews = Interview.objects.filter(application_id__in=application_ids).values_list(
            "pk", flat=True
        )
        InterviewScore.objects.filter(interview_id__in=list(interviews)).update(comment="")
