"""Registrations: capacity, waiting list moving up, refusals said clearly, reminders, attendance."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from eig.audit.models import Action, AuditEntry
from eig.community import registrations
from eig.community.models import Registration
from eig.community.registrations import RegistrationRefused, cancel, register
from eig.events.models import Event
from tests.community.conftest import make_fellow, upcoming_event
from tests.factories import ChallengeFactory, CohortFactory

Status = Registration.Status


def status_of(event, user):
    return Registration.objects.get(event=event, user=user).status


def post(client, user, event, action="event_register"):
    client.force_login(user)
    return client.post(reverse(f"community:{action}", args=[event.pk]), follow=True)


def test_a_fellow_registers_and_gets_an_email_with_the_event(client, fellow, cohort, mailoutbox):
    event = upcoming_event(cohort, capacity=10, title="Revue de code")

    page = post(client, fellow.user, event).content.decode()

    assert "Vous êtes inscrit·e" in page
    assert status_of(event, fellow.user) == Status.REGISTERED
    (mail,) = mailoutbox
    assert "Revue de code" in mail.subject and mail.to == [fellow.user.email]
    assert "http://" in mail.body and f"/evenements/{event.pk}/" in mail.body
    assert mail.attachments[0][0] == "evenement.ics"


def test_beyond_capacity_the_registration_goes_to_the_waiting_list_and_says_so(
    client, fellow, erin_fellow, cohort, mailoutbox
):
    event = upcoming_event(cohort, capacity=1)
    post(client, fellow.user, event)

    page = post(client, erin_fellow.user, event).content.decode()

    assert "L’événement est complet : vous êtes sur la liste d’attente, en position 1" in page
    assert status_of(event, erin_fellow.user) == Status.WAITING
    assert "liste d’attente" in mailoutbox[-1].body
    assert AuditEntry.objects.filter(action=Action.EVENT_WAITLISTED).count() == 1


def test_a_cancellation_moves_the_first_person_waiting_up_and_tells_them(
    client, fellow, erin_fellow, challenge, cohort, mailoutbox
):
    third = make_fellow(challenge)
    event = upcoming_event(cohort, capacity=1)
    for user in (fellow.user, erin_fellow.user, third.user):
        post(client, user, event)

    page = post(client, fellow.user, event, "event_cancel").content.decode()

    assert "Votre inscription est annulée" in page
    assert status_of(event, fellow.user) == Status.CANCELLED
    assert status_of(event, erin_fellow.user) == Status.REGISTERED  # first in the queue
    assert status_of(event, third.user) == Status.WAITING
    assert mailoutbox[-1].to == [erin_fellow.user.email]
    assert "Une place s’est libérée" in mailoutbox[-1].subject


def test_leaving_the_waiting_list_moves_nobody_up(fellow, erin_fellow, challenge, cohort):
    third = make_fellow(challenge)
    event = upcoming_event(cohort, capacity=1)
    for user in (fellow.user, erin_fellow.user, third.user):
        register(event=event, user=user, visible=True)

    cancel(event=event, user=erin_fellow.user)

    assert status_of(event, fellow.user) == Status.REGISTERED
    assert status_of(event, third.user) == Status.WAITING


@pytest.mark.parametrize("status", [Status.REGISTERED, Status.WAITING])
def test_registering_twice_is_refused_with_a_clear_message(
    client, fellow, erin_fellow, cohort, status
):
    event = upcoming_event(cohort, capacity=1)
    if status == Status.WAITING:
        post(client, erin_fellow.user, event)
    post(client, fellow.user, event)

    page = post(client, fellow.user, event).content.decode()

    assert ("déjà inscrit·e" if status == Status.REGISTERED else "déjà sur la liste") in page
    assert Registration.objects.filter(event=event, user=fellow.user).count() == 1
    assert status_of(event, fellow.user) == status


def test_registering_after_the_event_started_is_refused(client, fellow, cohort):
    event = upcoming_event(cohort, days=-1 / 24)  # began an hour ago

    page = post(client, fellow.user, event).content.decode()

    assert "Cet événement a déjà commencé : les inscriptions sont closes." in page
    assert not Registration.objects.filter(event=event).exists()


def test_registering_to_an_event_of_another_promotion_is_refused(client, fellow):
    other = CohortFactory(is_published=True)
    event = upcoming_event(other)

    response = post(client, fellow.user, event)

    assert "réservé à une autre promotion" in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()
    # Its page stays unseen.
    assert client.get(reverse("community:event_detail", args=[event.pk])).status_code == 404


def test_registering_to_an_event_not_open_to_registration_is_refused(fellow, cohort):
    event = upcoming_event(cohort, registration_open=False)
    with pytest.raises(RegistrationRefused, match="ne sont pas ouvertes"):
        register(event=event, user=fellow.user, visible=True)


def test_someone_who_cancelled_may_register_again_at_the_end_of_the_queue(
    fellow, erin_fellow, challenge, cohort
):
    third = make_fellow(challenge)
    event = upcoming_event(cohort, capacity=1)
    register(event=event, user=fellow.user, visible=True)
    register(event=event, user=erin_fellow.user, visible=True)
    cancel(event=event, user=erin_fellow.user)
    register(event=event, user=third.user, visible=True)

    again = register(event=event, user=erin_fellow.user, visible=True)

    assert again.status == Status.WAITING
    cancel(event=event, user=fellow.user)
    assert status_of(event, third.user) == Status.REGISTERED  # was waiting before Erin came back


def test_a_waiting_list_moves_up_one_place_per_cancellation_in_order(challenge, cohort):
    """The sequence two concurrent cancellations are serialised into by the event's lock."""
    people = [make_fellow(challenge).user for _ in range(5)]
    event = upcoming_event(cohort, capacity=2)
    for user in people:
        register(event=event, user=user, visible=True)

    moved = [cancel(event=event, user=people[0]), cancel(event=event, user=people[1])]

    assert [registration.user for registration in moved] == people[2:4]
    assert status_of(event, people[4]) == Status.WAITING
    assert event.registrations.filter(status=Status.REGISTERED).count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_free_one_place_each_never_the_same_twice():
    challenge = ChallengeFactory(cohort=CohortFactory(is_published=True))
    people = [make_fellow(challenge).user for _ in range(6)]
    event = upcoming_event(challenge.cohort, capacity=3)
    for user in people:
        register(event=event, user=user, visible=True)
    start = threading.Barrier(3)
    outcomes = []

    def leave(user):
        start.wait()
        try:
            outcomes.append(cancel(event=event, user=user))
        # SQLite's in-memory test database refuses a second writer outright ("table is
        # locked"); PostgreSQL makes each wait for the event's row, then count again.
        except OperationalError as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=leave, args=[user]) for user in people[:3]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    cancelled = set(
        Registration.objects.filter(event=event, status=Status.CANCELLED).values_list(
            "user", flat=True
        )
    )
    assert cancelled  # at least the first to take the lock
    # Each cancellation freed one place for the next person waiting, in the order of the queue.
    stayed = {user.pk for user in people[:3]} - cancelled
    moved_up = {user.pk for user in people[3 : 3 + len(cancelled)]}
    registered = event.registrations.filter(status=Status.REGISTERED)
    assert set(registered.values_list("user", flat=True)) == stayed | moved_up
    if connection.vendor == "postgresql":
        assert len(cancelled) == 3  # each waited for the event's lock, none was refused
        assert {outcome.user_id for outcome in outcomes} == {user.pk for user in people[3:]}


