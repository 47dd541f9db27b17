"""Reads behind the public pages: every figure shown comes from here, never from a template."""

from dataclasses import dataclass
from functools import partial

from django.db.models import Count, Q, Sum
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from eig.backoffice.search import search_words
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort, Programme
from eig.events.models import Event
from eig.press.models import PressItem
from eig.website.models import NewsArticlePage, NewsIndexPage

# What the défis' search box looks in, accents and case aside.
SEARCHED = [
    *("name", "summary", "problem", "challenge", "profiles_sought", "location"),
    *("host__ministry", "host__directorate"),
]


@dataclass(frozen=True)
class CohortFigures:
    fellows: int | None
    fellows_are_sought: bool  # True when the cohort is not formed yet: the défis' needs
    challenges: int
    duration_months: int
    net_monthly_pay: int | None
    team_size_min: int
    team_size_max: int


def lazy(compute):
    """A value computed when a template first uses it: never when its cached fragment is kept
    (eig/website/templatetags/public_fragments.py)."""
    return SimpleLazyObject(compute)


def lazy_items(compute, keys):
    """`keys` of the dict `compute` returns, each lazy, `compute` called once at most; a key it
    leaves out reads as a missing template variable."""
    found = SimpleLazyObject(compute)
    return {key: SimpleLazyObject(partial(_item, found, key)) for key in keys}


def _item(found, key):
    return found.get(key, "")


def current_programme():
    return Programme.objects.select_related("current_cohort").first()


def cohort_figures(cohort: Cohort) -> CohortFigures:
    totals = (
        Challenge.objects.published()
        .filter(cohort=cohort)
        .aggregate(count=Count("id"), sought=Sum("fellows_sought"))
    )
    fellows = cohort.fellows_count if cohort.fellows_count is not None else totals["sought"]
    return CohortFigures(
        fellows=fellows,
        fellows_are_sought=cohort.fellows_count is None,
        challenges=totals["count"],
        duration_months=cohort.duration_months,
        net_monthly_pay=cohort.net_monthly_pay,
        team_size_min=cohort.team_size_min,
        team_size_max=cohort.team_size_max,
    )


def public_cohort():
    """The cohort the public pages open on: the one whose call is open, else the featured one."""
    programme = current_programme()
    return programme.public_cohort() if programme else None


def latest_news(count=3):
    return list(
        NewsArticlePage.objects.live()
        .public()
        # One tree per language (docs/i18n.md): the English site lists the English pages.
        .filter(locale__language_code=get_language())
        .select_related("cover_image")
        .prefetch_related("tags")
        .order_by("-published_on", "-pk")[:count]
    )


def news_context():
    # The index's own privacy is checked when it is opened; the articles' here.
    return {
        "latest_news": latest_news(),
        "news_index": NewsIndexPage.objects.live()
        .filter(locale__language_code=get_language())
        .first(),
    }


HOME_KEYS = [
    *("cohort", "call_cohort", "figures", "criteria", "upcoming_phases", "calendar"),
    *("upcoming_events", "featured_challenges", "latest_news", "news_index"),
]


def home_context():
    programme = current_programme()
    cohort, call_cohort = programme.public_and_call_cohorts() if programme else (None, None)
    if cohort is None:
        return {"cohort": None, "call_cohort": call_cohort, **news_context()}
    return {
        **news_context(),
        "cohort": cohort,
        "call_cohort": call_cohort or cohort,
        "figures": cohort_figures(cohort),
        "criteria": list(cohort.selection_criteria.all()),
        "upcoming_phases": cohort.upcoming_phases(),
        "calendar": cohort.calendar(),
        "upcoming_events": list(Event.objects.public().upcoming()[:3]),
        "featured_challenges": list(
            Challenge.objects.published().filter(cohort=cohort).for_listing()[:6]
        ),
    }


def published_cohorts():
    return Cohort.objects.published().with_challenge_counts().order_by("-number")


def press_review():
    """Press items grouped by category, in the order of the categories."""
    items = list(PressItem.objects.all())
    return [
        (label, [item for item in items if item.category == value])
        for value, label in PressItem.Category.choices
    ]


def sitemap_sections(site):
    """The site's sections: the domain pages, then the editorial page tree."""
    sections = [
        (_("Les défis"), reverse("challenge_list")),
        (_("Les promotions"), reverse("cohort_list")),
        (_("Revue de presse"), reverse("press")),
        (_("Événements"), reverse("events")),
    ]
    cohorts = [(str(cohort), cohort_url(cohort)) for cohort in Cohort.objects.published()]
    pages = []
    if site:
        root = site.root_page.localized
        pages = [(page.title, page.url) for page in root.get_children().live().in_menu()]
        pages += [
            (page.title, page.url)
            for page in root.get_children().live().filter(show_in_menus=False)
        ]
    return {"sections": sections, "cohorts": cohorts, "pages": pages}


def cohort_url(cohort):
    return reverse("cohort_detail", kwargs={"number": cohort.number})


def events_by_period():
    events = Event.objects.public().select_related("cohort")
    return {
        "upcoming": list(events.upcoming()),
        "past": list(events.past().order_by("-starts_on", "title")),
    }


def rules_to_show(query):
    """What /reglement/ shows for its `query` (?promotion=, &version=): a version of a cohort's
    rules, the cohort's other versions and the other cohorts with rules; an unknown promotion or
    version is said, and the default shown instead."""
    cohorts = [
        cohort
        for cohort in Cohort.objects.published().prefetch_related("rules_versions")
        if any(version.is_published() for version in cohort.rules_versions.all())
    ]
    by_number = {str(cohort.number): cohort for cohort in cohorts}
    asked_cohort, asked_version = query.get("promotion"), query.get("version")
    default = public_cohort()
    cohort = by_number.get(asked_cohort) or by_number.get(str(getattr(default, "number", "")))
    if cohort is None and cohorts:
        cohort = cohorts[-1]
    versions = [v for v in cohort.rules_versions.all() if v.is_published()] if cohort else []
    versions.sort(key=lambda version: (version.published_on, version.pk), reverse=True)
    rules = next((v for v in versions if v.version == asked_version), None)
    unknown = (asked_cohort and asked_cohort not in by_number) or (asked_version and rules is None)
    return {
        "rules_cohort": cohort,
        "rules": rules or (versions[0] if versions else None),
        "older_versions": [v for v in versions if v != (rules or versions[0])],
        "other_cohorts": [other for other in reversed(cohorts) if other != cohort],
        "unknown_rules": unknown,
    }


def published_challenges_matching(*, cohort=None, skill=None, host=None, search=""):
    challenges = search_words(Challenge.objects.published().for_listing(), search, SEARCHED)
    conditions = Q()
    if cohort is not None:
        conditions &= Q(cohort=cohort)
    if skill is not None:
        conditions &= Q(skills=skill)
    if host is not None:
        conditions &= Q(host=host)
    return challenges.filter(conditions).distinct().order_by(Lower("name"))
