"""Which public addresses show what, so that a change reaches visitors within seconds.

A save or a deletion of what the public pages show purges, once its transaction is committed,
the addresses that show it from the front cache (Wagtail's front-end cache invalidation, sent by
the task worker), and drops the cached fragments of the pages (`fragments_version`). The front
cache purges an address with every query string of it (deploy/varnish.vcl): the défis list's
filters go with `/defis/`. Wagtail purges a published or unpublished page itself; here its
parent, the home page and the site map follow (they list it).
"""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from eig.challenges.models import Challenge, HostOrganisation, KeyFigure, Mentor, ResultLink, Skill
from eig.cohorts.models import Cohort, Programme, RulesVersion, SelectionCriterion
from eig.community.models import Fellow, Profile
from eig.events.models import Event
from eig.press.models import PressItem
from eig.translation import english_path, french_path

FRAGMENTS_VERSION_KEY = "public-fragments-version"


def fragments_version():
    """Part of every cached fragment's key: a change makes the fragments of before unreachable."""
    version = cache.get(FRAGMENTS_VERSION_KEY)
    if version is None:  # never set, or evicted: a value never used, so no copy of before matches
        version = secrets.token_hex(8)
        if not cache.add(FRAGMENTS_VERSION_KEY, version, timeout=None):
            version = cache.get(FRAGMENTS_VERSION_KEY)  # another process added its own first
    return version


def request_fragments_version(request):
    """The version, read once per request (at most one cache round-trip per public page)."""
    if request is None:
        return fragments_version()
    if not hasattr(request, "_fragments_version"):
        request._fragments_version = fragments_version()
    return request._fragments_version


# What each process keeps for the current version only: the Wagtail site, the programme.
_kept = {"version": None, "values": {}}


def kept(request, name, compute):
    """`compute()`, kept by this process until a change the public pages show (a new version):
    read-only records that every page asks for, read once rather than at every request."""
    version = request_fragments_version(request)
    if _kept["version"] != version:
        _kept["version"], _kept["values"] = version, {}
    if name not in _kept["values"]:
        _kept["values"][name] = compute()
    return _kept["values"][name]


def forget_kept():
    """For a process whose shared cache went back in time (a test's rolled-back writes)."""
    _kept["values"] = {}


def new_fragments_version():
    # Random rather than incremented: each process keeps its own copies of the fragments by
    # version (public_fragments), and a value seen before (an eviction, a rolled-back
    # transaction) would bring back the copies of before.
    cache.set(FRAGMENTS_VERSION_KEY, secrets.token_hex(8), timeout=None)


def lists():
    """The pages that list défis, promotions, press items or events, and the figures."""
    return {
        "/",
        reverse("challenge_list"),
        reverse("cohort_list"),
        reverse("press"),
        reverse("events"),
        reverse("footer-sitemap"),
    }


def challenge_paths(challenge, old_slug=None):
    paths = {"/", reverse("challenge_list"), reverse("cohort_list")}
    paths |= {reverse("challenge_detail", kwargs={"slug": s}) for s in {challenge.slug, old_slug}}
    paths.add(reverse("cohort_detail", kwargs={"number": challenge.cohort.number}))
    return {path for path in paths if "None" not in path}


def press_paths(item):
    return {"/", reverse("press")}


def event_paths(event):
    paths = {"/", reverse("events")}
    if event.cohort_id:
        paths.add(reverse("cohort_detail", kwargs={"number": event.cohort.number}))
    return paths


def every_public_path():
    """For a change shown everywhere (the programme in every header, a promotion's calendar)."""
    paths = lists() | {reverse("rules"), reverse("faq")}
    paths |= {
        reverse("challenge_detail", kwargs={"slug": slug})
        for slug in Challenge.objects.values_list("slug", flat=True)
    }
    paths |= {
        reverse("cohort_detail", kwargs={"number": number})
        for number in Cohort.objects.values_list("number", flat=True)
    }
    paths |= {url for page in Page.objects.live().specific() if (url := page.get_url())}
    return paths


def cohort_path(number):
    return reverse("cohort_detail", kwargs={"number": number})


def profile_paths(profile):
    """A promotion's page shows the consented profiles of its fellows and mentors: a consent
    withdrawn must leave it at once."""
    numbers = set(
        Fellow.objects.filter(user=profile.user_id).values_list("cohort__number", flat=True)
    )
    numbers |= set(
        Mentor.objects.filter(user=profile.user_id).values_list(
            "challenge__cohort__number", flat=True
        )
    )
    return {cohort_path(number) for number in numbers}


