"""The programme team opens a day of slots in the programme's rhythm, and deletes free ones."""

import datetime
import zoneinfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

from eig.auditions import rhythm
from eig.auditions.models import InterviewSlot
from tests.factories import InterviewFactory, InterviewSlotFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
NOV_14 = datetime.date(2017, 11, 14)


def form_data(cohort, **fields):
    return {
        "cohort": cohort.pk,
        "day": "2030-11-14",
        "first_start": "09:00",
        "count": 4,
        "length": 40,
        "pause": 10,
        "place": "20 avenue de Ségur, Paris",
        "video_url": "",
        **fields,
    }


def test_the_rhythm_is_40_minutes_then_a_10_minute_break():
    starts = rhythm.slot_starts(day=NOV_14, first_start=datetime.time(9, 0), count=5)

    assert [start.strftime("%H:%M") for start in starts] == [
        "09:00",
        "09:50",
        "10:40",
        "11:30",
        "12:20",
    ]
    assert all(start.tzinfo == PARIS and start.date() == NOV_14 for start in starts)


def test_the_rhythm_follows_another_length_and_break():
    starts = rhythm.slot_starts(
        day=NOV_14, first_start=datetime.time(14, 15), count=3, length=30, pause=0
    )

    assert [start.strftime("%H:%M") for start in starts] == ["14:15", "14:45", "15:15"]


def test_the_form_defaults_to_the_programmes_rhythm(client, carol):
    client.force_login(carol)

    page = client.get("/equipe/auditions/creneaux/nouveaux/").content.decode()

    assert 'name="length" value="40"' in page
    assert 'name="pause" value="10"' in page


def test_the_team_previews_then_creates_the_slots(client, carol, cohort, dan):
    client.force_login(carol)
    data = form_data(cohort, panel=[dan.pk])

    preview = client.post("/equipe/auditions/creneaux/nouveaux/", data)

    assert "Aperçu : 4 créneaux" in preview.content.decode()
    assert "11h30" in preview.content.decode()
    assert not InterviewSlot.objects.exists()

    response = client.post("/equipe/auditions/creneaux/nouveaux/", data | {"confirm": "1"})

    assert response["Location"] == "/equipe/auditions/"
    slots = list(InterviewSlot.objects.order_by("starts_at"))
    assert [slot.starts_at for slot in slots] == [
        datetime.datetime(2030, 11, 14, hour, minute, tzinfo=PARIS)
        for hour, minute in [(9, 0), (9, 50), (10, 40), (11, 30)]
    ]
    assert all(slot.duration == 40 and slot.cohort == cohort for slot in slots)
    assert all(list(slot.panel.all()) == [dan] for slot in slots)
    listing = client.get("/equipe/auditions/").content.decode()
    assert "09h50 – 10h30" in listing
    assert "dan@jury.example" in listing


def test_a_place_or_a_video_link_is_required(client, carol, cohort):
    client.force_login(carol)

    response = client.post(
        "/equipe/auditions/creneaux/nouveaux/", form_data(cohort, place="") | {"confirm": "1"}
    )

    assert "Indiquez un lieu ou un lien de visioconférence." in response.content.decode()
    assert not InterviewSlot.objects.exists()


def test_the_list_shows_bookings_by_day(client, carol, cohort):
    interview = InterviewFactory(
        slot__cohort=cohort,
        slot__starts_at=datetime.datetime(2030, 11, 14, 9, 0, tzinfo=PARIS),
        application__first_name="Alice",
        application__last_name="Martin",
    )
    InterviewSlotFactory(
        cohort=cohort, starts_at=datetime.datetime(2030, 11, 15, 9, 0, tzinfo=PARIS)
    )
    client.force_login(carol)

    page = client.get("/equipe/auditions/").content.decode()

    assert "jeudi 14 novembre 2030" in page
    assert "vendredi 15 novembre 2030" in page
    assert "Alice Martin" in page
    assert f"/equipe/auditions/{interview.public_id}/grille/" in page


def test_a_free_slot_is_deleted(client, carol, slot):
    client.force_login(carol)

    response = client.post(f"/equipe/auditions/creneaux/{slot.pk}/supprimer/", follow=True)

    assert "Le créneau est supprimé." in response.content.decode()
    assert not InterviewSlot.objects.exists()


def test_a_booked_slot_is_not_deleted(client, carol):
    interview = InterviewFactory()
    client.force_login(carol)

    response = client.post(
        f"/equipe/auditions/creneaux/{interview.slot.pk}/supprimer/", follow=True
    )

    assert "Ce créneau est réservé" in response.content.decode()
    assert InterviewSlot.objects.filter(pk=interview.slot.pk).exists()


def test_the_list_takes_as_many_queries_whatever_the_number_of_slots(client, carol, cohort):
    for _ in range(3):
        InterviewFactory(slot__cohort=cohort, slot__panel=[carol])
    client.force_login(carol)
    client.get("/equipe/auditions/")  # warm the session and the site's caches

    with CaptureQueriesContext(connection) as three:
        client.get("/equipe/auditions/")
    InterviewFactory(slot__cohort=cohort, slot__panel=[carol])
    InterviewSlotFactory(cohort=cohort, panel=[carol])
    with CaptureQueriesContext(connection) as five:
        client.get("/equipe/auditions/")

    assert len(five) == len(three)
