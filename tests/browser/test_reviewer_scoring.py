"""A reviewer's whole round in Chromium: from the e-mail that releases their assignments to the
last submission, through the dashboard, the application beside its grid, "Enregistrer et
suivante", an error next to its field, and the confirmation of each submission; every page and
the error state are checked with axe-core (WCAG 2.1 AA)."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from eig.selection import scoring
from eig.selection.assignment import release_assignments
from eig.selection.models import Review
from eig.selection.reviews import grid_for
from tests.browser.test_public_site import WCAG_21_AA
from tests.factories import AssignmentFactory, CandidateFactory, ReviewerFactory

pytestmark = pytest.mark.browser

SCORED = [c.key for c in scoring.DEFAULT_CRITERIA if c.scored]
JURY_URL = re.compile(r"https?://\S+/jury/")
SIGN_IN_LINK = re.compile(r"/connexion/lien/[\w-]+/")
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


def sign_in_from_the_email(page, site, email):
    """The reviewer follows the link of the release e-mail, asks for a sign-in link there and
    follows it: the real way in."""
    released = next(
        m for m in reversed(mail.outbox) if "vous attend" in m.body or "vous attendent" in m.body
    )
    assert released.to == [email]
    page.goto(site + urlsplit(JURY_URL.search(released.body).group()).path)
    page.wait_for_url("**/connexion/**")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_role("button", name="Recevoir un lien de connexion").click()
    page.wait_for_url("**/connexion/envoye/")
    page.goto(site + SIGN_IN_LINK.search(mail.outbox[-1].body).group())
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/jury/")


def fill_grid(page, value, *, leave_out=None):
    for key in SCORED:
        if key != leave_out:
            choose(page, f"score_{key}", value)
    for key in UNSCORED:
        choose(page, f"score_{key}", "yes")


def test_a_reviewers_whole_round_from_the_release_email(page, demo_site):
    site = demo_site
    team = CandidateFactory(programme_team=True)
    reviewer = ReviewerFactory(full_name="Bob Lenoir", user__username="bob@jury.example.org")
    reviewer.user.email = "bob@jury.example.org"
    reviewer.user.save()
    cohort = reviewer.cohort
    grid = grid_for(cohort)
    grid.reviewing_deadline = timezone.now() + datetime.timedelta(days=10)
    grid.save()
    first = AssignmentFactory(
        reviewer=reviewer, application__first_name="Chloé", application__last_name="Durand"
    )
    second = AssignmentFactory(
        reviewer=reviewer, application__first_name="Alice", application__last_name="Martin"
    )
    release_assignments(cohort=cohort, by=team)

    sign_in_from_the_email(page, site, "bob@jury.example.org")
    assert page.get_by_text("Aucune évaluation soumise sur 2").is_visible()
    assert page.get_by_text("Date limite d’évaluation").is_visible()
    assert_accessible(page)

    # The first application to do, from the dashboard; the grid beside it.
    page.get_by_role("link", name="Chloé Durand", exact=True).click()
    page.wait_for_url(f"**/jury/candidatures/{first.application.public_id}/")
    assert page.get_by_role("heading", name="Grille d’évaluation").is_visible()
    assert page.get_by_role("heading", name="Parcours").is_visible()
    assert_accessible(page)

    # The first criterion by keyboard, the others by click; then on to the next one.
    first_radio = radio(page, f"score_{SCORED[0]}", 4)
    first_radio.focus()
    page.keyboard.press("Space")
    assert first_radio.is_checked()
    fill_grid(page, 3, leave_out=SCORED[0])
    page.get_by_label("Commentaire général").fill("Un profil solide et motivé.")
    page.get_by_role("button", name="Enregistrer et suivante").click()
    page.wait_for_url(f"**/jury/candidatures/{second.application.public_id}/")
    page.get_by_text("Votre brouillon est enregistré.").wait_for()
    assert Review.objects.get(assignment=first).status == "draft"
    assert_accessible(page)

    # The second: one score left out, the error next to that field, nothing lost.
    fill_grid(page, 2, leave_out=SCORED[-1])
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
    assert radio(page, f"score_{SCORED[0]}", 2).is_checked()
    assert_accessible(page)

    # Completed, then the confirmation shows what will be submitted.
    choose(page, f"score_{missing}", 5)
    page.get_by_role("button", name="Soumettre").click()
    page.wait_for_url(f"**/jury/candidatures/{second.application.public_id}/soumission/")
    assert page.get_by_text("Avis neutre").is_visible()
    assert not Review.objects.get(assignment=second).is_submitted
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer la soumission").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Votre évaluation est soumise.").wait_for()
    assert Review.objects.get(assignment=second).is_submitted
    # Still editable until the deadline.
    assert page.get_by_role("button", name="Enregistrer les modifications").is_visible()
    assert radio(page, f"score_{SCORED[0]}", 2).is_enabled()
    assert_accessible(page)

    # Back to the draft left first, to finish it: the last submission.
    page.get_by_role("link", name="Candidature suivante à évaluer : Chloé Durand").click()
    page.wait_for_url(f"**/jury/candidatures/{first.application.public_id}/")
    assert radio(page, f"score_{SCORED[0]}", 4).is_checked()
    assert page.get_by_label("Commentaire général").input_value() == "Un profil solide et motivé."
    choose(page, "verdict", "coup_de_coeur")
    page.get_by_role("button", name="Soumettre").click()
    page.wait_for_url("**/soumission/")
    assert page.get_by_text("Un profil solide et motivé.").is_visible()
    page.get_by_role("button", name="Confirmer la soumission").click()
    page.get_by_text("Votre évaluation est soumise.").wait_for()
    review = Review.objects.get(assignment=first)
    assert review.is_submitted and review.scores.get(key=SCORED[0]).score == 4

    page.get_by_role("link", name="Toutes mes candidatures").click()
    page.wait_for_url("**/jury/")
    assert page.get_by_text("2 évaluations soumises sur 2").is_visible()
    assert page.locator("tbody .fr-badge--success").count() == 2
    assert_accessible(page)
