"""The team reads an application, then sends the "retenue" decision through its confirmation
page, in Chromium; each page is checked with axe-core (WCAG 2.1 AA) and fits the window."""

import pytest
from django.utils import timezone

from eig.applications.models import Application, ChallengeChoice
from eig.decisions.models import DecisionNotice
from eig.decisions.services import place_retained
from tests.browser.test_reviewer_scoring import assert_accessible, sign_in
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory

pytestmark = pytest.mark.browser


def retained(cohort, first_name, last_name, choices):
    application = ApplicationFactory(
        cohort=cohort,
        submitted=True,
        status=Application.Status.SELECTED,
        first_name=first_name,
        last_name=last_name,
    )
    application.choices.all().delete()
    for rank, challenge in enumerate(choices, start=1):
        ChallengeChoice.objects.create(
            application=application, challenge=challenge, rank=rank, contribution="x"
        )
    return application


def assert_fits(page):
    """No horizontal scroll: the page is no wider than the window."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_team_reads_an_application_then_confirms_the_retained_decision(
    page, demo_site, carol, mailoutbox
):
    site = demo_site
    cohort = CohortFactory(is_published=True)
    challenges = [ChallengeFactory(cohort=cohort, name=f"Défi {name}") for name in "ABC"]
    zoe = retained(cohort, "Zoé", "Lambert", challenges)
    yann = retained(cohort, "Yann", "Moreau", challenges[:1])
    place_retained(
        members=[(zoe.pk, challenges[1].pk), (yann.pk, None)], published_at=timezone.now()
    )
    sign_in(page, site, carol)

    page.goto(f"{site}/equipe/candidatures/{zoe.public_id}/")
    assert page.get_by_role("heading", level=1).inner_text().strip()
    assert_accessible(page)

    page.goto(f"{site}/equipe/decisions/{cohort.number}/")
    assert_fits(page)
    assert_accessible(page)
    page.locator("#decision-selected").get_by_role(
        "link", name="Vérifier les destinataires puis envoyer"
    ).click()
    page.wait_for_url(f"**/equipe/decisions/{cohort.number}/selected/envoyer/")
    assert page.get_by_text("1 personne recevra cet e-mail").is_visible()
    assert "pour le défi suivant : Défi B." in page.locator(".eig-mail-preview").inner_text()
    left_out = page.locator("#left-out-rows")
    assert "Yann Moreau" in left_out.inner_text()
    assert "sans équipe" in left_out.inner_text()
    assert not DecisionNotice.objects.exists()
    assert_fits(page)
    assert_accessible(page)

    page.get_by_role("button", name="Envoyer à 1 candidat·e").click()
    page.wait_for_url(f"**/equipe/decisions/{cohort.number}/#decision-selected")
    assert page.get_by_text("part vers 1 candidat·e·s").is_visible()
    assert_accessible(page)
    assert [mail.to for mail in mailoutbox] == [[zoe.email]]
    assert "Défi A" not in mailoutbox[0].body and "Défi B" in mailoutbox[0].body
