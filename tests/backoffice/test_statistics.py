"""Counts per défi and per day, and the page that draws them."""

import datetime
import re

import pytest

from eig.applications.models import Application
from eig.backoffice import charts, stats
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from tests.backoffice.helpers import choose, submitted, withdrawn
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory

STATISTICS = "/equipe/candidatures/statistiques/"


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


@pytest.fixture
def cohort(db):
    """Défis A, B and C (nobody's choice), and applications in and out of the counts."""
    cohort = CohortFactory()
    a = ChallengeFactory(cohort=cohort, name="A")
    b = ChallengeFactory(cohort=cohort, name="B")
    ChallengeFactory(cohort=cohort, name="C")
    # 23:59 and 00:30 in Paris: two days, though the same day in UTC.
    choose(submitted(cohort=cohort, submitted_at=utc(2026, 3, 10, 22, 59)), a, b)
    choose(submitted(cohort=cohort, submitted_at=utc(2026, 3, 10, 23, 30)), b, a)
    choose(
        submitted(
            cohort=cohort,
            status=Application.Status.SHORTLISTED,
            submitted_at=utc(2026, 3, 13, 8, 0),
        ),
        a,
    )
    choose(ApplicationFactory(cohort=cohort), a, b)
    choose(withdrawn(cohort=cohort), b)
    other_cohort = CohortFactory()
    choose(submitted(cohort=other_cohort), ChallengeFactory(cohort=other_cohort))
    return cohort


def test_choices_per_challenge_counts_submitted_applications_at_any_rank_and_first(cohort):
    counts = stats.choices_per_challenge(Application.objects.all(), cohort)

    assert counts == [
        stats.ChallengeCount("A", choices=3, first_choices=2),
        stats.ChallengeCount("B", choices=2, first_choices=1),
        stats.ChallengeCount("C", choices=0, first_choices=0),
    ]


def test_submissions_per_day_uses_paris_days_and_shows_days_without_any(cohort):
    counts = stats.submissions_per_day(Application.objects.all(), cohort)

    assert counts == [
        stats.DayCount(datetime.date(2026, 3, 10), 1),
        stats.DayCount(datetime.date(2026, 3, 11), 1),
        stats.DayCount(datetime.date(2026, 3, 12), 0),
        stats.DayCount(datetime.date(2026, 3, 13), 1),
    ]


def test_counts_only_cover_the_applications_given(cohort):
    assert stats.choices_per_challenge(Application.objects.none(), cohort)[0].choices == 0
    assert stats.submissions_per_day(Application.objects.none(), cohort) == []


def test_the_challenge_chart_scales_bars_to_the_most_chosen():
    chart = charts.challenge_chart(
        [stats.ChallengeCount("A", 4, 1), stats.ChallengeCount("B" * 200, 2, 0)]
    )

    longest = charts.WIDTH - charts.VALUE_ROOM
    assert [row.choices.width for row in chart.rows] == [longest, longest / 2]
    assert [row.first_choices.width for row in chart.rows] == [longest / 4, 0]
    assert len(chart.rows[1].label) == charts.LABEL_MAX_CHARS
    assert chart.height == 2 * charts.ROW_HEIGHT


def test_the_day_chart_dates_a_few_days_only_and_hides_values_when_crowded():
    days = [
        stats.DayCount(datetime.date(2026, 3, 1) + datetime.timedelta(days=n), n % 5)
        for n in range(60)
    ]

    chart = charts.day_chart(days)

    assert chart.maximum == 4
    assert sum(column.shows_date for column in chart.columns) <= charts.MAX_DATES
    assert not chart.shows_values
    assert chart.columns[4].bar.height == charts.PLOT_HEIGHT
    assert chart.columns[4].bar.bottom == chart.baseline
    assert charts.day_chart(days[:7]).shows_values


def test_the_page_draws_accessible_charts_with_their_data_in_tables(team_client, cohort):
    page = team_client.get(STATISTICS, {"promotion": cohort.number}).content.decode()

    # The two charts of the selection, then the dashboards (eig.backoffice.dashboards).
    assert page.count('role="img"') == page.count("<title id=") >= 2
    per_challenge = re.search(r'<table id="per-challenge-table">(.*?)</table>', page, re.S).group(1)
    rows = re.findall(r'<th scope="row">(\w)</th><td>(\d+)</td><td>(\d+)</td>', per_challenge)
    assert rows == [("A", "3", "2"), ("B", "2", "1"), ("C", "0", "0")]
    per_day = re.search(r'<table id="per-day-table">(.*?)</table>', page, re.S).group(1)
    assert re.findall(r"<td>(\d+)</td>", per_day) == ["1", "1", "0", "1"]
    assert "mercredi 11 mars 2026" in per_day
    # Coordinates are written with a dot whatever the language of the page.
    assert not re.search(r'(x|y|width|height)="\d+,\d', page)


def test_the_latest_cohort_is_shown_unless_another_is_asked_for(team_client, cohort):
    latest = CohortFactory()

    page = team_client.get(STATISTICS).content.decode()
    assert f"Candidatures déposées à la Promotion {latest.number}," in page

    page = team_client.get(STATISTICS, {"promotion": cohort.number}).content.decode()
    assert f"Candidatures déposées à la Promotion {cohort.number}," in page
    # One chooser: the team's « Promotion affichée », not a second form of the page's own.
    assert page.count('name="promotion"') == 1


def test_an_unknown_cohort_is_explained_next_to_the_field(team_client, cohort):
    response = team_client.get(STATISTICS, {"promotion": "99"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "99 n’en fait pas partie" in page
    assert 'role="img"' not in page


def test_without_any_cohort_the_page_says_so(team_client):
    Challenge.objects.all().delete()
    Cohort.objects.all().delete()

    assert "Aucune promotion n’existe encore." in team_client.get(STATISTICS).content.decode()
