"""A reviewer's search for the people they may be in conflict with: exact, and limited per hour."""

import datetime

import pytest
from django.utils import timezone

from eig.audit.models import Action, AuditEntry
from eig.selection.conflicts import names_exactly
from tests.factories import ApplicationFactory, CandidateFactory


@pytest.fixture
def elodie(cohort):
    candidate = CandidateFactory(username="elodie.dupre@example.fr")
    return ApplicationFactory(
        cohort=cohort,
        candidate=candidate,
        submitted=True,
        first_name="Élodie",
        last_name="Dupré",
        email="e.dupre@perso.example",
    )


@pytest.fixture
def others(cohort):
    return [
        ApplicationFactory(cohort=cohort, submitted=True, first_name=first, last_name=last)
        for first, last in [("Elodie", "Dupont"), ("Marc", "Dupré-Laval"), ("Dupré", "Élodie")]
    ]


def search(client, reviewer, query):
    return client.get(f"/jury/{reviewer.cohort.number}/conflits/", {"q": query})


def found_names(response):
    return [application.full_name for application in response.context["found"]]


def test_a_whole_name_or_address_matches_ignoring_case_accents_and_spaces():
    person = {"first_name": "Élodie", "last_name": "Dupré", "emails": ["E.Dupre@example.fr", ""]}

    assert names_exactly("elodie dupre", **person)
    assert names_exactly("  DUPRÉ   Élodie ", **person)
    assert names_exactly("e.dupre@EXAMPLE.fr", **person)
    assert not names_exactly("dupre", **person)
    assert not names_exactly("elodie dupr", **person)
    assert not names_exactly("example.fr", **person)
    assert not names_exactly("", **person)


@pytest.mark.parametrize(
    "query",
    [
        "élodie dupré",
        "ELODIE DUPRE",
        "Dupré Élodie",
        "e.dupre@perso.example",
        "Elodie.Dupre@example.fr",
    ],
)
def test_the_search_finds_the_person_by_full_name_or_address(client, bob, elodie, others, query):
    client.force_login(bob.user)

    response = search(client, bob, query)

    assert response.status_code == 200
    names = found_names(response)
    assert "Élodie Dupré" in names
    assert "Elodie Dupont" not in names and "Marc Dupré-Laval" not in names


@pytest.mark.parametrize("query", ["dupr", "Élodie", "Dupré", "dupre@perso", "example.fr"])
def test_a_part_of_a_name_or_address_finds_no_one(client, bob, elodie, others, query):
    client.force_login(bob.user)

    response = search(client, bob, query)

    assert found_names(response) == []
    assert "Aucune personne candidate ne porte exactement ce nom" in response.content.decode()


def test_a_name_given_either_way_round_finds_both_people_who_bear_it(client, bob, elodie, others):
    client.force_login(bob.user)

    # Élodie Dupré, and Dupré Élodie whose first name is Dupré.
    assert sorted(found_names(search(client, bob, "elodie dupre"))) == [
        "Dupré Élodie",
        "Élodie Dupré",
    ]


def test_searches_are_limited_per_hour_with_a_message_next_to_the_field(
    client, bob, elodie, settings
):
    settings.CONFLICT_SEARCHES_PER_HOUR = 3
    client.force_login(bob.user)
    for query in ["Jean Valjean", "Cosette Fauchelevent", "Marius Pontmercy"]:
        assert search(client, bob, query).status_code == 200

    refused = search(client, bob, "Élodie Dupré")

    assert refused.status_code == 200
    assert found_names(refused) == []
    page = refused.content.decode()
    assert "Vous avez fait 3 recherches dans l’heure, le maximum" in page
    assert "fr-input-group--error" in page
    entries = AuditEntry.objects.filter(action=Action.CONFLICTS_SEARCHED, actor=bob.user)
    assert sorted(entry.data["query"] for entry in entries) == [
        "Cosette Fauchelevent",
        "Jean Valjean",
        "Marius Pontmercy",
    ]

    # An hour later the searches count no more.
    entries.update(created_at=timezone.now() - datetime.timedelta(minutes=61))
    assert found_names(search(client, bob, "Élodie Dupré")) == ["Élodie Dupré"]


def test_an_empty_page_is_no_search(client, bob, settings):
    settings.CONFLICT_SEARCHES_PER_HOUR = 1
    client.force_login(bob.user)

    for _ in range(3):
        assert client.get(f"/jury/{bob.cohort.number}/conflits/").status_code == 200

    assert not AuditEntry.objects.filter(action=Action.CONFLICTS_SEARCHED).exists()
