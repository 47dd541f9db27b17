"""The journal's filters: by action, by object, by author; a wrong value is an error, not a 500."""

import pytest

from eig.audit.models import Action
from eig.audit.services import record
from tests.factories import ApplicationFactory

JOURNAL = "/equipe/journal/"


@pytest.fixture
def journal(team_client, alice, bob, carol, cohort):
    """Carol of the team reads a journal where Bob viewed Alice's application and she released."""
    alices = ApplicationFactory(cohort=cohort, candidate=alice)
    record(action=Action.APPLICATION_VIEWED, actor=bob.user, target=alices)
    record(action=Action.ASSIGNMENT_RELEASED, actor=carol, target=cohort)
    record(action=Action.SIGN_IN_FAILED, actor=None, data={"identifier": "bob@jury.example.org"})
    return {"client": team_client, "alice": alices, "cohort": cohort}


def rows(response):
    """The (who, action code) of each row shown, sign-ins of the test client left aside."""
    return [
        (entry.actor_label, entry.action)
        for entry in response.context["page"]
        if entry.action != Action.SIGNED_IN
    ]


def test_the_action_filter_is_a_select_of_the_labels(journal):
    response = journal["client"].get(JOURNAL, {"action": Action.ASSIGNMENT_RELEASED})

    assert rows(response) == [("carol@equipe.example", Action.ASSIGNMENT_RELEASED)]
    html = response.content.decode()
    assert '<select name="action"' in html
    assert f'<option value="{Action.SIGN_IN_FAILED.value}">' in html
    assert str(Action.SIGN_IN_FAILED.label) in html


def test_the_object_filter_keeps_the_entries_about_one_object(journal):
    response = journal["client"].get(JOURNAL, {"objet": str(journal["alice"].public_id)})

    assert rows(response) == [("bob@jury.example.org", Action.APPLICATION_VIEWED)]


def test_the_author_filter_finds_their_actions_and_the_failed_sign_ins_on_their_address(journal):
    response = journal["client"].get(JOURNAL, {"auteur": "Bob@Jury.example.org"})

    assert sorted(rows(response)) == [
        ("", Action.SIGN_IN_FAILED),
        ("bob@jury.example.org", Action.APPLICATION_VIEWED),
    ]


def test_filters_combine(journal):
    response = journal["client"].get(
        JOURNAL, {"auteur": "bob@jury.example.org", "action": Action.SIGN_IN_FAILED}
    )

    assert rows(response) == [("", Action.SIGN_IN_FAILED)]


@pytest.mark.parametrize(
    "query, message",
    [
        ({"action": "application.nimportequoi"}, "Sélectionnez un choix valide"),
        ({"auteur": "pas-une-adresse"}, "Saisissez une adresse e-mail complète."),
        ({"objet": "x" * 65}, "Saisissez 64 caractères au plus."),
    ],
)
def test_a_wrong_filter_value_is_an_error_next_to_its_field(journal, query, message):
    response = journal["client"].get(JOURNAL, query)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "fr-select-group--error" in html or "fr-input-group--error" in html
    assert list(response.context["page"]) == []
    if "action" not in query:  # a select has no option for an unknown code
        assert next(iter(query.values())) in html  # what was typed stays in its field
