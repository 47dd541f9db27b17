"""The Content-Security-Policy in Chromium: with it on, the pages run their scripts (DSFR's, the
application form's, Wagtail's admin) and the browser refuses nothing."""

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Page

from eig.applications.models import Application, ChallengeChoice
from eig.teams.models import TeamProposal
from eig.teams.services import propose_teams
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    ChallengeFactory,
    CohortFactory,
    OpenCallCohortFactory,
)
from tests.security.helpers import directives

pytestmark = pytest.mark.browser
Status = Application.Status

# Runs before the page's own scripts, outside its policy: each refusal reaches the console.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""
SIGNS_OF_REFUSAL = (
    "securitypolicyviolation",
    "Content Security Policy",
    "Permissions-Policy",
    "Unrecognized feature",
)


@pytest.fixture
def refusals(page):
    """What Chromium refused on the pages visited: CSP violations, Permissions-Policy errors."""
    found = []

    def watch(message):
        if any(sign in message.text for sign in SIGNS_OF_REFUSAL):
            found.append(message.text)

    page.on("console", watch)
    page.add_init_script(REPORT_VIOLATIONS)
    return found


def sign_in(page, site, user):
    """A session made by Django's test client, handed to Chromium as its cookie."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": site}])


def test_the_policy_is_on(page, demo_site):
    # A page shared by every visitor runs only the site's script files (eig.http_cache).
    shared = page.goto(demo_site + "/").headers["content-security-policy"]
    assert directives(shared)["script-src"] == ["'self'"]
    # A page with a form has a nonce of its own.
    own = page.goto(demo_site + "/connexion/").headers["content-security-policy"]
    assert "script-src 'self' 'nonce-" in own
    assert "'unsafe-inline'" not in shared + own


def test_dsfr_runs_on_the_home_page_at_390_px(page, demo_site, refusals):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site + "/")
    menu = page.locator("#menu-modal")
    assert not menu.is_visible()

    page.get_by_role("button", name="Menu").click()

    # The header's menu opens only through DSFR's script.
    menu.get_by_role("link", name="Les défis").wait_for()
    assert menu.is_visible()
    assert refusals == []


def test_the_application_form_saves_and_counts(page, live_server, refusals):
    cohort = OpenCallCohortFactory(number=3)
    ChallengeFactory(cohort=cohort, slug="defi-1", name="Défi ouvert 1")
    sign_in(page, live_server.url, CandidateFactory(username="alice@example.fr"))
    page.clock.install()
    page.goto(live_server.url + "/candidater/")
    page.get_by_role("button", name="Commencer ma candidature").click()
    page.wait_for_url("**/candidater/3/identite/")
    page.get_by_label("Téléphone").fill("06 12 34 56 78")
    page.get_by_label("Ville de résidence").fill("Lyon")
    page.get_by_text("Développement", exact=True).click()
    page.get_by_label("Années d’expérience professionnelle").fill("6")
    page.get_by_role("button", name="Enregistrer et continuer").click()
    page.wait_for_url("**/candidater/3/parcours/")

    page.get_by_label("Votre parcours").fill("Développeuse web.")
    assert page.locator("#id_background-counter").inner_text() == "17 / 3\u202f000 caractères"
    with page.expect_response("**/brouillon/") as saved:
        page.clock.fast_forward(11_000)
    assert saved.value.ok
    page.locator("#autosave-status").filter(has_text="enregistré").wait_for()
    assert refusals == []


def test_the_team_list(page, demo_site, refusals):
    sign_in(page, demo_site, CandidateFactory(programme_team=True))

    response = page.goto(demo_site + "/equipe/candidatures/")

    assert response.status == 200
    assert "no-store" in response.headers["cache-control"]
    page.get_by_role("heading", level=1).wait_for()
    assert refusals == []


def test_a_step_that_cannot_be_undone_asks_first(page, live_server, refusals):
    cohort = CohortFactory(number=4, is_published=True, team_size_min=1, team_size_max=3)
    challenge = ChallengeFactory(cohort=cohort)
    application = ApplicationFactory(cohort=cohort, submitted=True, status=Status.SELECTED)
    application.choices.all().delete()
    ChallengeChoice.objects.create(
        application=application, challenge=challenge, rank=1, contribution="x"
    )
    proposal = propose_teams(cohort=cohort)
    sign_in(page, live_server.url, CandidateFactory(programme_team=True))
    page.goto(f"{live_server.url}/equipe/equipes/4/")
    questions = []

    def answer(dialog, accept):
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    page.get_by_role("button", name="Verrouiller").click()
    assert questions == ["Verrouiller cette proposition ? Elle ne pourra plus être recalculée."]
    proposal.refresh_from_db()
    assert proposal.status == TeamProposal.Status.DRAFT

    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    with page.expect_navigation():
        page.get_by_role("button", name="Verrouiller").click()
    proposal.refresh_from_db()
    assert proposal.status == TeamProposal.Status.LOCKED
    assert refusals == []


def test_wagtail_admin_dashboard_and_page_editor(page, demo_site, refusals):
    editor = CandidateFactory(username="root@equipe.example", is_staff=True, is_superuser=True)
    sign_in(page, demo_site, editor)

    page.goto(demo_site + "/admin/")
    # The sidebar is drawn by the admin's scripts.
    page.locator(".sidebar-main-menu").wait_for()

    home = Page.objects.get(depth=2, locale__language_code="fr").specific
    page.goto(f"{demo_site}/admin/pages/{home.pk}/edit/")
    page.locator(".sidebar-main-menu").wait_for()
    # The StreamField's blocks are drawn by the admin's scripts too.
    page.locator("[data-streamfield-stream-container]").wait_for()
    assert "gravatar" not in page.content()
    assert refusals == []
