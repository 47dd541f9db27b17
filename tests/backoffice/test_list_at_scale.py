"""The team's list at scale: its cohort by default, sorting, the whole filtered list in a bulk
move, previous and next on an application's page, why a move is refused."""

import datetime
import re

import pytest
from django.utils import timezone

from eig.applications.models import Application, StageTransition
from tests.backoffice.helpers import choose, submitted
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory

pytestmark = pytest.mark.django_db

S = Application.Status
LIST = "/equipe/candidatures/"
BULK = "/equipe/candidatures/etat/"
DAY = datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC)


def names(response):
    assert response.status_code == 200
    return re.findall(
        r'<td><a href="/equipe/candidatures/[\w-]+/\?[^"]*">([^<]+)</a>(?:<br>.*?)?</td>',
        response.text,
    )


def status_of(application):
    application.refresh_from_db()
    return application.status


@pytest.fixture
def closed():
    """A cohort whose call has closed: every stage rule applies, none waits for the closing."""
    return CohortFactory(
        application_call_opens_at=timezone.now() - datetime.timedelta(days=60),
        application_call_closes_at=timezone.now() - datetime.timedelta(days=1),
    )


# --- The cohort it opens on ---------------------------------------------------------------------


def test_the_list_opens_on_the_cohort_whose_call_is_open(team_client, closed):
    submitted(cohort=closed, first_name="Ancienne", last_name="Promo")
    open_cohort = CohortFactory(
        application_call_opens_at=timezone.now() - datetime.timedelta(days=1),
        application_call_closes_at=timezone.now() + datetime.timedelta(days=10),
    )
    submitted(cohort=open_cohort, first_name="Appel", last_name="Ouvert")
    # A later cohort whose call has not opened yet: the open call still wins.
    later = CohortFactory(
        application_call_opens_at=timezone.now() + datetime.timedelta(days=100),
        application_call_closes_at=timezone.now() + datetime.timedelta(days=130),
    )
    assert later.number > open_cohort.number

    response = team_client.get(LIST)

    assert names(response) == ["Appel Ouvert"]
    assert f'<option value="{open_cohort.number}" selected>' in response.text
    # An empty promotion is a choice: every cohort.
    assert sorted(names(team_client.get(LIST, {"promotion": ""}))) == [
        "Ancienne Promo",
        "Appel Ouvert",
    ]


def test_without_an_open_call_the_list_opens_on_the_latest_cohort(team_client, closed):
    latest = CohortFactory()
    submitted(cohort=closed, first_name="Close", last_name="A")
    submitted(cohort=latest, first_name="Dernière", last_name="B")

    assert names(team_client.get(LIST)) == ["Dernière B"]


# --- Sorting ------------------------------------------------------------------------------------


@pytest.fixture
def three(closed):
    datafin, lexibase = ChallengeFactory(cohort=closed), ChallengeFactory(cohort=closed)
    choose(
        submitted(cohort=closed, first_name="Zoé", last_name="Abel", submitted_at=DAY),
        datafin,
        lexibase,
    )
    submitted(
        cohort=closed,
        first_name="Yann",
        last_name="Écuyer",
        submitted_at=DAY + datetime.timedelta(days=2),
        status=S.ELIGIBLE,
    )
    choose(
        submitted(
            cohort=closed,
            first_name="Xavier",
            last_name="Durand",
            submitted_at=DAY + datetime.timedelta(days=1),
            status=S.REJECTED,
        ),
        datafin,
    )
    return {"promotion": closed.number}


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("nom", ["Zoé Abel", "Xavier Durand", "Yann Écuyer"]),
        ("-nom", ["Yann Écuyer", "Xavier Durand", "Zoé Abel"]),
        ("depot", ["Zoé Abel", "Xavier Durand", "Yann Écuyer"]),
        ("-depot", ["Yann Écuyer", "Xavier Durand", "Zoé Abel"]),
        # Along the process: déposée, recevable, ..., non retenue.
        ("etat", ["Zoé Abel", "Yann Écuyer", "Xavier Durand"]),
        ("-etat", ["Xavier Durand", "Yann Écuyer", "Zoé Abel"]),
        ("defis", ["Yann Écuyer", "Xavier Durand", "Zoé Abel"]),
        ("-defis", ["Zoé Abel", "Xavier Durand", "Yann Écuyer"]),
    ],
)
def test_each_column_sorts_the_list_both_ways(team_client, three, sort, expected):
    assert names(team_client.get(LIST, three | {"tri": sort})) == expected


def test_the_headers_are_links_that_say_how_the_list_is_sorted(team_client, three):
    page = team_client.get(LIST, three | {"tri": "nom"}).text

    assert re.search(r'<th scope="col" aria-sort="ascending"><a href="\?[^"]*tri=-nom"', page)
    assert f'href="?promotion={three["promotion"]}&amp;tri=-defis"' in page
    assert page.count("aria-sort=") == 1
    descending = team_client.get(LIST, three | {"tri": "-depot"}).text
    assert re.search(r'aria-sort="descending"><a href="\?[^"]*tri=depot"', descending)


def test_an_unknown_order_is_the_default_one(team_client, three):
    assert names(team_client.get(LIST, three | {"tri": "pirate"})) == names(
        team_client.get(LIST, three)
    )


def test_equal_values_keep_one_order_from_page_to_page(team_client, closed):
    for index in range(60):
        submitted(cohort=closed, first_name="Même", last_name=f"Jour{59 - index:02}")
    filters = {"promotion": closed.number, "tri": "depot"}

    first = names(team_client.get(LIST, filters))
    second = names(team_client.get(LIST, filters | {"page": 2}))

    # Same date for all: the name decides, and no row is on two pages or on none.
    assert first + second == [f"Même Jour{index:02}" for index in range(60)]


