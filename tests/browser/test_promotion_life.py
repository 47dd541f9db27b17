"""A fellow edits her public profile, consents, and registers to an event of her promotion in
Chromium; each page is checked with axe-core (WCAG 2.1 AA)."""

import datetime
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from PIL import Image

from eig.community.models import Profile, Registration
from tests.browser.test_audition_booking import sign_in
from tests.browser.test_public_site import WCAG_21_AA
from tests.community.conftest import make_fellow, upcoming_event
from tests.factories import CandidateFactory, ChallengeFactory, CohortFactory

pytestmark = pytest.mark.browser


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_a_fellow_edits_her_profile_then_registers_to_an_event(page, demo_site, tmp_path):
    site = demo_site
    cohort = CohortFactory(
        is_published=True, number=7, year=2030, starts_on=datetime.date(2030, 1, 15)
    )
    challenge = ChallengeFactory(cohort=cohort, name="Signaux faibles")
    alice = CandidateFactory(username="alice@example.fr", first_name="Alice", last_name="Martin")
    make_fellow(challenge, alice, first_name="Alice", last_name="Martin")
    event = upcoming_event(cohort, title="Atelier accessibilité", capacity=1)
    photo = tmp_path / "alice.png"
    Image.new("RGB", (80, 80), "#000091").save(photo, "PNG")
    not_a_photo = tmp_path / "cv.png"
    not_a_photo.write_bytes(b"%PDF-1.4 not an image")

    sign_in(page, site, alice)
    page.goto(site + "/ma-promotion/")
    assert_accessible(page)
    page.get_by_role("link", name="Modifier mon profil").click()
    page.locator("textarea[name=bio]").fill("Développeuse, j’ouvre les données du défi.")
    page.locator("input[name=skills]").fill("Python, données")
    page.locator("input[name=photo_upload]").set_input_files(str(not_a_photo))
    page.get_by_role("button", name="Enregistrer mon profil").click()
    page.get_by_text("n’est pas une image lisible").wait_for()
    assert page.locator("textarea[name=bio]").input_value().startswith("Développeuse")
    assert_accessible(page)

    page.locator("input[name=photo_upload]").set_input_files(str(photo))
    for field in ("ma photo", "ma présentation", "mes compétences"):
        page.get_by_label(field, exact=True).check(force=True)
    page.get_by_label("J’accepte que mon nom et les champs cochés").check(force=True)
    page.get_by_role("button", name="Enregistrer mon profil").click()
    page.get_by_text("les champs cochés sont publics").wait_for()
    assert page.get_by_role("img", name="Photo de Alice Martin").is_visible()
    assert_accessible(page)
    assert Profile.objects.get(user=alice).consented_at is not None

    page.goto(site + f"/promotions/{cohort.number}/")
    assert page.get_by_role("img", name="Photo de Alice Martin").is_visible()
    assert page.get_by_text("Développeuse, j’ouvre les données du défi.").is_visible()

    page.goto(site + "/ma-promotion/")
    page.get_by_role("button", name="M’inscrire — Atelier accessibilité").click()
    page.get_by_text("Vous êtes inscrit·e.").wait_for()
    assert page.get_by_text(re.compile(r"0 places? restantes? sur 1\.")).is_visible()
    assert_accessible(page)
    registration = Registration.objects.get(event=event, user=alice)
    assert registration.status == Registration.Status.REGISTERED
    assert registration.registered_at <= timezone.now()
