"""Nothing valid is lost: the valid rows of a step are saved when another row is refused, the
page says exactly what was saved and what was not, and two tabs keep the latest save."""

import re

import pytest

from eig.applications.models import Application
from tests.applications.helpers import (
    background_data,
    choices_data,
    management,
    motivation_data,
    pdf_upload,
    start,
    step_url,
)
from tests.factories import ApplicationFactory

LATER = {"start_year": 2023, "end_year": 2020}  # the end before the start: refused


def experiences_of(alice):
    return [
        (experience.position, experience.title)
        for experience in Application.objects.get(candidate=alice).experiences.all()
    ]


def test_valid_experiences_are_saved_when_another_is_refused(alice_client, alice, cohort):
    start(alice_client, cohort)

    response = alice_client.post(
        step_url(cohort, "parcours"),
        background_data(
            experiences=[
                {"title": "Développeuse"},
                {"title": "Cheffe de projet"},
                {"title": "Consultante", **LATER},
            ]
        ),
    )

    page = response.content.decode()
    assert (
        "2 expériences enregistrées ; la 3ᵉ n’est pas enregistrée : "
        "L’année de fin doit suivre l’année de début."
    ) in page
    assert 'value="Consultante"' in page  # what was typed is shown again
    assert experiences_of(alice) == [(1, "Développeuse"), (2, "Cheffe de projet")]


def test_a_refused_row_keeps_its_version_saved_before(alice_client, alice, cohort):
    start(alice_client, cohort)
    url = step_url(cohort, "parcours")
    alice_client.post(url, background_data(experiences=[{"title": "Avant"}, {"title": "Deux"}]))

    alice_client.post(
        url,
        background_data(
            experiences=[{"title": "Après", **LATER}, {"title": "Deux bis"}], initial=2
        ),
    )

    assert experiences_of(alice) == [(1, "Avant"), (2, "Deux bis")]


def test_valid_choices_are_saved_when_another_is_refused(alice_client, alice, cohort, challenges):
    start(alice_client, cohort)

    response = alice_client.post(
        step_url(cohort, "defis"),
        choices_data((challenges[0], "Premier"), (challenges[1], "x" * 1501)),
    )

    assert "1 choix de défi enregistré ; le choix 2 n’est pas enregistré : " in (
        response.content.decode()
    )
    choices = Application.objects.get(candidate=alice).choices.all()
    assert [(choice.rank, choice.challenge) for choice in choices] == [(1, challenges[0])]


def test_a_refused_choice_never_doubles_a_defi_chosen_in_a_valid_row(
    alice_client, alice, cohort, challenges
):
    start(alice_client, cohort)
    url = step_url(cohort, "defis")
    alice_client.post(url, choices_data((challenges[0], "Un")))

    # Row 1, saved with défi 0, is now refused; row 2 takes défi 0.
    alice_client.post(url, choices_data((None, "Sans défi"), (challenges[0], "Un ailleurs")))

    choices = Application.objects.get(candidate=alice).choices.all()
    assert [(choice.challenge, choice.contribution) for choice in choices] == [
        (challenges[0], "Un ailleurs")
    ]


def test_autosave_says_what_was_saved_and_what_was_not(alice_client, alice, cohort):
    start(alice_client, cohort)

    answer = alice_client.post(
        step_url(cohort, "parcours") + "brouillon/",
        background_data(experiences=[{"title": "Une"}, {"title": "Deux", **LATER}]),
    ).json()

    assert answer["saved"] is False
    assert "1 expérience enregistrée ; la 2ᵉ n’est pas enregistrée" in answer["message"]
    assert experiences_of(alice) == [(1, "Une")]


def test_a_forged_list_changes_nothing_stored(alice_client, alice, cohort):
    start(alice_client, cohort)
    url = step_url(cohort, "parcours")
    alice_client.post(url, background_data(experiences=[{"title": "Gardée"}]))
    data = background_data()
    del data["experiences-TOTAL_FORMS"]

    response = alice_client.post(url, data)

    assert response.status_code == 200
    assert experiences_of(alice) == [(1, "Gardée")]


def test_the_error_summary_links_each_field_and_takes_the_focus(alice_client, cohort):
    start(alice_client, cohort)

    page = alice_client.post(
        step_url(cohort, "parcours"),
        background_data(code_forge_url="pas une adresse", experiences=[{"title": "Deux", **LATER}]),
    ).content.decode()

    summary = re.search(r'<div [^>]*id="error-summary".*?</div>', page, re.S)[0]
    assert 'tabindex="-1"' in summary
    assert "2 réponses sont à corriger" in summary
    assert '<a href="#id_code_forge_url">Forge de code (GitHub, GitLab…) : ' in summary
    assert (
        '<a href="#id_experiences-0-end_year">Expérience 1 — Année de fin : '
        "L’année de fin doit suivre l’année de début.</a>"
    ) in summary
    assert 'id="id_experiences-0-end_year"' in page
    assert "applications/step_form.js" in page


def test_radio_buttons_in_error_are_reached_by_the_first(alice_client, alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)
    assert application.profile

    page = alice_client.post(
        step_url(cohort, "identite"),
        {"first_name": "Alice", "last_name": "M", "email": "alice@example.fr", "profile": ""},
    ).content.decode()

    assert '<a href="#id_profile_0">Votre profil : ' in page
    assert 'id="id_profile_0"' in page


