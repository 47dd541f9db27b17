"""The candidate's space tells a past audition in the past tense; demo slots fall on office days."""

import datetime

from django.utils import timezone

from eig.auditions import services
from eig.auditions.demo import PARIS, _future_slots, working_day
from eig.auditions.models import InterviewSlot
from tests.auditions.conftest import in_hours
from tests.factories import CandidateFactory, CohortFactory


def test_a_coming_audition_is_told_in_the_future_and_a_past_one_in_the_past(
    client, alice, invited, slot
):
    services.book_slot(application=invited, slot=slot, by=alice)
    client.force_login(alice)

    coming = client.get("/mon-espace/").content.decode()
    InterviewSlot.objects.filter(pk=slot.pk).update(starts_at=in_hours(-48))
    past = client.get("/mon-espace/").content.decode()

    assert "Votre audition aura lieu le" in coming
    assert "Votre audition a eu lieu le" in past
    assert "a lieu le" not in past.replace("a eu lieu le", "")


def test_working_day_moves_a_weekend_to_the_next_monday():
    saturday, sunday, friday = (datetime.date(2026, 12, day) for day in (5, 6, 4))

    assert working_day(saturday) == working_day(sunday) == datetime.date(2026, 12, 7)
    assert working_day(friday) == friday


def test_the_demo_future_slots_fall_on_working_days(db):
    cohort = CohortFactory()
    panel = [CandidateFactory()]
    # Whatever the day of the week the demo is loaded on.
    for offset in range(7):
        InterviewSlot.objects.filter(cohort=cohort).delete()
        now = timezone.now() + datetime.timedelta(days=offset)
        _future_slots(cohort, panel, now)
        slots = InterviewSlot.objects.filter(cohort=cohort)
        days = {timezone.localtime(slot.starts_at, PARIS).weekday() for slot in slots}
        assert days and max(days) < 5, now
