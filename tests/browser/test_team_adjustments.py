"""The programme team pins a person on a défi, recomputes and sees them placed; the page is
checked with axe-core (WCAG 2.1 AA) with the explanations and after a refused pair."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from eig.applications.models import Application, ChallengeChoice
from eig.teams.services import current_proposal, propose_teams
from tests.browser.test_public_site import WCAG_21_AA
from tests.factories import ApplicationFactory, CandidateFactory, ChallengeFactory, CohortFactory

pytestmark = pytest.mark.browser


def sign_in(page, site, user):
    """A session made by Django's test client, handed to Chromium as its cookie."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": site}])


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def retained(cohort, first_name, *choices):
    application = ApplicationFactory(
        cohort=cohort,
        submitted=True,
        status=Application.Status.SELECTED,
        first_name=first_name,
        last_name="Martin",
    )
    application.choices.all().delete()
    for rank, challenge in enumerate(choices, start=1):
        ChallengeChoice.objects.create(
            application=application, challenge=challenge, rank=rank, contribution="x"
        )
    return application


@pytest.mark.parametrize("width", [1280, 390])
def test_the_team_pins_a_person_recomputes_and_sees_them_placed(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    cohort = CohortFactory(number=4, is_published=True, team_size_min=1, team_size_max=3)
    data = ChallengeFactory(cohort=cohort, name="Données", fellows_sought=1)
    open_law = ChallengeFactory(cohort=cohort, name="Droit ouvert", fellows_sought=1)
    retained(cohort, "Ana", data, open_law)
    retained(cohort, "Zoé", data)
    propose_teams(cohort=cohort)  # the optimal total: Zoé on « Données », Ana on her 2nd choice
    sign_in(page, live_server.url, CandidateFactory(programme_team=True))
    page.goto(f"{live_server.url}/equipe/equipes/4/")
    assert page.get_by_text("ce défi donne le rang 1 à Ana Martin").is_visible()
    assert_accessible(page)

    # A pair the engine refuses: Zoé never chose « Droit ouvert ».
    form = page.locator("#constraint-form")
    form.get_by_label("Personne", exact=True).select_option(label="Zoé Martin")
    form.get_by_label("Défi", exact=True).select_option(label="Droit ouvert")
    form.get_by_text("imposé·e sur le défi").click()
    form.get_by_role("button", name="Enregistrer ce choix").click()
    error = page.get_by_text("ce défi n’est pas parmi ses choix")
    error.wait_for()
    # What was chosen stays.
    assert page.get_by_label("Défi", exact=True).input_value() == str(open_law.pk)
    assert_accessible(page)

    form.get_by_label("Personne", exact=True).select_option(label="Ana Martin")
    form.get_by_label("Défi", exact=True).select_option(label="Données")
    form.get_by_role("button", name="Enregistrer ce choix").click()
    page.get_by_text("Choix enregistré").wait_for()
    page.get_by_role("button", name="Recalculer").click()
    page.get_by_text("Une nouvelle proposition d’équipes a été calculée.").wait_for()

    placed = {m.application.first_name: m.challenge for m in current_proposal(cohort).members.all()}
    assert placed == {"Ana": data, "Zoé": None}
    section = page.locator("section", has=page.get_by_role("heading", name="Données"))
    assert section.get_by_text("Imposé·e sur ce défi par l’équipe").is_visible()
    assert page.get_by_text(
        "toutes ses places sont prises par des personnes imposées par l’équipe."
    ).is_visible()
    assert_accessible(page)
