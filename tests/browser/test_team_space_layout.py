"""Every page of the team's space, on the demo, in Chromium at 1280 px: nothing wider than the
window (no sideways scrolling) and no WCAG 2.1 AA violation found by axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client, override_settings

from eig.applications.models import Application
from eig.demo.loader import load_demo
from tests.browser.test_public_site import WCAG_21_AA

pytestmark = pytest.mark.browser

WIDTH = 1280


@pytest.fixture
def team_page(page, transactional_db, live_server, carol, tmp_path):
    with override_settings(PRIVATE_MEDIA_ROOT=tmp_path / "private"):
        load_demo()
    client = Client()
    client.force_login(carol)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    return page


def team_pages():
    """The addresses of the team's space, with a real object of the demo where one is needed."""
    application = Application.objects.filter(cohort__number=2).submitted().first()
    ticked = f"candidatures={application.public_id}&vers=rejected&filtres=promotion%3D2"
    return [
        "/equipe/candidatures/",
        "/equipe/candidatures/?promotion=2",
        "/equipe/candidatures/?promotion=2&tri=-note",
        "/equipe/candidatures/?promotion=",
        f"/equipe/candidatures/{application.public_id}/?promotion=2&tri=nom",
        f"/equipe/candidatures/etat/?{ticked}",
        "/equipe/candidatures/etat/?portee=liste&vers=rejected&filtres=promotion%3D2",
        "/equipe/candidatures/statistiques/?promotion=2",
        "/equipe/selection/2/jury/",
        "/equipe/selection/2/affectation/",
        "/equipe/selection/2/notes/",
        "/equipe/decisions/2/",
        "/equipe/equipes/2/",
        "/equipe/auditions/",
        "/equipe/auditions/creneaux/nouveaux/",
        "/equipe/annonces/",
        "/equipe/annonces/nouvelle/",
        "/equipe/journal/",
    ]


def test_no_page_of_the_team_scrolls_sideways_or_breaks_wcag_21_aa(team_page, live_server):
    problems = []
    for path in team_pages():
        response = team_page.goto(live_server.url + path)
        if response.status != 200:
            problems.append(f"{path}: HTTP {response.status}")
            continue
        width = team_page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            problems.append(f"{path}: {width} px de large")
        results = Axe().run(team_page, options=WCAG_21_AA)
        if results.violations_count:
            problems.append(f"{path}:\n{results.generate_report()}")

    assert not problems, "\n".join(problems)


def test_the_team_s_navigation_fits_one_line_and_opens_its_groups_with_the_keyboard(
    team_page, live_server
):
    team_page.set_viewport_size({"width": WIDTH, "height": 900})
    team_page.goto(live_server.url + "/equipe/selection/2/notes/")
    nav = team_page.locator("nav.eig-team-nav")
    tops = {
        round(box["y"])
        for box in nav.locator(".fr-nav__list > li").evaluate_all(
            "items => items.map(item => item.getBoundingClientRect())"
        )
    }
    assert len(tops) == 1, "the navigation wraps onto several lines"
    selection = nav.get_by_role("button", name="Sélection")
    assert selection.get_attribute("aria-current") == "true"

    selection.focus()
    team_page.keyboard.press("Enter")
    team_page.wait_for_function(
        "button => button.getAttribute('aria-expanded') === 'true'",
        arg=selection.element_handle(),
    )
    # The DSFR's script shows the sub-menu after its opening transition: wait for its links.
    nav.get_by_role("link", name="Jury", exact=True).wait_for(state="visible")
    team_page.keyboard.press("Tab")
    focused = team_page.evaluate("document.activeElement.textContent")
    assert focused == "Jury"
    notes = nav.get_by_role("link", name="Notes")
    assert notes.is_visible() and notes.get_attribute("aria-current") == "page"
    # The sub-menu opens under its button, not at the foot of the page.
    button_box = selection.bounding_box()
    menu_box = nav.locator("#" + selection.get_attribute("aria-controls")).bounding_box()
    assert abs(menu_box["y"] - (button_box["y"] + button_box["height"])) < 8
    results = Axe().run(team_page, options=WCAG_21_AA)
    assert not results.violations_count, results.generate_report()

    team_page.keyboard.press("Escape")
    team_page.wait_for_function(
        "button => button.getAttribute('aria-expanded') === 'false'",
        arg=selection.element_handle(),
    )
