from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from eig.accounts.access import SIGNED_IN, access, public
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.community.selectors import promotion_teams
from eig.http_cache import cacheable
from eig.translation import falls_back
from eig.website import selectors
from eig.website.feeds import NewsAtomFeed, NewsRssFeed
from eig.website.forms import ChallengeFilterForm
from eig.website.spaces import spaces_of


@public()
@cacheable
def challenge_list(request):
    form = ChallengeFilterForm(request.GET, default_cohort=selectors.public_cohort())
    if form.is_valid():
        challenges = list(selectors.published_challenges_matching(**form.selected()))
    else:
        challenges = []
    return render(
        request,
        "website/challenge_list.html",
        {
            "form": form,
            "challenges": challenges,
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
    return render(
        request,
        "website/challenge_detail.html",
        {
            "challenge": challenge,
            "skills": list(challenge.skills.all()),
            "mentors": challenge.published_mentors(),
            "shows_results": shows_results,
            "result_links": list(challenge.result_links.all()) if shows_results else [],
            "key_figures": list(challenge.key_figures.all()) if shows_results else [],
            "breadcrumb_data": {
                "links": [{"url": "/defis/", "title": _("Les défis")}],
                "current": challenge.name,
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
            "breadcrumb_data": {"current": _("Les promotions")},
        },
    )


@public()
@cacheable
def cohort_detail(request, number):
    cohort = Cohort.objects.served().published().filter(number=number).first()
    if cohort is None:
        raise Http404(_("Cette promotion n'existe pas."))
    challenges = list(Challenge.objects.published().filter(cohort=cohort).for_listing())
    return render(
        request,
        "website/cohort_detail.html",
        {
            "cohort": cohort,
            "figures": selectors.cohort_figures(cohort),
            "challenges": challenges,
            "teams": promotion_teams(cohort, challenges),
            "calendar": cohort.calendar(),
            "events": list(cohort.events.public()),
            "criteria": list(cohort.selection_criteria.all()),
            "rules": cohort.current_rules(),
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
            "categories": selectors.press_review(),
            "breadcrumb_data": {"current": _("Revue de presse")},
        },
    )


@public()
@cacheable
def events(request):
    periods = selectors.events_by_period()
    listed = periods["upcoming"] + periods["past"]
    return render(
        request,
        "website/events.html",
        {
            **periods,
            "in_french": any(falls_back(event, "title") for event in listed),
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
