"""A défi jury lead fills the consolidated grid in Chromium, the members' grids beside it; the
page is checked with axe-core (WCAG 2.1 AA) before and after sending, and on a phone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from eig.challenge_jury import services
from eig.challenge_jury.models import ConsolidatedGrid
from tests.browser.test_audition_booking import sign_in
from tests.browser.test_public_site import WCAG_21_AA
from tests.challenge_jury.helpers import make_call, make_group, make_member, make_shortlisted
from tests.factories import CohortFactory

pytestmark = pytest.mark.browser


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def choose(page, selector):
    """A DSFR radio: its label is what a person clicks."""
    radio_id = page.locator(selector).get_attribute("id")
    page.locator(f"label[for='{radio_id}']").click()


def test_a_jury_lead_fills_the_consolidated_grid(page, demo_site):
    site = demo_site
    call = make_call(CohortFactory(number=7, year=2030))
    proposal = make_shortlisted(call, title="Prévoir les crues avec les capteurs")
    members = [
        make_member(call, name=name)
        for name in ["Aline Morel", "Bruno Caradec", "Chloé Vidal", "David Sarr", "Emma Lacroix"]
    ]
    lead = members[0]
    make_group(call, members=members, proposals=[proposal], lead=lead)
    criteria = list(call.criteria.all())
    services.save_member_grid(
        member=members[1],
        proposal=proposal,
        scores={str(c.pk): 4 for c in criteria},
        comment="Capteurs déjà posés, données ouvertes.",
        submit=True,
        by=members[1].user,
    )

    sign_in(page, site, lead.user)
    page.goto(site + "/jury-defis/")
    page.get_by_role("link", name="à remplir — Prévoir les crues avec les capteurs").click()
    page.wait_for_url(f"**/jury-defis/{proposal.public_id}/grille-commune/")
    assert page.get_by_role("columnheader", name="Bruno Caradec").is_visible()
    assert page.get_by_text("Capteurs déjà posés, données ouvertes.").is_visible()
    assert_accessible(page)

    # Sending without a recommendation: refused next to the field, the scores kept.
    for criterion in criteria:
        choose(page, f"input[name=score_{criterion.pk}][value='4']")
    page.get_by_label("Avis du groupe").fill("Un défi précis, une équipe disponible.")
    page.get_by_role("button", name="Envoyer la grille commune").click()
    page.get_by_text("Choisissez la recommandation du groupe").wait_for()
    assert page.locator(f"input[name=score_{criteria[0].pk}][value='4']").is_checked()
    assert page.get_by_label("Avis du groupe").input_value() == (
        "Un défi précis, une équipe disponible."
    )
    assert_accessible(page)

    choose(page, "input[name=recommendation][value=retained]")
    page.get_by_role("button", name="Envoyer la grille commune").click()
    page.get_by_text("La grille commune est envoyée à l’équipe.").wait_for()
    grid = ConsolidatedGrid.objects.get(proposal=proposal)
    assert grid.recommendation == "retained" and grid.submitted_at and grid.filled_by == lead
    assert_accessible(page)

    # On a phone the members' grids scroll sideways, and the keyboard scrolls them too.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    members_grids = page.get_by_role("region", name="Les grilles des membres")
    assert members_grids.evaluate("region => region.scrollWidth > region.clientWidth")
    assert_accessible(page)
    members_grids.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=2000)
