"""Nothing is lost: each step saves as a draft, even incomplete, and everything comes back."""

import re

from django.test import Client

from eig.applications.models import Application
from eig.challenges.models import Challenge
from tests.applications.helpers import (
    background_data,
    choices_data,
    identity_data,
    motivation_data,
    pdf_upload,
    start,
    step_url,
)
from tests.factories import ChallengeFactory, small_pdf


def test_an_incomplete_step_is_saved_as_it_is(alice_client, alice, cohort):
    start(alice_client, cohort)

    response = alice_client.post(
        step_url(cohort, "identite"), {"first_name": "Alice", "navigation": "next"}
    )

    assert response["Location"] == step_url(cohort, "parcours")
    application = Application.objects.get(candidate=alice)
    assert application.first_name == "Alice"
    assert application.last_name == ""
    assert application.last_step == "identity"


def test_going_back_saves_the_step_too(alice_client, alice, cohort):
    start(alice_client, cohort)

    response = alice_client.post(
        step_url(cohort, "motivation"), motivation_data(navigation="previous")
    )

    assert response["Location"] == step_url(cohort, "cv")
    assert Application.objects.get(candidate=alice).motivation.startswith("Contribuer")


def test_invalid_fields_are_shown_with_what_was_typed_and_the_rest_is_saved(
    alice_client, alice, cohort
):
    start(alice_client, cohort)

    response = alice_client.post(
        step_url(cohort, "identite"),
        identity_data(email="pas-une-adresse", phone="abc", years_of_experience="99"),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Erreur : Identité et contact" in page
    assert 'value="pas-une-adresse"' in page
    assert "Saisissez un numéro de téléphone" in page
    assert "inférieure ou égale à 60" in page
    assert 'aria-invalid="true"' in page
    application = Application.objects.get(candidate=alice)
    assert application.city == "Lyon"  # valid, hence saved
    assert application.email == "alice@example.fr"  # invalid, hence not saved


def test_closing_the_browser_and_coming_back_restores_everything(alice, cohort, challenges):
    first_visit = Client()
    first_visit.force_login(alice)
    start(first_visit, cohort)
    first_visit.post(step_url(cohort, "identite"), identity_data(city="Brest"))
    first_visit.post(
        step_url(cohort, "parcours"),
        background_data(experiences=[{"title": "Designer", "organisation": "Agence"}]),
    )
    first_visit.post(step_url(cohort, "cv"), {"cv": pdf_upload(name="Mon CV.pdf")})
    first_visit.post(step_url(cohort, "defis"), choices_data((challenges[2], "Mon regard.")))

    later = Client()
    later.force_login(alice)

    assert 'value="Brest"' in later.get(step_url(cohort, "identite")).content.decode()
    background = later.get(step_url(cohort, "parcours")).content.decode()
    assert 'value="Designer"' in background
    assert 'value="Agence"' in background
    cv_page = later.get(step_url(cohort, "cv")).content.decode()
    assert "Télécharger le CV « Mon CV.pdf »" in cv_page
    assert "PDF – 1 ko" in cv_page
    application = Application.objects.get(candidate=alice)
    assert f'href="/mon-espace/candidatures/{application.public_id}/cv/"' in cv_page
    assert later.get(f"/mon-espace/candidatures/{application.public_id}/cv/").getvalue() == (
        small_pdf()
    )
    choices = later.get(step_url(cohort, "defis")).content.decode()
    assert f'<option value="{challenges[2].pk}" selected>' in choices
    assert "Mon regard." in choices


def test_autosave_saves_the_step_and_says_when(alice_client, alice, cohort):
    start(alice_client, cohort)

    response = alice_client.post(
        step_url(cohort, "motivation") + "brouillon/", motivation_data(administration_fit="")
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    answer = response.json()
    assert answer["saved"] is True
    assert re.fullmatch(r"Brouillon enregistré à \d{1,2} h \d\d", answer["message"])
    assert Application.objects.get(candidate=alice).motivation.startswith("Contribuer")


def test_autosave_keeps_the_valid_fields_of_a_step_with_errors(alice_client, alice, cohort):
    start(alice_client, cohort)

    answer = alice_client.post(
        step_url(cohort, "identite") + "brouillon/", identity_data(email="faux", city="Dijon")
    ).json()

    assert answer["saved"] is False
    assert answer["message"].endswith("sauf les champs à corriger.")
    assert Application.objects.get(candidate=alice).city == "Dijon"


def test_autosave_takes_only_posts_of_known_steps(alice_client, alice, cohort):
    start(alice_client, cohort)

    assert alice_client.get(step_url(cohort, "identite") + "brouillon/").status_code == 405
    assert alice_client.post(step_url(cohort, "inconnue") + "brouillon/").status_code == 404
    assert alice_client.post("/candidater/3/recapitulatif/brouillon/").status_code == 404


def test_step_pages_load_the_counter_and_autosave_scripts(alice_client, cohort):
    start(alice_client, cohort)

    page = alice_client.get(step_url(cohort, "motivation")).content.decode()

    # No `maxlength`, which cuts a pasted text silently: the counter and the server warn.
    assert 'data-maxlength="2000"' in page
    assert not [tag for tag in re.findall(r"<textarea[^>]*>", page) if " maxlength=" in tag]
    assert "2000 caractères au maximum." in page
    assert 'data-counter-text="{count} / {limit} caractères"' in page
    assert 'data-autosave-url="/candidater/3/motivation/brouillon/"' in page
    assert 'role="status" aria-live="polite"' in page
    assert "applications/char_counter.js" in page
    assert "applications/autosave.js" in page


def test_text_limits_are_checked_on_the_server_and_line_breaks_count_once(
    alice_client, alice, cohort
):
    start(alice_client, cohort)
    # 2000 characters once each CRLF counts as one, as the browser counts it
    at_the_limit = ("x" * 9 + "\r\n") * 199 + "x" * 10
    too_long = "x" * 2001

    saved = alice_client.post(
        step_url(cohort, "motivation"), motivation_data(motivation=at_the_limit)
    )
    refused = alice_client.post(
        step_url(cohort, "motivation"),
        motivation_data(motivation=at_the_limit, administration_fit=too_long),
    )

    assert saved.status_code == 302
    assert "au plus 2000 caractères (actuellement 2001)" in refused.content.decode()
    application = Application.objects.get(candidate=alice)
    assert len(application.motivation) == 2000
    assert application.administration_fit == "En partant des besoins des agents."


def test_experiences_can_be_added_removed_and_are_checked(alice_client, alice, cohort):
    start(alice_client, cohort)
    url = step_url(cohort, "parcours")

    response = alice_client.post(
        url,
        background_data(
            experiences=[{"title": "Data scientist", "start_year": 2019, "end_year": 2022}],
            navigation="stay",
        ),
    )
    assert response["Location"] == url + "#parcours"
    page = alice_client.get(url).content.decode()
    assert 'value="Data scientist"' in page
    assert 'name="experiences-1-title"' in page  # a new empty row to fill

    response = alice_client.post(
        url,
        background_data(
            experiences=[
                {"title": "Data scientist", "start_year": 2019, "end_year": 2022, "DELETE": "on"},
                {"title": "Cheffe de projet", "start_year": 2023, "end_year": 2020},
            ],
            initial=1,
        ),
    )
    # The removal is saved; the refused row is not, and the page says so.
    assert "L’année de fin doit suivre l’année de début." in response.content.decode()
    assert (
        "Aucune expérience enregistrée ; la 2ᵉ n’est pas enregistrée : "
        "L’année de fin doit suivre l’année de début."
    ) in response.content.decode()
    assert not Application.objects.get(candidate=alice).experiences.exists()

    alice_client.post(
        url,
        background_data(
            experiences=[
                {"title": "Data scientist", "DELETE": "on"},
                {"title": "Cheffe de projet", "start_year": 2023},
            ],
            initial=1,
        ),
    )
    experiences = Application.objects.get(candidate=alice).experiences.all()
    assert [(e.position, e.title, e.start_year) for e in experiences] == [
        (1, "Cheffe de projet", 2023)
    ]


def test_no_more_than_five_experiences(alice_client, alice, cohort):
    start(alice_client, cohort)
    six = [{"title": f"Poste {number}"} for number in range(6)]

    alice_client.post(step_url(cohort, "parcours"), background_data(experiences=six))

    assert not Application.objects.get(candidate=alice).experiences.exists()


def test_choices_are_ranked_in_order_and_checked(alice_client, alice, cohort, challenges):
    start(alice_client, cohort)
    url = step_url(cohort, "defis")

    twice = alice_client.post(url, choices_data((challenges[0], "a"), (challenges[0], "b")))
    orphan = alice_client.post(url, choices_data((None, "Sans défi")))
    alice_client.post(url, choices_data((challenges[3], "Quatre"), (challenges[1], "Deux")))

    assert "Vous avez déjà choisi ce défi." in twice.content.decode()
    assert "Choisissez le défi auquel se rapporte ce texte." in orphan.content.decode()
    choices = Application.objects.get(candidate=alice).choices.all()
    assert [(c.rank, c.challenge, c.contribution) for c in choices] == [
        (1, challenges[3], "Quatre"),
        (2, challenges[1], "Deux"),
    ]


def test_challenges_of_other_cohorts_or_not_open_are_not_offered(
    alice_client, alice, cohort, challenges
):
    draft = ChallengeFactory(cohort=cohort, status=Challenge.Status.DRAFT)
    elsewhere = ChallengeFactory()
    start(alice_client, cohort)

    page = alice_client.get(step_url(cohort, "defis")).content.decode()
    response = alice_client.post(step_url(cohort, "defis"), choices_data((elsewhere, "x")))

    assert f'value="{draft.pk}"' not in page
    assert f'value="{elsewhere.pk}"' not in page
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Application.objects.get(candidate=alice).choices.exists()