def test_enter_in_a_field_saves_and_continues(alice_client, cohort):
    start(alice_client, cohort)

    page = alice_client.get(step_url(cohort, "parcours")).content.decode()

    form = re.search(r"<form [^>]*data-autosave-url.*?</form>", page, re.S)[0]
    first_button = re.search(r"<button [^>]*>", form)[0]
    assert 'type="submit"' in first_button
    assert 'value="next"' in first_button  # the default button, not « ajouter une expérience »
    assert "hidden" in first_button


def test_a_text_over_its_limit_is_refused_and_kept_on_the_page(alice_client, alice, cohort):
    start(alice_client, cohort)
    pasted = "y" * 2050

    page = alice_client.post(
        step_url(cohort, "motivation"), motivation_data(motivation=pasted)
    ).content.decode()

    assert "au plus 2000 caractères (actuellement 2050)" in page
    assert pasted in page
    assert 'data-counter-over="{count} / {limit} caractères : {over} de trop' in page


def test_step_2_says_the_experience_rule_up_front_and_checks_it(alice_client, alice, cohort):
    start(alice_client, cohort)
    url = step_url(cohort, "parcours")

    page = alice_client.get(url).content.decode()
    response = alice_client.post(url, background_data(), follow=True)

    assert "Pour déposer la candidature : au moins une expérience ici" in page
    assert (
        "Pour déposer la candidature, décrivez au moins une expérience, ou vos expériences en "
        "texte libre."
    ) in response.content.decode()
    assert response.redirect_chain[-1][0] == step_url(cohort, "cv")  # a draft moves on
    follow = alice_client.post(url, background_data(experiences_text="Dix ans."), follow=True)
    assert "décrivez au moins une expérience" not in follow.content.decode()


def test_a_submitted_application_is_refused_without_experience_nor_free_text(
    alice_client, alice, cohort
):
    ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)

    page = alice_client.post(step_url(cohort, "parcours"), background_data()).content.decode()

    assert "décrivez au moins une expérience, ou vos expériences en texte libre" in page
    assert Application.objects.get(candidate=alice).experiences_text


def test_a_cv_over_the_limit_is_an_error_on_the_step_not_a_dead_end(
    alice_client, alice, cohort, settings
):
    start(alice_client, cohort)
    heavy = pdf_upload(b"%PDF-1.4\n" + b"0" * (6 * 1024 * 1024))

    response = alice_client.post(step_url(cohort, "cv"), {"cv": heavy})

    assert response.status_code == 413
    page = response.content.decode()
    assert 'id="error-summary"' in page
    assert '<a href="#id_cv">Le fichier envoyé dépasse 5' in page
    assert "fr-upload-group--error" in page
    assert 'name="cv"' in page  # the form, to choose another file
    assert not Application.objects.get(candidate=alice).cv


def test_the_cv_field_carries_what_the_browser_checks(alice_client, cohort):
    start(alice_client, cohort)

    page = alice_client.get(step_url(cohort, "cv")).content.decode()

    assert 'data-max-bytes="5242880"' in page
    assert "data-too-large=" in page and "data-not-pdf=" in page


# --- Two tabs ---------------------------------------------------------------------------------


def test_two_tabs_keep_the_latest_save_and_say_so(alice_client, alice, cohort):
    start(alice_client, cohort)
    url = step_url(cohort, "motivation")
    page = alice_client.get(url).content.decode()
    loaded = re.search(r'name="version" value="(\d+)"', page)[1]
    # The other tab saves the step first.
    alice_client.post(url, motivation_data(motivation="Depuis l’autre onglet.", version=loaded))

    response = alice_client.post(
        url, motivation_data(motivation="Dernière saisie.", version=loaded), follow=True
    )

    assert Application.objects.get(candidate=alice).motivation == "Dernière saisie."
    assert re.search(
        r"modifiée dans un autre onglet à \d{1,2} h \d\d ; votre dernière saisie de cette étape "
        r"a été enregistrée",
        response.content.decode(),
    )


def test_a_tab_that_autosaved_is_not_taken_for_another(alice_client, alice, cohort):
    start(alice_client, cohort)
    url = step_url(cohort, "motivation")
    loaded = re.search(r'name="version" value="(\d+)"', alice_client.get(url).content.decode())[1]

    answer = alice_client.post(url + "brouillon/", motivation_data(version=loaded)).json()
    again = alice_client.post(url + "brouillon/", motivation_data(version=answer["version"]))

    assert answer["version"] != loaded
    assert "autre onglet" not in answer["message"]
    assert "autre onglet" not in again.json()["message"]
    stale = alice_client.post(url + "brouillon/", motivation_data(version=loaded)).json()
    assert "modifiée dans un autre onglet" in stale["message"]


@pytest.mark.parametrize("rows", [6])
def test_too_many_rows_change_nothing_stored(alice_client, alice, cohort, rows):
    start(alice_client, cohort)
    url = step_url(cohort, "parcours")
    alice_client.post(url, background_data(experiences=[{"title": "Gardée"}]))
    data = background_data(experiences=[{"title": f"Poste {n}"} for n in range(rows)])
    data |= management("experiences", rows)

    alice_client.post(url, data)

    assert experiences_of(alice) == [(1, "Gardée")]


def test_a_submitted_application_with_a_refused_experience_is_refused_whole(
    alice_client, alice, cohort
):
    ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)

    response = alice_client.post(
        step_url(cohort, "parcours"),
        background_data(experiences=[{"title": "Une", **LATER}, {"title": "Deux", "DELETE": "on"}]),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "L’année de fin doit suivre l’année de début." in page
    assert "Rien n’est enregistré tant que l’étape n’est pas complète" in page
    assert not Application.objects.get(candidate=alice).experiences.exists()
