"""The team's navigation on a phone (390 px): in the header's menu, as the DSFR places a site's
navigation, not stacked in the page; its groups open with the keyboard; axe finds nothing."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_public_site import WCAG_21_AA
from tests.browser.test_team_space_layout import team_page  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser


def test_on_a_phone_the_team_s_navigation_opens_from_the_header_menu(team_page, live_server):  # noqa: F811
    team_page.set_viewport_size({"width": 390, "height": 844})
    team_page.goto(live_server.url + "/equipe/selection/2/jury/")
    in_page = team_page.locator("nav.eig-team-nav .fr-nav__list")
    menu = team_page.locator("#menu-modal nav.eig-team-menu")
    assert not in_page.is_visible()
    assert not menu.is_visible()

    team_page.locator("#menu-button").click()
    menu.wait_for(state="visible")
    selection = menu.get_by_role("button", name="Sélection")
    assert selection.get_attribute("aria-current") == "true"
    selection.focus()
    team_page.keyboard.press("Enter")
    jury = menu.get_by_role("link", name="Jury", exact=True)
    jury.wait_for(state="visible")
    assert jury.get_attribute("aria-current") == "page"
    team_page.keyboard.press("Tab")
    assert team_page.evaluate("document.activeElement.textContent") == "Jury"
    # Nothing sideways on a phone, and the open menu passes axe (the page's wide tables are
    # tried at 1280 px by test_team_space_layout.py).
    assert team_page.evaluate("document.documentElement.scrollWidth") <= 390
    results = Axe().run(team_page, context="header", options=WCAG_21_AA)
    assert not results.violations_count, results.generate_report()


def test_on_a_wide_screen_the_header_menu_has_no_second_team_navigation(
    team_page,  # noqa: F811
    live_server,
):
    team_page.set_viewport_size({"width": 1280, "height": 900})
    team_page.goto(live_server.url + "/equipe/selection/2/jury/")

    assert team_page.locator("nav.eig-team-nav .fr-nav__list").is_visible()
    assert not team_page.locator("nav.eig-team-menu").is_visible()