def host_or_skill_paths(instance):
    paths = {reverse("challenge_list")}
    for challenge in instance.challenges.select_related("cohort"):
        paths |= challenge_paths(challenge)
    return paths


def page_neighbours_paths(page):
    paths = {"/", reverse("footer-sitemap")}
    # Wagtail purges the page's own address; its English one (an alias) goes with it here.
    if url := page.specific.get_url():
        paths.add(url)
    parent = page.get_parent()
    if parent is not None and (url := parent.specific.get_url()):
        paths.add(url)
    return paths


EVERYTHING = "*"


def with_english(paths):
    """The French addresses and the same addresses under /en/ (the English site shows the same
    records, docs/i18n.md)."""
    # Whatever the language active when they were reversed (a change made from an /en/ page).
    french = {french_path(path) for path in paths}
    return french | {english_path(path) for path in french}


def purge(paths):
    """Once the transaction is committed: new fragments, and the addresses purged, in one go
    for all the changes of the transaction (loading the demo saves hundreds of records)."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _send(set(paths))
        return
    if not any(callback is _send_pending for _i, callback, _r in connection.run_on_commit):
        # First change of this transaction, or the first since a rollback dropped the others.
        connection.__dict__.pop("purge_paths", None)
    connection.__dict__.setdefault("purge_paths", set()).update(paths)
    # A callback per change, each sending all that is pending: the first to run sends the
    # transaction's changes in one go, the others find nothing left.
    transaction.on_commit(_send_pending)


def _send_pending():
    _send(transaction.get_connection().__dict__.pop("purge_paths", set()))


def _send(paths):
    if not paths:
        return
    if EVERYTHING in paths:
        paths = every_public_path()
    paths = with_english(paths)
    new_fragments_version()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_urls_from_cache(sorted(settings.SITE_URL + path for path in paths))


# What each kind of record shows on, from the record.
SHOWN_ON = {
    Challenge: lambda challenge: challenge_paths(challenge, getattr(challenge, "_old_slug", None)),
    ResultLink: lambda link: challenge_paths(link.challenge),
    KeyFigure: lambda figure: challenge_paths(figure.challenge),
    Mentor: lambda mentor: challenge_paths(mentor.challenge),
    PressItem: press_paths,
    Event: event_paths,
    HostOrganisation: host_or_skill_paths,
    Skill: host_or_skill_paths,
    Programme: lambda programme: {EVERYTHING},
    Cohort: lambda cohort: {EVERYTHING},
    RulesVersion: lambda version: {EVERYTHING},
    SelectionCriterion: lambda criterion: {EVERYTHING},
    Site: lambda site: {EVERYTHING},
    Profile: profile_paths,
    Fellow: lambda fellow: {
        cohort_path(fellow.cohort.number)
    },  # its root page is kept by each process (website.sites)
}


def paths_for(instance):
    return SHOWN_ON[type(instance)](instance)


def remember_slug(sender, instance, **kwargs):
    # A défi whose slug changes leaves its old address in the cache: purge it too.
    if instance.pk:
        instance._old_slug = (
            Challenge.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        )


def on_change(sender, instance, **kwargs):
    purge(paths_for(instance))


def on_skills_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Challenge):
        purge(challenge_paths(instance))


def on_page_change(sender, instance, **kwargs):
    purge(page_neighbours_paths(instance))


def on_page_move(sender, instance, url_path_before=None, **kwargs):
    # The page's old address and every page under it are gone: the simplest sure answer.
    purge({EVERYTHING})


def connect():
    pre_save.connect(remember_slug, sender=Challenge, dispatch_uid="purge-slug")
    for model in SHOWN_ON:
        post_save.connect(on_change, sender=model, dispatch_uid=f"purge-{model.__name__}")
        post_delete.connect(on_change, sender=model, dispatch_uid=f"purge-del-{model.__name__}")
    m2m_changed.connect(on_skills_changed, sender=Challenge.skills.through, dispatch_uid="purge")
    page_published.connect(on_page_change, dispatch_uid="purge-page-published")
    page_unpublished.connect(on_page_change, dispatch_uid="purge-page-unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="purge-page-move")
