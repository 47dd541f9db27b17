"""A candidate applies in Chromium: signs in by e-mail link, fills every step, leaves, comes back
to find everything, submits. Every page is checked with axe-core (WCAG 2.1 AA)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from tests.factories import CandidateFactory, ChallengeFactory, OpenCallCohortFactory, small_pdf

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
LINK = re.compile(r"/connexion/lien/[\w-]+/")


@pytest.fixture
def open_call(transactional_db, live_server):
    cohort = OpenCallCohortFactory(number=3)
    for number in (1, 2):
        ChallengeFactory(cohort=cohort, slug=f"defi-{number}", name=f"Défi ouvert {number}")
    CandidateFactory(username="alice@example.fr", first_name="Alice", last_name="Martin")
    return live_server.url


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def sign_in(page, site, email="alice@example.fr"):
    """The real way in: ask for a link on /connexion/, open it from the e-mail, confirm."""
    page.goto(site + "/connexion/?next=/candidater/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_role("button", name="Recevoir un lien de connexion").click()
    page.wait_for_url("**/connexion/envoye/")
    page.goto(site + LINK.search(mail.outbox[-1].body).group())
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/candidater/")


def next_step(page):
    page.get_by_role("button", name="Enregistrer et continuer").click()


def test_a_candidate_applies_leaves_comes_back_and_submits(browser, page, open_call, tmp_path):
    site = open_call
    cv = tmp_path / "CV Alice Martin.pdf"
    cv.write_bytes(small_pdf())

    sign_in(page, site)
    assert_accessible(page)
    page.get_by_role("button", name="Commencer ma candidature").click()

    page.wait_for_url("**/candidater/3/identite/")
    assert page.get_by_label("Adresse e-mail de contact").input_value() == "alice@example.fr"
    page.get_by_label("Téléphone").fill("06 12 34 56 78")
    page.get_by_label("Ville de résidence").fill("Lyon")
    page.get_by_text("Développement", exact=True).click()
    page.get_by_label("Années d’expérience professionnelle").fill("6")
    assert_accessible(page)
    next_step(page)

    page.wait_for_url("**/candidater/3/parcours/")
    page.get_by_label("Votre parcours").fill("Développeuse web, puis cheffe de projet.")
    assert page.locator("#id_background-counter").inner_text() == "40 / 3\u202f000 caractères"
    page.get_by_label("Intitulé du poste ou du projet").fill("Développeuse")
    page.get_by_label("Forge de code (GitHub, GitLab…) (Optionnel)").fill("https://forge.example/a")
    assert_accessible(page)
    next_step(page)

    page.wait_for_url("**/candidater/3/cv/")
    page.get_by_label("Votre CV").set_input_files(cv)
    assert_accessible(page)
    next_step(page)

    page.wait_for_url("**/candidater/3/motivation/")
    page.get_by_label("Pourquoi voulez-vous").fill("Le logiciel libre, au service de tous.")
    page.get_by_label("Comment travailleriez-vous").fill("Avec les agents, pas à leur place.")
    assert_accessible(page)
    next_step(page)

    page.wait_for_url("**/candidater/3/defis/")
    page.locator("#id_choices-0-challenge").select_option(label="Défi ouvert 2")
    page.locator("#id_choices-0-contribution").fill("Dix ans de web.")
    assert_accessible(page)
    next_step(page)

    page.wait_for_url("**/candidater/3/binome/")
    page.get_by_label("Avec qui aimeriez-vous faire équipe ?").fill("Bob Durand")
    # No button: the page is hidden as when the tab is closed, and the draft saves itself.
    page.evaluate(
        "() => { Object.defineProperty(document, 'visibilityState', {value: 'hidden'});"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    page.get_by_text(re.compile(r"Brouillon enregistré à \d{1,2} h \d\d")).wait_for()
    assert_accessible(page)

    page.goto(site + "/candidater/3/eligibilite/")
    for checkbox in page.locator("input[type=checkbox]").all():
        checkbox.check(force=True)  # the DSFR draws the box over the input
    assert_accessible(page)
    next_step(page)
    page.wait_for_url("**/candidater/3/recapitulatif/")
    page.context.close()

    # Another day, another browser: everything is there.
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, site)
    page.get_by_role("button", name="Reprendre ma candidature").click()
    page.wait_for_url("**/candidater/3/eligibilite/")  # the last step saved
    assert page.locator("input[type=checkbox]:checked").count() == 5
    page.get_by_role("button", name="Enregistrer et continuer").click()
    page.wait_for_url("**/candidater/3/recapitulatif/")
    assert page.get_by_text("Votre candidature est complète").is_visible()
    for text in ["Lyon", "Développeuse web", "Le logiciel libre", "Défi ouvert 2", "Bob Durand"]:
        assert page.get_by_text(text).first.is_visible(), text
    assert page.get_by_role("link", name=re.compile("Télécharger le CV « CV Alice Martin.pdf »"))
    assert_accessible(page)

    page.goto(site + "/candidater/3/cv/")
    assert page.get_by_text("Votre CV est enregistré").is_visible()
    page.goto(site + "/candidater/3/binome/")
    assert page.get_by_label("Avec qui aimeriez-vous faire équipe ?").input_value() == "Bob Durand"

    page.goto(site + "/candidater/3/recapitulatif/")
    page.get_by_role("button", name="Déposer ma candidature").click()
    page.wait_for_url("**/candidater/3/confirmation/")
    assert page.locator("h1").inner_text() == "Votre candidature est déposée"
    assert_accessible(page)
    assert mail.outbox[-1].subject.startswith("Votre candidature est déposée")

    page.get_by_role("link", name="Aller à mon espace").click()
    page.wait_for_url("**/mon-espace/")
    assert page.get_by_text("déposée", exact=True).is_visible()
    assert_accessible(page)
    context.close()


def test_errors_are_shown_accessibly(page, open_call):
    site = open_call
    sign_in(page, site)
    page.get_by_role("button", name="Commencer ma candidature").click()
    page.wait_for_url("**/candidater/3/identite/")

    page.get_by_label("Adresse e-mail de contact").fill("pas-une-adresse")
    page.get_by_label("Téléphone").fill("abc")
    next_step(page)

    assert page.title().startswith("Erreur : ")
    # Under the field, and as a link to it in the summary at the top, which has the focus.
    assert (
        page.locator(".fr-error-text").get_by_text("Saisissez un numéro de téléphone").is_visible()
    )
    assert page.get_by_role("link", name=re.compile("Téléphone : Saisissez un numéro")).is_visible()
    assert page.locator("#error-summary").evaluate("element => element === document.activeElement")
    assert page.get_by_label("Adresse e-mail de contact").input_value() == "pas-une-adresse"
    assert_accessible(page)
