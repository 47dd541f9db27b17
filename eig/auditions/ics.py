"""The .ics of a booked audition, for the candidate's calendar."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from eig.auditions.rhythm import PARIS


def interview_ics(interview):
    """A VCALENDAR with one VEVENT, times in Europe/Paris (TZID, with its VTIMEZONE)."""
    slot = interview.slot
    event = Event()
    event.add("uid", f"audition-{interview.public_id}@eig")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", slot.starts_at.astimezone(PARIS))
    event.add("dtend", slot.ends_at.astimezone(PARIS))
    event.add("summary", _("Audition — Entrepreneurs d’intérêt général"))
    if slot.place:
        event.add("location", slot.place)
    if slot.video_url:
        event.add("url", slot.video_url)
    event.add("description", _description(interview))
    calendar = Calendar()
    calendar.add("prodid", "-//Plateforme EIG//Auditions//FR")
    calendar.add("version", "2.0")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _description(interview):
    slot = interview.slot
    lines = [
        _("Votre audition pour la %(cohort)s, d’une durée de %(minutes)d minutes.")
        % {"cohort": interview.application.cohort, "minutes": slot.duration}
    ]
    if slot.video_url:
        lines.append(_("Lien de visioconférence : %(url)s") % {"url": slot.video_url})
    lines.append(
        _("Votre espace : %(url)s") % {"url": settings.SITE_URL + reverse("candidate_space")}
    )
    return "\n".join(lines)
