"""The promotion switcher of the team's space: on every tab that shows one cohort, the same tab
for another cohort; the tabs' links follow the cohort shown."""

import pytest

from tests.factories import CohortFactory, InterviewSlotFactory

pytestmark = pytest.mark.django_db

SWITCH = "/equipe/promotion/"


@pytest.fixture
def cohorts():
    return CohortFactory(), CohortFactory()


@pytest.mark.parametrize(
    ("tab", "address"),
    [
        ("selection:reviewers", "/equipe/selection/{}/jury/"),
        ("selection:assignment", "/equipe/selection/{}/affectation/"),
        ("selection:scores", "/equipe/selection/{}/notes/"),
        ("decisions:decisions", "/equipe/decisions/{}/"),
        ("teams:teams", "/equipe/equipes/{}/"),
        ("backoffice:application_list", "/equipe/candidatures/?promotion={}"),
        ("backoffice:application_statistics", "/equipe/candidatures/statistiques/?promotion={}"),
    ],
)
def test_every_cohort_tab_has_the_switcher_and_switching_keeps_the_tab(
    team_client, cohorts, tab, address
):
    first, second = cohorts

    page = team_client.get(address.format(first.number)).text

    assert 'id="cohort-switcher"' in page
    assert f'<input type="hidden" name="onglet" value="{tab}">' in page
    assert f'<option value="{first.number}" selected>' in page
    switched = team_client.get(SWITCH, {"onglet": tab, "promotion": second.number})
    assert switched["Location"] == address.format(second.number)


def test_the_tabs_follow_the_cohort_shown(team_client, cohorts):
    first, _second = cohorts

    page = team_client.get(f"/equipe/selection/{first.number}/notes/").text

    assert f'href="/equipe/selection/{first.number}/affectation/"' in page
    assert f'href="/equipe/candidatures/?promotion={first.number}"' in page


def test_the_list_may_switch_to_every_cohort(team_client, cohorts):
    response = team_client.get(SWITCH, {"onglet": "backoffice:application_list", "promotion": ""})

    assert response["Location"] == "/equipe/candidatures/?promotion="
    assert '<option value="" selected>Toutes les promotions</option>' in (
        team_client.get(response["Location"]).text
    )


def test_a_page_for_no_cohort_has_no_switcher(team_client):
    assert 'id="cohort-switcher"' not in team_client.get("/equipe/journal/").text


@pytest.mark.parametrize("number", ["999", "deux", ""])
def test_an_unknown_cohort_goes_back_to_the_list_saying_so(team_client, number):
    response = team_client.get(
        SWITCH, {"onglet": "selection:assignment", "promotion": number}, follow=True
    )

    assert response.redirect_chain == [("/equipe/candidatures/", 302)]
    assert "Cette promotion n’existe pas : choisissez-en une de la liste." in response.text


def test_the_audition_slots_switch_promotion_and_refuse_an_unknown_one(team_client):
    old = InterviewSlotFactory()
    new = InterviewSlotFactory()
    assert old.cohort != new.cohort

    everything = team_client.get("/equipe/auditions/").content.decode()
    one = team_client.get(f"/equipe/auditions/?promotion={new.cohort.number}")

    assert str(old.cohort) in everything and str(new.cohort) in everything
    assert 'id="cohort-switcher"' in one.content.decode()
    assert list(one.context["days"][0][1]) == [new]
    assert team_client.get("/equipe/auditions/?promotion=²").status_code == 404
    assert team_client.get("/equipe/auditions/?promotion=999").status_code == 404
    switched = team_client.get(
        "/equipe/promotion/", {"onglet": "auditions:slot_list", "promotion": new.cohort.number}
    )
    assert switched.url == f"/equipe/auditions/?promotion={new.cohort.number}"
    assert team_client.get("/equipe/promotion/", {"promotion": "²"}).status_code == 302
