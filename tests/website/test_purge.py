"""A change purges the addresses that show it (eig/website/purge.py), once committed.

The purges go through Wagtail's front-end cache invalidation to a backend that records them
(the real Varnish receiving them is tested in tests/deploy/test_varnish.py).
"""

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page

from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort, Programme
from eig.community.models import Profile
from eig.events.models import Event
from eig.press.models import PressItem
from eig.website.purge import FRAGMENTS_VERSION_KEY, fragments_version
from tests.community.conftest import make_fellow
from tests.factories import ChallengeFactory

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://eig.example"
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()

    def change(action):
        PURGED.clear()
        with django_capture_on_commit_callbacks(execute=True):
            action()
        paths = {urlsplit(url).path for url in PURGED}
        # Every French address purged goes with its English one (docs/i18n.md).
        french = {path for path in paths if not path.startswith("/en/")}
        assert paths - french == {"/en" + path for path in french}
        return french

    return change


def test_saving_a_challenge_purges_its_page_the_lists_and_its_promotion(demo, purged):
    challenge = Challenge.objects.published().select_related("cohort").first()

    def edit():
        challenge.summary = "Un nouveau résumé."
        challenge.save()

    assert purged(edit) == {
        "/",
        "/defis/",
        f"/defis/{challenge.slug}/",
        "/promotions/",
        f"/promotions/{challenge.cohort.number}/",
    }


def test_a_new_slug_purges_the_old_address_too(demo, purged):
    challenge = Challenge.objects.published().first()
    old = challenge.slug

    def rename():
        challenge.slug = f"{old}-bis"
        challenge.save()

    paths = purged(rename)

    assert {f"/defis/{old}/", f"/defis/{old}-bis/"} <= paths


def test_changing_a_challenge_s_skills_purges_it(demo, purged):
    challenge = Challenge.objects.published().first()

    paths = purged(lambda: challenge.skills.clear())

    assert f"/defis/{challenge.slug}/" in paths


def test_deleting_a_challenge_purges_its_page(demo, purged):
    created = []
    purged(lambda: created.append(ChallengeFactory(cohort=Cohort.objects.get(number=2))))
    challenge = created[0]
    slug = challenge.slug

    assert f"/defis/{slug}/" in purged(challenge.delete)


def test_a_press_item_purges_the_press_page_and_the_home(demo, purged):
    item = PressItem.objects.first()

    def edit():
        item.title = "Un autre titre"
        item.save()

    assert purged(edit) == {"/", "/presse/"}
    assert purged(item.delete) == {"/", "/presse/"}


def test_an_event_purges_the_events_its_promotion_and_the_home(demo, purged):
    event = Event.objects.filter(cohort__isnull=False).select_related("cohort").first()

    def edit():
        event.title = "Rencontre"
        event.save()

    assert purged(edit) == {"/", "/evenements/", f"/promotions/{event.cohort.number}/"}


def test_the_programme_is_on_every_page(demo, purged):
    def edit():
        demo.tagline = "Une autre accroche"
        demo.save()

    paths = purged(edit)

    assert {"/", "/defis/", "/presse/", "/evenements/", "/faq/", "/plan-du-site/"} <= paths
    assert {f"/defis/{slug}/" for slug in Challenge.objects.values_list("slug", flat=True)} <= paths
    assert {f"/promotions/{n}/" for n in Cohort.objects.values_list("number", flat=True)} <= paths


def test_a_transaction_sends_its_purges_once(demo, purged, settings):
    challenges = list(Challenge.objects.published()[:3])

    def edit_all():
        for challenge in challenges:
            challenge.save()
        Programme.objects.get().save()

    paths = purged(edit_all)

    assert len(PURGED) == 2 * len(paths)  # each address once, in French and in English
    assert {f"/defis/{challenge.slug}/" for challenge in challenges} <= paths


def test_publishing_a_page_purges_it_its_parent_the_home_and_the_site_map(demo, purged):
    page = Page.objects.get(url_path__endswith="/faq/", locale__language_code="fr").specific

    paths = purged(lambda: page.save_revision().publish())

    assert {"/faq/", "/", "/plan-du-site/"} <= paths


def test_nothing_is_sent_without_a_front_cache(demo, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = None
    PURGED.clear()
    item = PressItem.objects.first()

    with django_capture_on_commit_callbacks(execute=True):
        item.save()

    assert PURGED == []


def test_a_change_gives_the_fragments_a_new_version(demo, django_capture_on_commit_callbacks):
    cache.delete(FRAGMENTS_VERSION_KEY)
    before = fragments_version()

    with django_capture_on_commit_callbacks(execute=True):
        PressItem.objects.first().save()

    assert fragments_version() != before


def test_a_rolled_back_change_purges_nothing(demo, purged):
    from django.db import transaction

    item = PressItem.objects.first()

    def failed_then_saved():
        try:
            with transaction.atomic():
                item.title = "Jamais enregistré"
                item.save()
                raise RuntimeError
        except RuntimeError:
            pass

    assert purged(failed_then_saved) == set()


def test_a_change_purges_the_english_addresses_too(demo, purged):
    challenge = Challenge.objects.published().select_related("cohort").first()

    def edit():
        challenge.summary_en = "A new summary."
        challenge.save()

    purged(edit)
    english = {urlsplit(url).path for url in PURGED if urlsplit(url).path.startswith("/en/")}
    assert {"/en/", "/en/defis/", f"/en/defis/{challenge.slug}/"} <= english


def test_a_fellow_s_profile_purges_the_promotion_that_shows_it(
    db, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the setting up's purges sent
        fellow = make_fellow(ChallengeFactory())
        profile = Profile.objects.create(
            user=fellow.user, name="Alice", consented_at=timezone.now()
        )

    def withdraw():
        profile.consented_at = None
        profile.save()

    assert purged(withdraw) == {f"/promotions/{fellow.cohort.number}/"}
