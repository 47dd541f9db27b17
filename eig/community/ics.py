"""Events as iCalendar: one event's .ics, and the feeds a calendar application subscribes to."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

PARIS = timezone.get_default_timezone()


def calendar_of(events, *, name=None):
    """A VCALENDAR with one VEVENT per event, times in Europe/Paris (with its VTIMEZONE); an
    event without a time lasts whole days."""
    calendar = Calendar()
    calendar.add("prodid", "-//Plateforme EIG//Événements//FR")
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    now = timezone.now()
    for event in events:
        calendar.add_component(_vevent(event, now))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _vevent(event, now):
    vevent = VEvent()
    vevent.add("uid", f"evenement-{event.pk}@eig")
    vevent.add("dtstamp", now)
    if event.starts_at:
        vevent.add("dtstart", event.starts_at.astimezone(PARIS))
        vevent.add("dtend", (event.ends_at or event.starts_at).astimezone(PARIS))
    else:
        vevent.add("dtstart", event.starts_on)
        vevent.add("dtend", (event.ends_on or event.starts_on) + datetime.timedelta(days=1))
    vevent.add("summary", event.title)
    if event.place:
        vevent.add("location", event.place)
    page = settings.SITE_URL + reverse("community:event_detail", args=[event.pk])
    vevent.add("url", event.url or page)
    description = [event.description] if event.description else []
    description.append(_("Sur la plateforme : %(url)s") % {"url": page})
    vevent.add("description", "\n\n".join(description))
    return vevent
