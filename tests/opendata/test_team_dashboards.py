"""The team's dashboards, on its statistics tab: each chart with its table and its CSV."""

import datetime

import pytest
from django.urls import reverse

from eig.backoffice import dashboards
from tests.factories import ApplicationFactory, CohortFactory

pytestmark = pytest.mark.django_db


def test_applications_per_day_are_compared_with_earlier_calls_from_their_opening(promotion):
    opens = promotion.application_call_opens_at + datetime.timedelta(days=365)
    later = CohortFactory(
        number=41,
        year=2049,
        application_call_opens_at=opens,
        application_call_closes_at=opens + datetime.timedelta(days=30),
    )
    ApplicationFactory(
        cohort=later, submitted=True, submitted_at=opens + datetime.timedelta(days=2)
    )
    chart = dashboards.applications_per_day(later).chart
    series = {
        label: [values[index] for _day, values in chart.table]
        for index, label in enumerate(chart.series)
    }
    # Three applications a day for ten days from the opening of Promotion 40's call.
    assert series["Promotion 40"][:10] == [3, 6, 9, 12, 15, 18, 21, 24, 27, 30]
    # Day 0 is the opening of each call: the later one's first application came on day 2.
    assert series["Promotion 41"][:3] == [0, 0, 1]


def test_the_statistics_tab_shows_every_dashboard(team_client, promotion):
    response = team_client.get(reverse("backoffice:application_statistics"), {"promotion": 40})
    shown = [dashboard.slug for dashboard in response.context["dashboards"]]
    assert shown == list(dashboards.DASHBOARDS)
    page = response.content.decode()
    # The team sees every figure, small ones included (3 in law), each chart with its table.
    assert "Candidatures par profil, Promotion 40" in page
    assert 'id="profils-table"' in page
    funnel = dict(next(d for d in response.context["dashboards"] if d.slug == "etapes").rows)
    assert funnel["présélectionnée"] == 16


def test_each_dashboard_downloads_as_csv(team_client, promotion):
    response = team_client.get(
        reverse("backoffice:statistics_csv", args=["profils"]), {"promotion": 40}
    )
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "profil;candidatures"
    assert "Droit;3" in lines


def test_an_unknown_dashboard_or_promotion_says_so(team_client, promotion):
    for chart, number in [("inconnu", 40), ("profils", 999)]:
        response = team_client.get(
            reverse("backoffice:statistics_csv", args=[chart]), {"promotion": number}, follow=True
        )
        assert "Ce tableau n’existe pas" in response.content.decode()
