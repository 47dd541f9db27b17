"""The public page of the call for défis: its state, the time left, and no error without a call."""

import datetime

import pytest
from django.utils import timezone

from eig.proposals import calls
from eig.proposals.models import (
    DEFAULT_CRITERIA,
    CallState,
    ChallengeCall,
    ChallengeCallCriterion,
    ChallengeCallQuestion,
)
from tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


def make_call(number, opens_in_days, closes_in_days, **fields):
    now = timezone.now()
    return ChallengeCall.objects.create(
        cohort=CohortFactory(number=number),
        opens_at=now + datetime.timedelta(days=opens_in_days),
        closes_at=now + datetime.timedelta(days=closes_in_days),
        **fields,
    )


def test_without_any_call_the_page_says_so(client):
    response = client.get("/appel-a-defis/")
    assert response.status_code == 200
    assert "Aucun appel à défis n’est annoncé" in response.content.decode()


def test_an_open_call_shows_the_time_left_and_the_button(client):
    make_call(20, -3, 22, introduction="Proposez vos défis.")
    page = client.get("/appel-a-defis/").content.decode()
    assert "L’appel est ouvert" in page
    assert "Il reste 3 semaines" in page
    assert "Proposer un défi" in page
    assert "Proposez vos défis." in page


def test_the_open_call_comes_before_an_upcoming_and_a_closed_one():
    make_call(20, -60, -30)
    upcoming = make_call(21, 10, 40)
    assert calls.current_call() == upcoming
    opened = make_call(22, -1, 5)
    assert calls.current_call() == opened
    assert calls.open_call() == opened


def test_an_upcoming_call_says_when_it_opens_without_the_button(client):
    call = make_call(20, 10, 40)
    page = client.get("/appel-a-defis/").content.decode()
    assert "ouvrira le" in page
    assert call.state() == CallState.UPCOMING
    assert 'href="/administration/proposer/"' not in page


def test_a_closed_call_says_since_when(client):
    make_call(20, -60, -30)
    page = client.get("/appel-a-defis/").content.decode()
    assert "est clos depuis le" in page
    assert 'href="/administration/proposer/"' not in page


def test_the_closing_instant_is_excluded_and_time_left_counts_down():
    call = make_call(20, -5, 1)
    assert call.state(call.closes_at) == CallState.CLOSED
    assert call.state(call.closes_at - datetime.timedelta(seconds=1)) == CallState.OPEN
    assert call.time_left(call.closes_at - datetime.timedelta(hours=5)) == "5 heures"
    assert call.time_left(call.closes_at - datetime.timedelta(days=3)) == "3 jours"
    assert call.time_left(call.closes_at) is None


def test_a_new_call_gets_the_programmes_criteria_once_and_the_page_lists_them(client):
    call = make_call(20, -1, 10)
    titles = [str(title) for title, _details in DEFAULT_CRITERIA]
    assert list(call.criteria.values_list("title", flat=True)) == titles
    call.criteria.first().delete()
    call.save()
    assert call.criteria.count() == len(titles) - 1
    page = client.get("/appel-a-defis/").content.decode()
    assert titles[-1] in page


def test_a_call_given_its_own_criteria_keeps_them():
    call = ChallengeCall(cohort=CohortFactory(number=20))
    call.criteria = [ChallengeCallCriterion(title="Un seul critère")]
    call.save()
    assert list(call.criteria.values_list("title", flat=True)) == ["Un seul critère"]


def test_the_faq_and_dates_are_shown(client):
    call = make_call(20, -1, 10, jury_starts_on=datetime.date(2030, 7, 4))
    ChallengeCallQuestion.objects.create(
        call=call, question="Qui peut proposer ?", answer="Toute administration."
    )
    page = client.get("/appel-a-defis/").content.decode()
    assert "Qui peut proposer ?" in page
    assert "Jury des défis : 4 juillet 2030" in page


def test_the_cohort_calendar_reads_the_call():
    call = make_call(20, -1, 10, jury_starts_on=datetime.date(2030, 7, 4))
    labels = [str(phase.label) for phase in call.cohort.calendar()]
    assert "Appel à défis" in labels and "Jury des défis" in labels
    assert "Appel à défis" not in [str(p.label) for p in CohortFactory(number=21).calendar()]


def test_the_menu_links_to_the_call(client):
    assert 'href="/appel-a-defis/"' in client.get("/defis/").content.decode()


def test_the_team_edits_the_call_in_wagtail_next_to_the_cohorts(team_client):
    call = make_call(20, -1, 10)
    assert team_client.get("/admin/snippets/proposals/challengecall/").status_code == 200
    page = team_client.get(f"/admin/snippets/proposals/challengecall/edit/{call.pk}/")
    assert page.status_code == 200
    assert "Questions fréquentes des administrations" in page.content.decode()
