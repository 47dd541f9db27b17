"""The deadline is the candidate's, in Chromium at 390 px: Alice submits; the team tries to find
her application recevable while the call is open and is refused, with the reason; Alice still
changes it, submits it again, reads its history and downloads the receipt of what she submitted.
Each page is checked with axe-core."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from pypdf import PdfReader

from tests.factories import ApplicationFactory, CandidateFactory, OpenCallCohortFactory

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PHONE = {"width": 390, "height": 844}


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def sign_in(page, site, user):
    """A session made by Django's test client, handed to Chromium as its cookie."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.clear_cookies()
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": site}])


def test_the_team_waits_for_the_closing_and_the_candidate_edits_and_submits_again(
    page, transactional_db, live_server
):
    site = live_server.url
    cohort = OpenCallCohortFactory(number=3)
    alice = CandidateFactory(username="alice@example.fr", first_name="Alice", last_name="Martin")
    team = CandidateFactory(username="carol@equipe.example", programme_team=True)
    application = ApplicationFactory(cohort=cohort, candidate=alice, complete=True)
    page.set_viewport_size(PHONE)

    # Alice submits.
    sign_in(page, site, alice)
    page.goto(site + "/candidater/3/recapitulatif/")
    page.get_by_role("button", name="Déposer ma candidature").click()
    page.wait_for_url("**/candidater/3/confirmation/")
    assert page.locator(".submission-history").inner_text().startswith("Déposée le ")
    assert_accessible(page)

    # The team tries « recevable » on the list's bulk move: refused, and told why.
    sign_in(page, site, team)
    page.goto(
        site + f"/equipe/candidatures/etat/?candidatures={application.public_id}&vers=eligible"
    )
    assert page.get_by_text(
        re.compile("L’appel à candidatures est ouvert jusqu’au")
    ).first.is_visible()
    assert page.get_by_text(
        re.compile("reste modifiable par la personne candidate")
    ).first.is_visible()
    assert_accessible(page)
    # On the application's page, only « irrecevable » is offered, and the page says why.
    page.goto(site + f"/equipe/candidatures/{application.public_id}/")
    assert page.locator("#moves-wait").is_visible()
    options = page.locator("#move-form select option").all_inner_texts()
    assert [option for option in options if option.strip()] == ["Irrecevable"]
    assert_accessible(page)

    # Alice still changes her application: Enter in a field saves and goes on.
    sign_in(page, site, alice)
    page.goto(site + "/mon-espace/")
    page.get_by_role("link", name="Modifier ma candidature").click()
    page.wait_for_url("**/candidater/3/recapitulatif/")
    page.goto(site + "/candidater/3/motivation/")
    motivation = page.get_by_label("Pourquoi voulez-vous")
    motivation.fill("Le logiciel libre, et l’intérêt général avant tout.")
    counter = page.locator("#id_motivation-counter")
    assert re.fullmatch(r"\d+ / 2\u202f000 caractères", counter.inner_text())
    motivation.fill("x" * 2050)
    assert "50 de trop" in counter.inner_text()
    motivation.fill("Le logiciel libre, et l’intérêt général avant tout.")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer et continuer").click()
    page.wait_for_url("**/candidater/3/defis/")
    assert page.get_by_text("Vos modifications sont enregistrées.").is_visible()

    page.goto(site + "/candidater/3/recapitulatif/")
    assert page.get_by_text("Modifiée depuis votre dernier dépôt").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Redéposer ma candidature").click()
    page.wait_for_url("**/candidater/3/confirmation/")
    history = page.locator(".submission-history").inner_text()
    assert re.match(r"Déposée le .+, modifiée et redéposée le .+", history), history

    page.goto(site + "/mon-espace/")
    assert ", modifiée et redéposée le " in page.locator(".submission-history").inner_text()
    assert_accessible(page)

    # Her space gives the receipt of what she submitted last.
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Télécharger le récépissé")).click()
    download = download_info.value
    assert download.suggested_filename == (
        f"recepisse-promotion-3-{application.public_id.hex[:8]}.pdf"
    )
    reader = PdfReader(download.path())
    text = " ".join(" ".join(sheet.extract_text() for sheet in reader.pages).split())
    assert "Le logiciel libre, et l’intérêt général avant tout." in text
    assert page.locator(".receipt-digest").inner_text() in text


def test_errors_are_summarised_with_links_and_focused_and_enter_continues(
    page, transactional_db, live_server, tmp_path
):
    site = live_server.url
    cohort = OpenCallCohortFactory(number=3)
    alice = CandidateFactory(username="alice@example.fr", first_name="Alice", last_name="Martin")
    ApplicationFactory(cohort=cohort, candidate=alice)
    page.set_viewport_size(PHONE)
    sign_in(page, site, alice)

    page.goto(site + "/candidater/3/parcours/")
    assert page.get_by_text("Pour déposer la candidature : au moins une expérience").is_visible()
    page.get_by_label("Intitulé du poste ou du projet").fill("Développeuse")
    page.get_by_label("Année de début").fill("2023")
    page.get_by_label("Année de fin").fill("2020")
    page.get_by_label("Année de fin").press("Enter")  # the step's main action, not « ajouter »

    page.wait_for_url("**/candidater/3/parcours/")
    summary = page.locator("#error-summary")
    assert summary.evaluate("element => element === document.activeElement")
    link = summary.get_by_role("link", name=re.compile("Expérience 1 — Année de fin"))
    assert_accessible(page)
    link.click()
    assert page.locator("#id_experiences-0-end_year").evaluate(
        "element => element === document.activeElement"
    )
    page.get_by_label("Année de fin").fill("2024")
    page.get_by_label("Année de fin").press("Enter")
    page.wait_for_url("**/candidater/3/cv/")

    # A CV too heavy is refused in the browser, before being sent.
    heavy = tmp_path / "CV lourd.pdf"
    heavy.write_bytes(b"%PDF-1.4\n" + b"0" * (6 * 1024 * 1024))
    page.get_by_label("Votre CV").set_input_files(heavy)
    assert page.get_by_text(re.compile("Ce fichier dépasse 5")).is_visible()
    page.get_by_role("button", name="Enregistrer et continuer").click()
    assert page.url.endswith("/candidater/3/cv/")
    assert_accessible(page)
