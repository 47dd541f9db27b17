from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from eig.accounts.access import SIGNED_IN, access, public
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.community.selectors import promotion_teams
from eig.http_cache import cacheable
from eig.translation import any_falls_back, falls_back, translated
from eig.website import selectors
from eig.website.feeds import NewsAtomFeed, NewsRssFeed
from eig.website.forms import ChallengeFilterForm
from eig.website.selectors import lazy, lazy_items
from eig.website.spaces import spaces_of


@public()
@cacheable
def challenge_list(request):
    # Lazy, as the data of every page below: its cached fragment needs none of it.
    def listing():
        form = ChallengeFilterForm(request.GET, default_cohort=selectors.public_cohort())
        if not form.is_valid():
            return {"form": form, "challenges": []}
        challenges = list(selectors.published_challenges_matching(**form.selected()))
        return {"form": form, "challenges": challenges}

    return render(
        request,
        "website/challenge_list.html",
        {
            **lazy_items(listing, ["form", "challenges"]),
            "breadcrumb_data": {"current": _("Les défis")},
        },
    )


@public()
@cacheable
def challenge_detail(request, slug):
    challenge = get_object_or_404(
        Challenge.objects.published().select_related("host", "cohort", "image"), slug=slug
    )
    shows_results = challenge.shows_results()
    texts = ["name", "summary", "problem", "challenge", "expected_results"]
    return render(
        request,
        "website/challenge_detail.html",
        {
            "challenge": challenge,
            "skills": lazy(lambda: list(challenge.skills.all())),
            "mentors": lazy(challenge.published_mentors),
            "shows_results": shows_results,
            "in_french": any_falls_back(
                [challenge], texts + ["results_summary"] if shows_results else texts
            ),
            "result_links": lazy(
                lambda: list(challenge.result_links.all()) if shows_results else []
            ),
            "key_figures": lazy(lambda: list(challenge.key_figures.all()) if shows_results else []),
            "breadcrumb_data": {
                "links": [{"url": "/defis/", "title": _("Les défis")}],
                "current": translated(challenge, "name"),
            },
        },
    )


@public()
@cacheable
def cohort_list(request):
    cohorts = list(selectors.published_cohorts())
    return render(
        request,
        "website/cohort_list.html",
        {
            "cohorts": [(cohort, selectors.cohort_figures(cohort)) for cohort in cohorts],
            "in_french": any_falls_back(cohorts, ["description"]),
            "breadcrumb_data": {"current": _("Les promotions")},
        },
    )


@public()
@cacheable
def cohort_detail(request, number):
    cohort = Cohort.objects.served().published().filter(number=number).first()
    if cohort is None:
        raise Http404(_("Cette promotion n'existe pas."))
    challenges = lazy(
        lambda: list(Challenge.objects.published().filter(cohort=cohort).for_listing())
    )
    return render(
        request,
        "website/cohort_detail.html",
        {
            "cohort": cohort,
            "figures": lazy(lambda: selectors.cohort_figures(cohort)),
            "challenges": challenges,
            "teams": lazy(lambda: promotion_teams(cohort, challenges)),
            "calendar": lazy(cohort.calendar),
            "events": lazy(lambda: list(cohort.events.public())),
            "criteria": lazy(lambda: list(cohort.selection_criteria.all())),
            "rules": lazy(cohort.current_rules),
            "breadcrumb_data": {
                "links": [{"url": "/promotions/", "title": _("Les promotions")}],
                "current": str(cohort),
            },
        },
    )


@public()
@cacheable
def press(request):
    return render(
        request,
        "website/press.html",
        {
            "categories": lazy(selectors.press_review),
            "breadcrumb_data": {"current": _("Revue de presse")},
        },
    )


@public()
@cacheable
def events(request):
    def periods():
        found = selectors.events_by_period()
        listed = found["upcoming"] + found["past"]
        return {**found, "in_french": any(falls_back(event, "title") for event in listed)}

    return render(
        request,
        "website/events.html",
        {
            **lazy_items(periods, ["upcoming", "past", "in_french"]),
            "breadcrumb_data": {"current": _("Événements")},
        },
    )


# The news feeds: anyone may subscribe (the articles are the news page's).
news_rss = public()(NewsRssFeed())
news_atom = public()(NewsAtomFeed())


@access(SIGNED_IN)
def my_spaces(request):
    """Where a sign-in lands: the person's one space, or the choice when they have several."""
    spaces = spaces_of(request)
    if len(spaces) == 1:
        return redirect(spaces[0].url)
    return render(
        request,
        "website/my_spaces.html",
        {"breadcrumb_data": {"current": _("Mes espaces")}},
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", {"breadcrumb_data": {}}, status=404)


def server_error(request):
    # No database access here (no programme, no session user): the database may be the fault.
    context = {"programme": None, "user": AnonymousUser(), "breadcrumb_data": {}}
    return render(request, "500.html", context, status=500)
