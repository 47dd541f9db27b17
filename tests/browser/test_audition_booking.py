"""An invited candidate books an audition in Chromium, from their space to the confirmation;
the booking page and the confirmation are checked with axe-core (WCAG 2.1 AA)."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.utils import timezone

from eig.applications.models import Application
from eig.auditions.models import Interview
from tests.browser.test_public_site import WCAG_21_AA
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    CohortFactory,
    InterviewSlotFactory,
)

pytestmark = pytest.mark.browser


def invite(candidate, cohort):
    return ApplicationFactory(
        candidate=candidate,
        cohort=cohort,
        submitted=True,
        status=Application.Status.INVITED,
        first_name=candidate.first_name,
        last_name=candidate.last_name,
    )


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


def test_an_invited_candidate_books_a_slot_that_is_then_no_longer_offered(page, demo_site):
    site = demo_site
    cohort = CohortFactory(number=3, year=2027, starts_on=datetime.date(2027, 1, 15))
    alice = CandidateFactory(username="alice@example.fr", first_name="Alice", last_name="Martin")
    bob = CandidateFactory(username="bob@example.fr", first_name="Bob", last_name="Durand")
    application = invite(alice, cohort)
    invite(bob, cohort)
    in_ten_days = timezone.now() + datetime.timedelta(days=10)
    first = InterviewSlotFactory(cohort=cohort, starts_at=in_ten_days)
    second = InterviewSlotFactory(
        cohort=cohort, starts_at=in_ten_days + datetime.timedelta(minutes=50)
    )

    sign_in(page, site, alice)
    page.goto(site + "/mon-espace/")
    page.get_by_role("link", name="Réserver un créneau").click()
    page.wait_for_url(f"**/mon-espace/audition/{application.public_id}/")
    assert page.locator("input[name=slot]").count() == 2
    assert_accessible(page)

    page.locator(f"#slot-{first.pk}").focus()
    page.keyboard.press("Space")
    assert page.locator(f"#slot-{first.pk}").is_checked()
    page.get_by_role("button", name="Réserver ce créneau").click()

    page.get_by_text("Votre audition est réservée.").wait_for()
    assert page.get_by_role("heading", name="Votre réservation").is_visible()
    calendar = page.get_by_role("link", name="Ajouter à mon agenda")
    assert (
        calendar.get_attribute("href")
        == f"/mon-espace/audition/{application.public_id}/audition.ics"
    )
    assert_accessible(page)
    assert Interview.objects.get(application=application).slot == first

    sign_in(page, site, bob)
    page.goto(site + "/mon-espace/")
    page.get_by_role("link", name="Réserver un créneau").click()
    page.wait_for_url("**/mon-espace/audition/*/")
    assert page.locator("input[name=slot]").count() == 1
    assert page.locator(f"#slot-{second.pk}").count() == 1
    assert page.locator(f"#slot-{first.pk}").count() == 0
