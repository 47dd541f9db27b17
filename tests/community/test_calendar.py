"""The .ics of an event, the public feed and each person's feed of their promotion, parsed back;
what each audience sees."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from eig.community.models import CalendarFeed
from eig.events.models import Event
from tests.community.conftest import upcoming_event
from tests.factories import CandidateFactory, CohortFactory, EventFactory, MentorFactory

Audience = Event.Audience


def parsed(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def summaries(calendar):
    return {str(event["summary"]) for event in calendar.walk("VEVENT")}


@pytest.fixture
def events(cohort):
    return {
        "public": upcoming_event(cohort, audience=Audience.PUBLIC, title="Demo Day ouvert"),
        "promotion": upcoming_event(cohort, title="Clinique de la promotion"),
        "mentors": upcoming_event(cohort, audience=Audience.MENTORS, title="Point des mentors"),
        "other": upcoming_event(CohortFactory(is_published=True), title="Autre promotion"),
    }


def test_an_event_ics_has_its_times_in_paris_place_and_page(client, cohort):
    event = upcoming_event(
        cohort, audience=Audience.PUBLIC, title="Demo Day ouvert", place="Liberté Living Lab"
    )
    (vevent,) = parsed(client.get(reverse("community:event_ics", args=[event.pk]))).walk("VEVENT")
    assert vevent["summary"] == "Demo Day ouvert" and vevent["location"] == "Liberté Living Lab"
    assert vevent["dtstart"].dt == event.starts_at
    assert vevent["dtstart"].params["TZID"] == "Europe/Paris"
    assert vevent["dtend"].dt == event.ends_at
    assert f"/evenements/{event.pk}/" in vevent["url"]


def test_an_event_without_time_lasts_its_whole_days(client, db):
    event = EventFactory(
        audience=Audience.PUBLIC,
        starts_on=datetime.date(2018, 9, 6),
        ends_on=datetime.date(2018, 9, 7),
    )
    (vevent,) = parsed(client.get(reverse("community:event_ics", args=[event.pk]))).walk("VEVENT")
    assert vevent["dtstart"].dt == datetime.date(2018, 9, 6)
    assert vevent["dtend"].dt == datetime.date(2018, 9, 8)  # iCalendar's end is exclusive


def test_the_public_feed_holds_the_public_events_only(client, events):
    calendar = parsed(client.get(reverse("community:public_feed")))
    names = summaries(calendar)
    assert "Demo Day ouvert" in names
    assert not names & {"Clinique de la promotion", "Point des mentors", "Autre promotion"}


def test_each_audience_sees_its_events_and_nobody_else(client, events, fellow, challenge):
    mentor = MentorFactory(challenge=challenge, user=CandidateFactory())
    stranger = CandidateFactory()
    expected = {
        None: {"public"},
        stranger: {"public"},
        fellow.user: {"public", "promotion"},
        mentor.user: {"public", "promotion", "mentors"},
    }
    for person, visible in expected.items():
        client.logout()
        if person is not None:
            client.force_login(person)
        for key, event in events.items():
            status = client.get(reverse("community:event_detail", args=[event.pk])).status_code
            assert status == (200 if key in visible else 404), (person, key)


def test_the_public_listing_shows_public_events_only(client, events):
    page = client.get(reverse("events")).content.decode()
    assert "Demo Day ouvert" in page and "Clinique de la promotion" not in page
    assert reverse("community:event_detail", args=[events["public"].pk]) in page


def test_a_fellow_subscribes_with_a_personal_address_and_can_revoke_it(
    client, events, fellow, cohort
):
    client.force_login(fellow.user)
    client.post(reverse("community:feed_create"), {"promotion": cohort.number})
    feed = CalendarFeed.objects.get(user=fellow.user, cohort=cohort)
    address = reverse("community:cohort_feed", args=[feed.token])
    assert address in client.get(reverse("community:home")).content.decode()

    client.logout()  # a calendar application has no session
    names = summaries(parsed(client.get(address)))
    assert names == {"Demo Day ouvert", "Clinique de la promotion"}

    client.force_login(fellow.user)
    client.post(reverse("community:feed_create"), {"promotion": cohort.number})  # a new one
    assert client.get(address).status_code == 404  # the former address gives nothing
    client.post(reverse("community:feed_revoke"), {"promotion": cohort.number})
    assert not CalendarFeed.objects.filter(user=fellow.user).exists()


def test_a_feed_for_a_promotion_one_is_not_in_is_refused(client, fellow):
    other = CohortFactory(is_published=True)
    client.force_login(fellow.user)
    response = client.post(reverse("community:feed_create"), {"promotion": other.number})
    assert response.status_code == 404
    assert not CalendarFeed.objects.exists()


def test_the_promotion_page_lists_its_public_events_only(client, events, cohort):
    page = client.get(reverse("cohort_detail", args=[cohort.number])).content.decode()
    assert "Demo Day ouvert" in page and "Clinique de la promotion" not in page
