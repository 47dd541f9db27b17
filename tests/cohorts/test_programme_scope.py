"""Two programmes on one platform, both with a cohort 41: every lookup by a cohort's number from a
URL finds the served programme's (the first created), never the other's, never a 500."""

import pytest

from eig.applications.models import Application
from eig.cohorts.models import Cohort, Programme
from tests.factories import OpenCallCohortFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cohorts(db):
    first = Programme.objects.order_by("pk").first() or ProgrammeFactory()
    served = OpenCallCohortFactory(programme=first, number=41, year=2049, is_published=True)
    other_programme = ProgrammeFactory(name="Un autre programme", short_name="AP")
    other = OpenCallCohortFactory(
        programme=other_programme, number=41, year=2050, is_published=True
    )
    return served, other


def test_the_served_programme_is_the_first_created(two_cohorts):
    served, other = two_cohorts
    served_cohorts = set(Cohort.objects.served())
    assert served in served_cohorts and other not in served_cohorts


def test_the_public_promotion_page_shows_the_served_programmes_cohort(client, two_cohorts):
    response = client.get("/promotions/41/")
    assert response.status_code == 200
    assert response.context["cohort"] == two_cohorts[0]


def test_applying_to_cohort_41_opens_the_served_programmes_call(alice_client, alice, two_cohorts):
    served, _other = two_cohorts
    response = alice_client.get("/candidater/41/")
    assert response.status_code in (200, 302)
    if Application.objects.filter(candidate=alice).exists():
        assert Application.objects.get(candidate=alice).cohort == served


def test_a_cohort_only_the_other_programme_has_is_a_404(client, alice_client, two_cohorts):
    OpenCallCohortFactory(
        programme=two_cohorts[1].programme, number=47, year=2056, is_published=True
    )
    assert client.get("/promotions/47/").status_code == 404
    assert alice_client.get("/candidater/47/").status_code == 404


def test_the_teams_pages_by_number_give_no_500(team_client, two_cohorts):
    response = team_client.get("/equipe/decisions/41/")
    assert response.status_code == 200
    assert response.context["cohort"] == two_cohorts[0]
