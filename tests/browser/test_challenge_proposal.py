"""An agent proposes a défi in Chromium: from the call's page to the sign-in, every step of the
form with a refused file, a co-author invited by e-mail, the submission, then the co-author who
signs in and finds it; every page checked with axe-core (WCAG 2.1 AA)."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone

from eig.proposals.models import ChallengeCall, Proposal
from tests.browser.test_public_site import WCAG_21_AA
from tests.factories import CohortFactory, small_pdf

pytestmark = pytest.mark.browser

SIGN_IN_PAGE = re.compile(r"https?://\S+/connexion/\?next=\S+")
SIGN_IN_LINK = re.compile(r"/connexion/lien/[\w-]+/")
AGENT = "agathe.durand@ministere.gouv.fr"
COLLEAGUE = "colin.petit@ministere.gouv.fr"


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def sign_in(page, site, email):
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_role("button", name="Recevoir un lien de connexion").click()
    page.wait_for_url("**/connexion/envoye/")
    link = SIGN_IN_LINK.search(mail.outbox[-1].body).group()
    page.goto(site + link)
    page.get_by_role("button", name="Me connecter").click()


def save_and_continue(page):
    page.get_by_role("button", name="Enregistrer et continuer").click()


@pytest.mark.parametrize("width", [1280, 390])
def test_an_agent_writes_and_submits_a_proposal_with_a_co_author(
    page, browser, demo_site, tmp_path, width
):
    site = demo_site
    page.set_viewport_size({"width": width, "height": 900})
    now = timezone.now()
    ChallengeCall.objects.create(
        cohort=CohortFactory(number=8, year=2031),
        opens_at=now - datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(days=20),
    )

    page.goto(site + "/appel-a-defis/")
    assert page.get_by_text("Il reste 2 semaines").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Proposer un défi").first.click()
    page.wait_for_url(re.compile(r"/connexion/\?next="))
    sign_in(page, site, AGENT)
    page.wait_for_url("**/administration/proposer/")
    page.get_by_role("button", name="Commencer la proposition").click()

    # Administration: one of the list.
    page.wait_for_url("**/administration/")
    page.select_option("select[name=host]", index=1)
    assert_accessible(page)
    save_and_continue(page)

    page.wait_for_url("**/defi/")
    page.get_by_label("Nom du défi").fill("Mieux orienter les usagers")
    page.get_by_label("Le défi en une ou deux phrases").fill("Trouver la bonne démarche vite.")
    page.get_by_label("Le problème rencontré").fill("Les usagers se perdent entre les sites.")
    page.get_by_label("Le défi proposé aux EIG").fill("Un assistant de recherche des démarches.")
    page.get_by_label("Les résultats attendus au bout de 10 mois").fill("Un service en ligne.")
    save_and_continue(page)

    page.wait_for_url("**/donnees/")
    page.get_by_label("Les données et ressources disponibles").fill("Les fiches pratiques.")
    save_and_continue(page)

    page.wait_for_url("**/equipe/")
    page.fill("input[name=agents-0-full_name]", "Anne Martin")
    page.fill("input[name=agents-0-role]", "Cheffe de projet")
    page.fill("input[name=agents-0-time_share]", "2 jours par semaine")
    page.select_option("select[name=mentors-0-role]", "operational")
    page.fill("input[name=mentors-0-full_name]", "Odile Roux")
    page.get_by_role("button", name="Enregistrer et ajouter un mentor").click()
    page.wait_for_selector("select[name=mentors-1-role]")
    page.select_option("select[name=mentors-1-role]", "strategic")
    page.fill("input[name=mentors-1-full_name]", "Serge Blanc")
    assert_accessible(page)
    save_and_continue(page)

    page.wait_for_url("**/postes/")
    page.fill("input[name=seats-0-profile]", "développement")
    page.get_by_role("button", name="Enregistrer et ajouter un poste").click()
    page.wait_for_selector("input[name=seats-1-profile]")
    page.fill("input[name=seats-1-profile]", "data science")
    page.get_by_label("Lieu de travail des EIG").fill("Paris")
    page.locator("input[name=remote_policy][value=partial] + label").click()
    save_and_continue(page)

    # A file that is not a PDF, though named so: refused next to its field.
    page.wait_for_url("**/pieces-jointes/")
    fake = tmp_path / "note.pdf"
    fake.write_bytes(b"PK\x03\x04 pas un PDF")
    page.set_input_files("input[name=file]", str(fake))
    page.get_by_role("button", name="Ajouter ce fichier").click()
    assert page.get_by_text("Ce fichier n’est pas un PDF, quel que soit son nom.").is_visible()
    assert_accessible(page)
    real = tmp_path / "presentation.pdf"
    real.write_bytes(small_pdf())
    page.set_input_files("input[name=file]", str(real))
    page.get_by_role("button", name="Ajouter ce fichier").click()
    assert (
        page.locator("#attachment-list").get_by_role("link", name="presentation.pdf").is_visible()
    )
    page.get_by_role("button", name="Continuer vers le récapitulatif").click()

    page.wait_for_url("**/recapitulatif/")
    assert_accessible(page)
    page.get_by_role("link", name="Inviter un ou une collègue").click()
    page.get_by_label("Adresse e-mail professionnelle de votre collègue").fill(COLLEAGUE)
    page.get_by_role("button", name="Envoyer l’invitation").click()
    assert page.get_by_text(f"{COLLEAGUE} est invité·e").is_visible()
    assert_accessible(page)
    invitation = next(m for m in mail.outbox if m.to == [COLLEAGUE])
    page.get_by_role("link", name="Retour à la proposition").click()
    page.get_by_role("button", name="Déposer la proposition").click()
    assert page.get_by_text("Votre proposition est déposée").is_visible()
    proposal = Proposal.objects.get(title="Mieux orienter les usagers")
    assert proposal.status == Proposal.Status.SUBMITTED and proposal.fellows_sought == 2
    confirmation = next(m for m in mail.outbox if "est déposée" in m.subject)
    assert sorted(confirmation.to) == sorted([AGENT, COLLEAGUE])

    # The colleague follows the invitation and finds the proposal in their space.
    other = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
    colleague = other.new_page()
    colleague.goto(
        site
        + urlsplit(SIGN_IN_PAGE.search(invitation.body).group()).path
        + "?"
        + urlsplit(SIGN_IN_PAGE.search(invitation.body).group()).query
    )
    sign_in(colleague, site, COLLEAGUE)
    colleague.wait_for_url("**/recapitulatif/")
    assert colleague.locator("dd").get_by_text("Mieux orienter les usagers").is_visible()
    colleague.goto(site + "/administration/")
    assert colleague.get_by_text("Déposée : l’équipe du programme l’examinera").is_visible()
    assert_accessible(colleague)
    other.close()
