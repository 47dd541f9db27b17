"""The team moves proposals in bulk, publishes a validated one and confirms a decision, in
Chromium; each page is checked with axe-core (WCAG 2.1 AA) and fits the window at 390 px."""

import pytest

from eig.challenges.models import Challenge
from eig.proposals.models import Proposal
from tests.browser.test_reviewer_scoring import assert_accessible, sign_in
from tests.factories import CohortFactory
from tests.proposals.helpers import make_proposal

pytestmark = pytest.mark.browser
Status = Proposal.Status


def assert_fits(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def check(page):
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_fits(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_team_moves_publishes_and_tells_the_administrations(page, demo_site, carol):
    site = demo_site
    cohort = CohortFactory(number=12)
    alpha = make_proposal(cohort, title="Alpha")
    make_proposal(cohort, title="Bêta")
    crues = make_proposal(cohort, title="Prévision des crues", status=Status.RETAINED)
    sign_in(page, site, carol)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(f"{site}/equipe/propositions/?promotion={cohort.number}")
    check(page)
    page.locator("#scope-list + label").click()
    page.get_by_label("Passer à l’étape").select_option("admissible")
    page.get_by_role("button", name="Vérifier avant de changer").click()
    page.wait_for_url("**/equipe/propositions/etape/**")
    assert "2 propositions passeront" in page.locator("#bulk-summary").inner_text()
    check(page)
    page.get_by_role("button", name="Confirmer le changement d’étape").click()
    assert "2 propositions sont passées" in page.locator("#moved").inner_text()
    assert "Prévision des crues" in page.locator("#refused").inner_text()
    alpha.refresh_from_db()
    assert alpha.status == Status.ADMISSIBLE

    page.goto(f"{site}/equipe/propositions/{crues.public_id}/")
    check(page)
    page.get_by_label("Nouvelle étape").select_option("validated")
    page.get_by_role("button", name="Changer l’étape").click()
    page.get_by_role("button", name="Créer le défi").click()
    page.wait_for_selector("#published")
    check(page)
    crues.refresh_from_db()
    assert crues.published_challenge.status == Challenge.Status.DRAFT

    page.goto(f"{site}/equipe/propositions/decisions/{cohort.number}/validated/")
    page.get_by_label("Message de l’équipe").fill("Rendez-vous le 12 septembre.")
    page.get_by_role("button", name="Voir l’aperçu avec ce message").click()
    assert "Rendez-vous le 12 septembre." in page.locator(".eig-mail-preview").first.inner_text()
    check(page)
    page.get_by_role("button", name="Envoyer à 1 administration").click()
    page.wait_for_url("**/equipe/propositions/?promotion=*")
    crues.refresh_from_db()
    assert crues.decision_sent_at is not None