# --- The whole filtered list in a bulk move -------------------------------------------------------


def test_the_whole_filtered_list_moves_across_pages_and_the_refused_say_why(team_client, closed):
    movable = [submitted(cohort=closed) for _ in range(52)]
    done = submitted(cohort=closed, first_name="Déjà", last_name="Retenue", status=S.SELECTED)
    elsewhere = submitted(cohort=CohortFactory())
    filters = f"promotion={closed.number}&tri=-depot"
    ask = {"portee": "liste", "vers": S.ELIGIBLE, "filtres": filters}

    confirmation = team_client.get(BULK, ask)

    assert confirmation.status_code == 200
    rows = confirmation.text[confirmation.text.index('id="bulk-rows"') :]
    assert rows.count("<tr>") == 1 + 53
    assert "Déjà Retenue" in rows
    assert "Une candidature à l’état « retenue » ne peut pas passer à « recevable »." in rows
    assert "52 candidatures passeront à l’état « Recevable », 1 restera inchangée." in (
        confirmation.text
    )
    fingerprint = re.search(r'name="empreinte" value="(\w+)"', confirmation.text).group(1)
    assert StageTransition.objects.count() == 0

    done_page = team_client.post(BULK, ask | {"empreinte": fingerprint})

    assert "52 candidatures sont passées à l’état « Recevable »." in done_page.text
    assert {status_of(a) for a in movable} == {S.ELIGIBLE}
    assert (status_of(done), status_of(elsewhere)) == (S.SELECTED, S.SUBMITTED)


def test_a_list_changed_since_the_confirmation_is_shown_again_not_moved(team_client, closed):
    first = submitted(cohort=closed)
    ask = {"portee": "liste", "vers": S.ELIGIBLE, "filtres": f"promotion={closed.number}"}
    confirmation = team_client.get(BULK, ask)
    fingerprint = re.search(r'name="empreinte" value="(\w+)"', confirmation.text).group(1)
    late = submitted(cohort=closed, first_name="Arrivée", last_name="Après")

    response = team_client.post(BULK, ask | {"empreinte": fingerprint})

    assert "La liste filtrée a changé depuis votre vérification" in response.text
    assert "Arrivée Après" in response.text
    assert (status_of(first), status_of(late)) == (S.SUBMITTED, S.SUBMITTED)


def test_the_list_offers_the_whole_filtered_list_and_ticks_the_page(team_client, closed):
    for _ in range(51):
        submitted(cohort=closed)

    page = team_client.get(LIST, {"promotion": closed.number}).text

    assert 'name="portee" value="liste"' in page
    assert "Les 51 candidatures de la liste filtrée, sur toutes les pages" in page
    assert 'data-select-all="candidatures"' in page
    assert f'name="filtres" value="promotion={closed.number}&amp;tri=-depot"' in page


# --- Previous and next ----------------------------------------------------------------------------


def test_an_application_page_opened_from_the_list_leads_to_its_neighbours(team_client, three):
    query = f"promotion={three['promotion']}&tri=nom"
    list_page = team_client.get(f"{LIST}?{query}").text
    links = re.findall(r'<td><a href="(/equipe/candidatures/[\w-]+/\?[^"]*)">', list_page)
    assert len(links) == 3
    middle = links[1].replace("&amp;", "&")

    page = team_client.get(middle).text

    assert "Candidature 2 sur 3 de la liste filtrée" in page
    previous = re.search(r'href="([^"]+)" rel="prev"', page).group(1)
    following = re.search(r'href="([^"]+)" rel="next"', page).group(1)
    assert (previous, following) == (links[0], links[2])
    assert f'href="{LIST}?promotion={three["promotion"]}&amp;tri=nom"' in page
    first = team_client.get(links[0].replace("&amp;", "&")).text
    assert 'rel="prev"' not in first and "Candidature 1 sur 3" in first


def test_an_application_page_opened_alone_has_no_neighbours(team_client, three):
    application = Application.objects.filter(cohort__number=three["promotion"]).first()

    page = team_client.get(f"{LIST}{application.public_id}/").text

    assert 'id="list-neighbours"' not in page


def test_a_move_from_the_list_comes_back_within_the_list(team_client, three):
    application = Application.objects.get(last_name="Abel")
    query = f"promotion={three['promotion']}&tri=nom"

    response = team_client.post(
        f"{LIST}{application.public_id}/etat/?{query}", {"vers": S.ELIGIBLE}
    )

    assert response["Location"] == f"{LIST}{application.public_id}/?{query}"


# --- A move refused ----------------------------------------------------------------------------


def test_an_application_no_stage_follows_says_why_next_to_the_stage(team_client, closed):
    application = submitted(cohort=closed, status=S.WITHDRAWN)

    response = team_client.post(f"{LIST}{application.public_id}/etat/", {"vers": S.ELIGIBLE})

    stage = response.text[response.text.index('id="stage-title"') :]
    assert "Une candidature à l’état « retirée » ne peut pas passer à « recevable »." in stage
    assert "« Retirée » est une étape finale : aucune étape de la sélection ne la suit." in stage
    assert status_of(application) == S.WITHDRAWN


def test_a_draft_says_only_its_candidate_submits_it(team_client, closed):
    application = ApplicationFactory(cohort=closed)

    page = team_client.get(f"{LIST}{application.public_id}/").text

    assert "C’est un brouillon : seule la personne candidate peut le déposer." in page
