"""The back office's pages in Chromium: no WCAG 2.1 AA violation found by axe-core."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from eig.demo.loader import load_site
from tests.backoffice.helpers import choose, submitted
from tests.browser.test_public_site import WCAG_21_AA
from tests.factories import ChallengeFactory, CohortFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def signed_in_page(page, transactional_db, live_server, carol):
    load_site()
    client = Client()
    client.force_login(carol)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    return page


def test_no_wcag_21_aa_violation(signed_in_page, live_server):
    cohort = CohortFactory()
    challenges = [ChallengeFactory(cohort=cohort) for _ in range(3)]
    first_day = datetime.datetime(2026, 3, 1, 10, tzinfo=datetime.UTC)
    for index in range(12):
        application = submitted(
            cohort=cohort, submitted_at=first_day + datetime.timedelta(days=index % 5)
        )
        choose(application, *challenges[: 1 + index % 3])

    for path in [
        f"/equipe/candidatures/?promotion={cohort.number}",
        "/equipe/candidatures/?promotion=999",
        f"/equipe/candidatures/{application.public_id}/",
        f"/equipe/candidatures/statistiques/?promotion={cohort.number}",
    ]:
        signed_in_page.goto(live_server.url + path)

        results = Axe().run(signed_in_page, options=WCAG_21_AA)

        assert results.violations_count == 0, results.generate_report()
