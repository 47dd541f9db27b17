"""A mentor's way in, in Chromium: the invitation sent from the défi, the sign-in link, their
space (the stages they see explained), one application and their opinion on it, a refused
opinion with the error next to its field; every page checked with axe-core (WCAG 2.1 AA)."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from eig.applications.models import Application
from eig.challenges.mentors import invite_mentor
from eig.selection.models import OPINION_MAX_LENGTH, MentorOpinion
from tests.browser.test_public_site import WCAG_21_AA
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    ChallengeChoiceFactory,
    ChallengeFactory,
    MentorFactory,
    OpenCallCohortFactory,
)

pytestmark = pytest.mark.browser

SIGN_IN_PAGE = re.compile(r"https?://\S+/connexion/\?next=\S+")
SIGN_IN_LINK = re.compile(r"/connexion/lien/[\w-]+/")
EMAIL = "jeanne.roux@ministere.gouv.fr"


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("width", [1280, 390])
def test_an_invited_mentor_signs_in_from_the_email_and_gives_an_opinion(page, demo_site, width):
    site = demo_site
    page.set_viewport_size({"width": width, "height": 900})
    cohort = OpenCallCohortFactory(number=7, mentors_see_from_stage="shortlisted")
    challenge = ChallengeFactory(cohort=cohort, name="Données de la mer")
    mentor = MentorFactory(challenge=challenge, full_name="Jeanne Roux", email=EMAIL)
    application = ApplicationFactory(
        cohort=cohort,
        candidate=CandidateFactory(username="lea@example.fr"),
        submitted=True,
        first_name="Léa",
        last_name="Garnier",
    )
    ChallengeChoiceFactory(application=application, challenge=challenge, rank=3)
    Application.objects.filter(pk=application.pk).update(status=Application.Status.SHORTLISTED)
    team = CandidateFactory(username="carol@equipe.example", programme_team=True)

    invite_mentor(mentor=mentor, by=team)  # the team's button on the défi, in the admin

    invitation = next(m for m in mail.outbox if "espace mentor" in m.subject)
    assert invitation.to == [EMAIL]
    page.goto(site + urlsplit(SIGN_IN_PAGE.search(invitation.body).group()).path + "?next=/mentor/")
    page.get_by_label("Adresse e-mail").fill(EMAIL)
    page.get_by_role("button", name="Recevoir un lien de connexion").click()
    page.wait_for_url("**/connexion/envoye/")
    page.goto(site + SIGN_IN_LINK.search(mail.outbox[-1].body).group())
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/mentor/")

    assert page.get_by_text("à partir de l’étape « présélectionnée »").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Léa Garnier").click()
    page.get_by_role("link", name="Donner mon avis").click()
    # The stance without the text: refused, the error next to the text, the stance kept.
    page.locator('input[name=stance][value="favourable"] + label').click()
    page.get_by_role("button", name="Enregistrer mon avis").click()
    assert "requis" in page.locator(".fr-error-text").first.inner_text()
    assert page.locator('input[name=stance][value="favourable"]').is_checked()
    # The browser holds the text to its limit, as the form does.
    limit = page.get_by_role("textbox", name="Votre avis").get_attribute("maxlength")
    assert limit == str(OPINION_MAX_LENGTH)
    assert_accessible(page)

    page.get_by_role("textbox", name="Votre avis").fill(
        "Un profil solide pour les données de la mer."
    )
    page.get_by_role("button", name="Enregistrer mon avis").click()
    assert page.get_by_text("Votre avis est enregistré").is_visible()
    assert page.get_by_role("button", name="Enregistrer les modifications").is_visible()
    assert_accessible(page)
    opinion = MentorOpinion.objects.get()
    assert (opinion.author.username, opinion.stance) == (EMAIL, "favourable")
