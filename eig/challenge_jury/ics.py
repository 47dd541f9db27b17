"""The .ics of a défi's hearing, for the calendars of the proposal's authors."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from eig.challenge_jury.models import JuryCalendar
from eig.challenge_jury.rhythm import PARIS


def hearing_ics(hearing):
    """A VCALENDAR with one VEVENT in Europe/Paris: the hearing, its room or link."""
    group = hearing.group
    calendar = JuryCalendar.objects.get_or_create(call=group.call)[0]
    event = Event()
    event.add("uid", f"audition-defi-{hearing.proposal.public_id}@eig")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", hearing.starts_at.astimezone(PARIS))
    ends_at = hearing.starts_at + datetime.timedelta(minutes=calendar.hearing_minutes)
    event.add("dtend", ends_at.astimezone(PARIS))
    event.add("summary", _("Audition du défi « %(title)s »") % {"title": hearing.proposal})
    if group.place:
        event.add("location", group.place)
    if group.video_url:
        event.add("url", group.video_url)
    event.add("description", _description(hearing, calendar))
    ics = Calendar()
    ics.add("prodid", "-//Plateforme EIG//Jury des défis//FR")
    ics.add("version", "2.0")
    ics.add_component(event)
    ics.add_missing_timezones()
    return ics.to_ical()


def _description(hearing, calendar):
    group = hearing.group
    lines = [
        _(
            "Audition devant le jury des défis de la %(cohort)s : %(pitch)d minutes de "
            "présentation puis %(questions)d minutes de questions."
        )
        % {
            "cohort": group.call.cohort,
            "pitch": calendar.pitch_minutes,
            "questions": calendar.questions_minutes,
        }
    ]
    if group.place:
        lines.append(_("Lieu : %(place)s") % {"place": group.place})
    if group.video_url:
        lines.append(_("Lien de visioconférence : %(url)s") % {"url": group.video_url})
    booking = reverse("challenge_jury:booking", args=[hearing.proposal.public_id])
    lines.append(_("Votre audition : %(url)s") % {"url": settings.SITE_URL + booking})
    return "\n".join(lines)
