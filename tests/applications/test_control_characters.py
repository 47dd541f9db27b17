"""A control character typed in the application form: refused next to its field, nothing lost."""

from eig.applications.models import Application
from tests.applications.helpers import (
    identity_data,
    motivation_data,
    start,
    step_url,
)


def test_a_control_character_is_refused_next_to_its_field_and_the_rest_is_saved(
    alice_client, cohort
):
    start(alice_client, cohort)

    response = alice_client.post(
        step_url(cohort, "identite"),
        identity_data(first_name="Ali\nce", city="Lyon\x07", last_name="Martin-Dupré"),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Ce champ contient un retour à la ligne après « Ali »" in page
    assert "Ce champ contient un caractère invisible (U+0007) après « Lyon »" in page
    # What was typed is shown again, to be corrected rather than typed anew.
    assert 'value="Ali\nce"' in page
    draft = Application.objects.get(candidate__username="alice@example.fr")
    assert draft.last_name == "Martin-Dupré"
    assert draft.first_name != "Ali\nce"
    assert draft.city != "Lyon\x07"


def test_a_long_answer_keeps_its_line_breaks_and_tabs(alice_client, cohort):
    start(alice_client, cohort)

    alice_client.post(
        step_url(cohort, "motivation"),
        motivation_data(motivation="Premier point :\r\n\t- le logiciel libre"),
    )

    draft = Application.objects.get(candidate__username="alice@example.fr")
    assert draft.motivation == "Premier point :\n\t- le logiciel libre"


def test_a_long_answer_refuses_other_control_characters(alice_client, cohort):
    start(alice_client, cohort)

    response = alice_client.post(
        step_url(cohort, "motivation"),
        motivation_data(motivation="Copié de Word :\x0bune ligne"),
    )

    assert "un caractère invisible (U+000B) après « Copié de Word : »" in response.content.decode()
    draft = Application.objects.get(candidate__username="alice@example.fr")
    assert draft.motivation == ""
    assert draft.administration_fit == "En partant des besoins des agents."
