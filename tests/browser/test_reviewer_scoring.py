"""A reviewer scores an assigned application in Chromium, from the jury space to the
submitted, read-only review; every page and the error state are checked with axe-core
(WCAG 2.1 AA)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from eig.selection import scoring
from eig.selection.models import Review
from tests.browser.test_public_site import WCAG_21_AA
from tests.factories import AssignmentFactory, ReviewerFactory

pytestmark = pytest.mark.browser

SCORED = [c.key for c in scoring.DEFAULT_CRITERIA if c.scored]
UNSCORED = [c.key for c in scoring.DEFAULT_CRITERIA if not c.scored]


def sign_in(page, site, user):
    """The session of django.test.Client.force_login, copied into the browser."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site}]
    )


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def radio(page, name, value):
    return page.locator(f'input[type=radio][name={name}][value="{value}"]')


def choose(page, name, value):
    """A click on the radio's label, as the reviewer does (DSFR draws the radio there)."""
    page.locator(f'input[type=radio][name={name}][value="{value}"] + label').click()
    assert radio(page, name, value).is_checked()


def open_evaluation(page, site, assignment):
    application = assignment.application
    page.goto(site + "/jury/")
    page.get_by_role("link", name=application.full_name, exact=True).click()
    page.wait_for_url(f"**/jury/candidatures/{application.public_id}/")
    page.get_by_role("link", name="Évaluer cette candidature").click()
    page.wait_for_url(f"**/jury/candidatures/{application.public_id}/evaluation/")


def test_a_reviewer_scores_submits_and_sees_a_missing_score_next_to_its_field(page, demo_site):
    site = demo_site
    reviewer = ReviewerFactory(full_name="Bob Lenoir")
    first = AssignmentFactory(
        reviewer=reviewer,
        released=True,
        application__first_name="Alice",
        application__last_name="Martin",
    )
    second = AssignmentFactory(
        reviewer=reviewer,
        released=True,
        application__first_name="Chloé",
        application__last_name="Durand",
    )
    sign_in(page, site, reviewer.user)

    page.goto(site + "/jury/")
    assert_accessible(page)
    application = first.application
    page.get_by_role("link", name=application.full_name, exact=True).click()
    page.wait_for_url(f"**/jury/candidatures/{application.public_id}/")
    assert_accessible(page)
    page.get_by_role("link", name="Évaluer cette candidature").click()
    page.wait_for_url(f"**/jury/candidatures/{application.public_id}/evaluation/")
    assert_accessible(page)

    # The first criterion by keyboard, the others by click.
    first_radio = radio(page, f"score_{SCORED[0]}", 4)
    first_radio.focus()
    page.keyboard.press("Space")
    assert first_radio.is_checked()
    for value, key in enumerate(SCORED[1:], start=1):
        choose(page, f"score_{key}", value % 5 + 1)
    for key in UNSCORED:
        choose(page, f"score_{key}", "yes")
    page.get_by_label("Commentaire général").fill("Un profil solide et motivé.")
    choose(page, "verdict", "coup_de_coeur")

    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.get_by_text("Votre brouillon est enregistré.").wait_for()
    assert page.get_by_text("Brouillon", exact=True).is_visible()
    assert radio(page, f"score_{SCORED[0]}", 4).is_checked()
    assert page.get_by_label("Commentaire général").input_value() == "Un profil solide et motivé."
    review = Review.objects.get(assignment=first)
    assert not review.is_submitted
    assert_accessible(page)

    page.get_by_role("button", name="Soumettre").click()
    page.get_by_text("Votre évaluation est soumise.").wait_for()
    assert page.get_by_text("Elle ne peut plus être modifiée.").is_visible()
    assert page.get_by_role("button", name="Soumettre").count() == 0
    assert page.get_by_role("button", name="Enregistrer le brouillon").count() == 0
    assert radio(page, f"score_{SCORED[0]}", 4).is_disabled()
    assert radio(page, f"score_{SCORED[0]}", 4).is_checked()
    assert page.get_by_label("Commentaire général").is_disabled()
    review.refresh_from_db()
    assert review.is_submitted
    assert review.scores.get(key=SCORED[0]).score == 4
    assert review.comment == "Un profil solide et motivé."
    assert_accessible(page)

    # The second application: one score left out, the error next to that field.
    open_evaluation(page, site, second)
    for key in SCORED[:-1]:
        choose(page, f"score_{key}", 3)
    for key in UNSCORED:
        choose(page, f"score_{key}", "no")
    choose(page, "verdict", "neutre")
    page.get_by_role("button", name="Soumettre").click()

    missing = SCORED[-1]
    errors = page.locator(f"#id_score_{missing}-errors")
    errors.wait_for()
    assert errors.inner_text().strip() == "Donnez une note de 1 à 5 pour soumettre."
    fieldset = page.locator(f"#id_score_{missing}-fieldset")
    assert "fr-fieldset--error" in fieldset.get_attribute("class")
    assert f"id_score_{missing}-errors" in fieldset.get_attribute("aria-labelledby")
    assert page.locator(".fr-message--error").count() == 1
    assert radio(page, f"score_{SCORED[0]}", 3).is_checked()
    assert not Review.objects.filter(assignment=second, status="submitted").exists()
    assert_accessible(page)