def test_the_reminder_goes_the_day_before_once_and_the_command_is_a_safety_net(
    fellow, erin_fellow, cohort, mailoutbox
):
    event = upcoming_event(cohort, days=3, title="Clinique des données")
    register(event=event, user=fellow.user, visible=True)
    register(event=event, user=erin_fellow.user, visible=True)
    mailoutbox.clear()

    assert registrations.remind_registrants() == 0  # three days ahead: not yet
    later = event.start - datetime.timedelta(hours=20)
    assert registrations.remind_registrants(now=later) == 2
    assert registrations.remind_registrants(now=later) == 0  # never twice
    call_command("send_event_reminders")
    assert len(mailoutbox) == 2
    assert all(mail.subject == "Rappel : Clinique des données, demain" for mail in mailoutbox)


def test_registering_the_day_before_sends_the_reminder_at_once(fellow, cohort, mailoutbox):
    event = upcoming_event(cohort, days=0.5)
    register(event=event, user=fellow.user, visible=True)
    assert [mail.subject.split(" :")[0] for mail in mailoutbox] == [
        "Votre inscription",
        "Rappel",
    ]


def test_the_team_takes_attendance_of_the_registered_people(
    team_client, fellow, erin_fellow, cohort
):
    event = upcoming_event(cohort)
    for user in (fellow.user, erin_fellow.user):
        register(event=event, user=user, visible=True)
    alices = Registration.objects.get(event=event, user=fellow.user)
    url = reverse("community:attendance", args=[event.pk])
    assert "Alice Martin" in team_client.get(url).content.decode()

    team_client.post(url, {"present": [str(alices.pk)]})

    assert dict(event.registrations.values_list("user", "attended")) == {
        fellow.user.pk: True,
        erin_fellow.user.pk: False,
    }
    assert AuditEntry.objects.filter(action=Action.EVENT_ATTENDANCE_TAKEN).exists()
    listing = team_client.get(reverse("community:team_events")).content.decode()
    assert event.title in listing


def test_the_event_start_comes_from_its_time_or_the_start_of_its_day(cohort):
    dated = Event.objects.create(
        title="Journée", kind="workshop", starts_on=datetime.date(2030, 1, 2)
    )
    assert timezone.localtime(dated.start).hour == 0
    timed = upcoming_event(cohort)
    assert timed.starts_on == timezone.localdate(timed.starts_at)


def test_the_events_page_offers_registration_for_upcoming_events_only(db, client):
    upcoming = upcoming_event(audience=Event.Audience.PUBLIC, title="Atelier à venir")
    past = upcoming_event(days=-30, audience=Event.Audience.PUBLIC, title="Atelier passé")

    html = client.get(reverse("events")).content.decode()

    assert f'S’inscrire<span class="fr-sr-only"> — {upcoming.title}' in html
    assert past.title in html
    assert f"— {past.title}</span>" not in html
