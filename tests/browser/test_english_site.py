"""The English home in Chromium (docs/i18n.md): `html[lang=en]`, the DSFR language selector to
the French home and back, and axe-core clean at desktop and phone widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def switch_to(page, language, width):
    if width < 992:  # the phone's menu holds the selector
        page.click("#menu-button")
    page.locator(".fr-translate__btn:visible").first.click()
    page.locator(f'a.fr-translate__language[hreflang="{language}"]:visible').first.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_english_home_switches_to_french_and_back_and_is_accessible(page, demo_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()

    switch_to(page, "fr", width)
    assert page.url == demo_site + "/"
    assert page.locator("html").get_attribute("lang") == "fr"

    switch_to(page, "en", width)
    assert page.url == demo_site + "/en/"
    assert page.locator("html").get_attribute("lang") == "en"
