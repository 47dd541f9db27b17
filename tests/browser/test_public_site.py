import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.website.test_public_pages import PUBLIC_PAGES

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def focused(page):
    return page.evaluate(
        "() => ({tag: document.activeElement.tagName, text: document.activeElement.innerText,"
        " href: document.activeElement.getAttribute('href')})"
    )


def tab_to(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if predicate(element):
            return element
    raise AssertionError("the keyboard never reached the expected element")


def test_visitor_goes_from_home_to_a_challenge_by_keyboard_only(page, demo_site):
    page.goto(demo_site + "/")

    first = tab_to(page, lambda element: True, limit=1)
    assert first["href"] == "#content"  # the skip link comes first
    tab_to(page, lambda element: element["href"] == "/defis/" and "défis" in element["text"])
    page.keyboard.press("Enter")
    page.wait_for_url("**/defis/")
    assert page.locator("h1").inner_text() == "Les défis d’intérêt général"

    chosen = tab_to(
        page,
        lambda element: (
            (element["href"] or "").startswith("/defis/") and element["href"] != "/defis/"
        ),
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**" + chosen["href"])
    assert page.locator("h1").inner_text() == chosen["text"]
    assert page.get_by_text("Administration d’accueil").is_visible()


def test_filters_work_by_keyboard(page, demo_site):
    page.goto(demo_site + "/defis/")

    page.get_by_label("Compétence recherchée").select_option("geomatique")
    page.get_by_role("button", name="Rechercher").press("Enter")

    page.wait_for_url("**competence=geomatique**")
    assert page.locator("#results-count").inner_text() == "1 défi"


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, "/page-inconnue/", "/defis/?competence=inconnue"])
def test_no_wcag_21_aa_violation(page, demo_site, path):
    page.goto(demo_site + path)

    results = Axe().run(page, options=WCAG_21_AA)

    assert results.violations_count == 0, results.generate_report()


def test_the_how_it_works_cards_carry_no_stray_list_numbers(page, demo_site):
    page.goto(demo_site + "/")

    markers = page.eval_on_selector_all(
        ".eig-steps > li, .eig-cards > li, .eig-figures > li",
        "items => items.map(item => getComputedStyle(item, '::marker').content)",
    )

    assert markers and set(markers) == {"none"}


def test_a_table_wider_than_a_phone_scrolls_by_keyboard(page, demo_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site + "/donnees-personnelles/")

    retention = page.get_by_role("region", name="Durées de conservation des candidatures")
    assert retention.evaluate("region => region.scrollWidth > region.clientWidth")
    retention.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=2000)
    assert Axe().run(page, options=WCAG_21_AA).violations_count == 0

    # Wide enough for the table: no region, no stop in the tab order.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    container = page.locator(".fr-table__container").first
    assert container.evaluate("container => container.scrollWidth <= container.clientWidth")
    assert container.get_attribute("tabindex") is None
    assert page.get_by_role("region", name="Durées de conservation des candidatures").count() == 0
