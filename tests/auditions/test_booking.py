"""Invited candidates book a slot from their space, first come first served."""

import datetime
import threading
import zoneinfo

import icalendar
import pytest
from django.db import OperationalError, connection

from eig.applications.models import Application
from eig.auditions import services
from eig.auditions.ics import interview_ics
from eig.auditions.models import Interview
from tests.auditions.conftest import in_hours, invite
from tests.factories import ApplicationFactory, CohortFactory, InterviewSlotFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def booking_url(application):
    return f"/mon-espace/audition/{application.public_id}/"


def test_an_invited_candidate_books_a_slot_and_gets_an_ics_by_email(
    client, alice, invited, slot, mailoutbox
):
    client.force_login(alice)

    response = client.post(booking_url(invited), {"slot": slot.pk}, follow=True)

    interview = Interview.objects.get()
    assert (interview.application, interview.slot) == (invited, slot)
    page = response.content.decode()
    assert "Votre audition est réservée." in page
    assert "Ajouter à mon agenda" in page
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [alice.email]
    assert "Votre audition pour la" in email.body
    ((filename, content, mimetype),) = email.attachments
    assert (filename, mimetype) == ("audition.ics", "text/calendar")
    assert icalendar.Calendar.from_ical(content).walk("VEVENT")


def test_the_ics_holds_the_audition_in_paris_time(client, alice, invited, cohort):
    starts = datetime.datetime(2030, 11, 14, 9, 50, tzinfo=PARIS)
    slot = InterviewSlotFactory(
        cohort=cohort, starts_at=starts, place="", video_url="https://visio.example/eig"
    )
    interview = services.book_slot(application=invited, slot=slot, by=alice)
    client.force_login(alice)

    response = client.get(booking_url(invited) + "audition.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["UID"]) == f"audition-{interview.public_id}@eig"
    assert event.decoded("DTSTART") == starts
    assert event.decoded("DTSTART").tzinfo.key == "Europe/Paris"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTEND") == starts + datetime.timedelta(minutes=40)
    assert "Audition" in str(event["SUMMARY"])
    assert str(event["URL"]) == "https://visio.example/eig"
    assert "https://visio.example/eig" in str(event["DESCRIPTION"])
    assert "LOCATION" not in event


def test_the_ics_gives_the_place_of_an_audition_on_site(alice, invited, slot):
    interview = services.book_slot(application=invited, slot=slot, by=alice)

    (event,) = icalendar.Calendar.from_ical(interview_ics(interview)).walk("VEVENT")
    assert str(event["LOCATION"]) == "20 avenue de Ségur, Paris"


def test_a_slot_booked_by_someone_else_is_refused_with_the_page_again(
    client, alice, erin, invited, slot, cohort, mailoutbox
):
    services.book_slot(application=invite(erin, cohort), slot=slot, by=erin)
    client.force_login(alice)

    response = client.post(booking_url(invited), {"slot": slot.pk})

    assert response.status_code == 200
    assert "Ce créneau vient d’être réservé" in response.content.decode()
    assert Interview.objects.get().application.candidate == erin
    assert len(mailoutbox) == 1  # Erin's


def test_booking_the_same_slot_twice_changes_nothing(alice, invited, slot, mailoutbox):
    first = services.book_slot(application=invited, slot=slot, by=alice)
    second = services.book_slot(application=invited, slot=slot, by=alice)

    assert first == second
    assert len(mailoutbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_candidates_booking_the_same_slot_at_once_get_one_booking():
    cohort = CohortFactory()
    slot = InterviewSlotFactory(cohort=cohort)
    applications = [
        ApplicationFactory(cohort=cohort, submitted=True, status=Application.Status.INVITED)
        for _ in range(2)
    ]
    start = threading.Barrier(2)
    outcomes = []

    def book(application):
        start.wait()
        try:
            outcomes.append(
                services.book_slot(application=application, slot=slot, by=application.candidate)
            )
        # PostgreSQL makes the second wait for the slot's lock, then find it taken; SQLite's
        # in-memory test database refuses the second writer outright ("table is locked").
        except (services.AuditionRefused, OperationalError) as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=[application]) for application in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(outcomes) == 2
    assert sum(isinstance(outcome, Interview) for outcome in outcomes) == 1
    if connection.vendor == "postgresql":
        (refusal,) = [o for o in outcomes if isinstance(o, services.AuditionRefused)]
        assert "vient d’être réservé" in refusal.message
    assert Interview.objects.filter(slot=slot).count() == 1


@pytest.mark.parametrize("status", ["submitted", "shortlisted", "withdrawn"])
def test_an_application_not_invited_has_no_booking_page(client, alice, cohort, slot, status):
    application = ApplicationFactory(candidate=alice, cohort=cohort, submitted=True, status=status)
    client.force_login(alice)

    assert client.get(booking_url(application)).status_code == 404
    assert client.post(booking_url(application), {"slot": slot.pk}).status_code == 404
    with pytest.raises(services.AuditionRefused):
        services.book_slot(application=application, slot=slot, by=alice)
    assert not Interview.objects.exists()


def test_another_candidates_application_is_a_404(client, erin, invited, slot):
    client.force_login(erin)

    assert client.get(booking_url(invited)).status_code == 404
    assert client.post(booking_url(invited), {"slot": slot.pk}).status_code == 404
    assert client.get(booking_url(invited) + "audition.ics").status_code == 404
    assert not Interview.objects.exists()


@pytest.mark.parametrize("hours", [-2, 1, 23])
def test_slots_past_or_within_24_hours_are_neither_offered_nor_bookable(
    client, alice, invited, cohort, hours
):
    slot = InterviewSlotFactory(cohort=cohort, starts_at=in_hours(hours))
    client.force_login(alice)

    page = client.get(booking_url(invited)).content.decode()
    response = client.post(booking_url(invited), {"slot": slot.pk})

    assert f'value="{slot.pk}"' not in page
    assert "moins de 24 heures" in response.content.decode()
    assert not Interview.objects.exists()


def test_a_slot_of_another_cohort_is_refused(alice, invited):
    with pytest.raises(services.AuditionRefused):
        services.book_slot(application=invited, slot=InterviewSlotFactory(), by=alice)


def test_a_booking_moves_to_another_slot_until_48_hours_before(alice, invited, slot, cohort):
    services.book_slot(application=invited, slot=slot, by=alice)
    later = InterviewSlotFactory(cohort=cohort, starts_at=in_hours(24 * 8))

    interview = services.book_slot(application=invited, slot=later, by=alice)

    assert Interview.objects.get() == interview
    assert interview.slot == later


def test_a_booking_within_48_hours_cannot_move(client, alice, invited, cohort):
    soon = InterviewSlotFactory(cohort=cohort, starts_at=in_hours(30))
    services.book_slot(application=invited, slot=soon, by=alice)
    later = InterviewSlotFactory(cohort=cohort, starts_at=in_hours(24 * 8))

    with pytest.raises(services.AuditionRefused, match="48 heures"):
        services.book_slot(application=invited, slot=later, by=alice)
    client.force_login(alice)
    assert f'value="{later.pk}"' not in client.get(booking_url(invited)).content.decode()
    assert Interview.objects.get().slot == soon


def test_the_space_invites_to_book_then_shows_the_booking(client, alice, invited, slot):
    client.force_login(alice)

    before = client.get("/mon-espace/").content.decode()
    services.book_slot(application=invited, slot=slot, by=alice)
    after = client.get("/mon-espace/").content.decode()

    assert "Votre audition" in before
    assert "Réserver un créneau" in before
    assert booking_url(invited) in before
    assert "Voir ma réservation" in after


def test_the_space_of_a_candidate_not_invited_has_no_audition_section(client, alice, cohort):
    ApplicationFactory(candidate=alice, cohort=cohort, submitted=True)
    client.force_login(alice)

    assert "Votre audition" not in client.get("/mon-espace/").content.decode()


def test_a_bad_slot_number_asks_to_choose_one(client, alice, invited):
    client.force_login(alice)

    response = client.post(booking_url(invited), {"slot": "abc"})

    assert "Choisissez un créneau." in response.content.decode()
