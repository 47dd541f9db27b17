"""/equipe/candidatures/: filters, search, errors, pagination and a bounded number of queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eig.applications.models import Profile
from tests.backoffice.helpers import choose, submitted, withdrawn
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory

pytestmark = pytest.mark.django_db

LIST = "/equipe/candidatures/"
# An empty `promotion` lists every cohort: without it, the list opens on one cohort.
EVERY_COHORT = {"promotion": ""}


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def listed(response):
    """The names in the table, in order."""
    return re.findall(
        r'<td><a href="/equipe/candidatures/[\w-]+/\?[^"]*">([^<]+)</a>(?:<br>.*?)?</td>',
        html(response),
    )


def count_shown(response):
    return int(re.search(r'id="results-count">(\d+) candidature', html(response)).group(1))


@pytest.fixture
def cohort():
    return CohortFactory()


def test_submitted_applications_are_listed_by_default_newest_first(team_client, cohort):
    submitted(cohort=cohort, first_name="Ancienne", last_name="Dépôt")
    submitted(
        cohort=cohort,
        first_name="Récente",
        last_name="Dépôt",
        submitted_at=datetime.datetime(2026, 3, 20, 9, tzinfo=datetime.UTC),
    )
    ApplicationFactory(cohort=cohort, first_name="Brouillon", last_name="Seul")
    withdrawn(cohort=cohort, first_name="Retirée", last_name="Seule")

    response = team_client.get(LIST)

    assert listed(response) == ["Récente Dépôt", "Ancienne Dépôt"]
    assert count_shown(response) == 2


def test_the_table_shows_email_profile_ranked_challenges_status_and_date(team_client, cohort):
    datafin = ChallengeFactory(cohort=cohort, name="Datafin")
    signals = ChallengeFactory(cohort=cohort, name="Signaux faibles")
    choose(
        submitted(cohort=cohort, email="camille@example.fr", profile=Profile.DESIGN),
        signals,
        datafin,
    )

    page = html(team_client.get(LIST))

    assert '<span class="fr-text--xs eig-break">camille@example.fr</span>' in page
    assert "<td>Design</td>" in page
    assert re.search(r"<ol[^>]*><li>Signaux faibles</li><li>Datafin</li></ol>", page)
    assert ">déposée</p>" in page
    assert "<td>10/03/2026</td>" in page


def test_the_status_filter_offers_drafts_and_all_statuses(team_client, cohort):
    submitted(cohort=cohort, first_name="Déposée", last_name="A")
    ApplicationFactory(cohort=cohort, first_name="Brouillon", last_name="B")
    withdrawn(cohort=cohort, first_name="Retirée", last_name="C")

    assert listed(team_client.get(LIST, {"etat": "draft"})) == ["Brouillon B"]
    assert listed(team_client.get(LIST, {"etat": "withdrawn"})) == ["Retirée C"]
    assert sorted(listed(team_client.get(LIST, {"etat": "toutes"}))) == [
        "Brouillon B",
        "Déposée A",
        "Retirée C",
    ]


def test_filters_narrow_the_list_and_its_count(team_client, cohort):
    other_cohort = CohortFactory()
    datafin = ChallengeFactory(cohort=cohort, slug="datafin")
    other = ChallengeFactory(cohort=cohort)
    choose(submitted(cohort=cohort, first_name="Une", last_name="Premier"), datafin)
    choose(
        submitted(cohort=cohort, first_name="Deux", last_name="Troisième", profile=Profile.LAW),
        other,
        ChallengeFactory(cohort=cohort),
        datafin,
    )
    choose(submitted(cohort=cohort, first_name="Trois", last_name="Autre"), other)
    submitted(cohort=other_cohort, first_name="Quatre", last_name="Ailleurs")
    this_one, that_one = str(cohort.number), str(other_cohort.number)

    assert count_shown(team_client.get(LIST, EVERY_COHORT)) == 4
    assert count_shown(team_client.get(LIST, {"promotion": this_one})) == 3
    by_challenge = team_client.get(LIST, EVERY_COHORT | {"defi": "datafin"})
    assert sorted(listed(by_challenge)) == ["Deux Troisième", "Une Premier"]
    assert count_shown(by_challenge) == 2
    assert listed(team_client.get(LIST, {"defi": "datafin", "profil": "law", "promotion": ""})) == [
        "Deux Troisième"
    ]
    assert listed(team_client.get(LIST, {"promotion": that_one})) == ["Quatre Ailleurs"]
    assert listed(team_client.get(LIST, {"promotion": that_one, "defi": "datafin"})) == []


@pytest.mark.parametrize(
    "search",
    ["élodie", "ELODIE", "Elodie", "lodi", "dupré", "DUPRE", "elodie dupre", "e.dupre@example"],
)
def test_search_ignores_case_and_accents_in_names_and_emails(team_client, search):
    submitted(first_name="Élodie", last_name="Dupré", email="e.dupre@example.fr")
    submitted(first_name="Jean", last_name="Martin", email="jean@example.fr")

    assert listed(team_client.get(LIST, EVERY_COHORT | {"q": search})) == ["Élodie Dupré"]


def test_every_word_of_a_search_must_match(team_client):
    submitted(first_name="Élodie", last_name="Dupré")
    submitted(first_name="Élodie", last_name="Martin")

    assert listed(team_client.get(LIST, EVERY_COHORT | {"q": "elodie martin"})) == ["Élodie Martin"]
    assert listed(team_client.get(LIST, EVERY_COHORT | {"q": "élodie inconnue"})) == []


def test_search_treats_like_wildcards_as_plain_characters(team_client):
    submitted(first_name="Anne", last_name="Martin", email="anne@example.fr")

    assert listed(team_client.get(LIST, EVERY_COHORT | {"q": "%"})) == []
    assert listed(team_client.get(LIST, EVERY_COHORT | {"q": "_"})) == []


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"promotion": "99"}, "promotion", "99 n’en fait pas partie"),
        ({"promotion": "<b>2</b>"}, "promotion", "&lt;b&gt;2&lt;/b&gt; n’en fait pas partie"),
        ({"defi": "inconnu"}, "defi", "inconnu n’en fait pas partie"),
        ({"profil": "astronaute"}, "profil", "astronaute n’en fait pas partie"),
        ({"etat": "acceptee"}, "etat", "acceptee n’en fait pas partie"),
        ({"q": "x" * 101}, "q", "Saisissez 100 caractères au plus."),
    ],
)
def test_a_bad_filter_value_is_explained_next_to_it_and_lists_nothing(
    team_client, params, field, message
):
    submitted()

    response = team_client.get(LIST, params)
    page = html(response)

    assert count_shown(response) == 0
    assert listed(response) == []
    error_next_to_the_field = re.search(rf'id="id_{field}-desc-error">(.*?)</div>', page, re.S)
    assert message in error_next_to_the_field.group(1)
    assert "Un filtre n’est pas valide" in page
    assert "export." not in page


def test_fifty_applications_a_page_with_the_filters_kept_in_the_links(team_client, cohort):
    for index in range(51):
        ApplicationFactory(cohort=cohort, first_name="Camille", last_name=f"N{index:02}")
    drafts = {"promotion": str(cohort.number), "etat": "draft"}

    first_page = team_client.get(LIST, drafts)
    second_page = team_client.get(LIST, drafts | {"page": "2"})

    assert len(listed(first_page)) == 50
    assert count_shown(first_page) == 51
    assert f'href="?promotion={cohort.number}&amp;etat=draft&amp;page=2"' in html(first_page)
    assert len(listed(second_page)) == 1
    # A page out of range or unreadable shows the last or the first page, never an error.
    assert len(listed(team_client.get(LIST, drafts | {"page": "99"}))) == 1
    assert len(listed(team_client.get(LIST, drafts | {"page": "deux"}))) == 50


def test_export_links_keep_the_filters_but_not_the_page(team_client, cohort):
    submitted(cohort=cohort, first_name="Camille")

    page = html(team_client.get(LIST, {"promotion": cohort.number, "q": "camille", "page": "1"}))

    for file_format in ["csv", "xlsx", "ods"]:
        assert (
            f'href="/equipe/candidatures/export.{file_format}'
            f'?promotion={cohort.number}&amp;q=camille&amp;tri=-depot"' in page
        )


def test_names_are_escaped(team_client):
    submitted(first_name="<script>alert(1)</script>")

    page = html(team_client.get(LIST, EVERY_COHORT))

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_rows(
    team_client, cohort, django_assert_max_num_queries
):
    challenges = [ChallengeFactory(cohort=cohort) for _ in range(3)]
    choose(submitted(cohort=cohort), *challenges)
    with_one_row = count_queries(team_client, LIST)

    for _ in range(30):
        choose(submitted(cohort=cohort), *challenges)

    with django_assert_max_num_queries(with_one_row):
        assert len(listed(team_client.get(LIST))) == 31
    # One of them is django-otp's, finding the device that verified the session; three read the
    # cohort's grid and reviews for the score column; two count the rows then read the page's
    # ids (LIMIT: not the ids of a whole cohort); the header asks the person's roles (one
    # question per space: jury, panels, mentors, promotion, défi jury, administration…).
    assert with_one_row <= 29
