"""The programme team's view of the scores: per application, and the ranking per défi."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.selection import score_tables

# A national call has tens of thousands of scored applications: the pages show them by pages,
# the exports in full.
ROWS_PER_PAGE = 100


@access(PROGRAMME_TEAM)
def scores(request, number):
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    criteria, scores, error = score_tables.cohort_scores(cohort)
    ids, finals = score_tables.ranked_by_final(cohort, scores)
    page = Paginator(ids, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    rows = score_tables.score_rows(cohort, criteria, scores, ids=list(page), finals=finals)
    return render(
        request,
        "selection/scores/scores.html",
        {
            "cohort": cohort,
            "criteria": criteria,
            "rows": rows,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "error": error,
            "challenges": Challenge.objects.filter(cohort=cohort).order_by("name"),
            "breadcrumb_data": _breadcrumb(cohort),
        },
    )


@access(PROGRAMME_TEAM)
def ranking(request, number, slug):
    """Calibrated by default; `?brut=1` ranks on raw scores."""
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    challenge = get_object_or_404(Challenge, cohort=cohort, slug=slug)
    calibrated = request.GET.get("brut") != "1"
    _criteria, scores, error = score_tables.cohort_scores(cohort)
    entries, finals = score_tables.ranking_entries(cohort, challenge, scores, calibrated=calibrated)
    page = Paginator(entries, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    rows = score_tables.ranking_rows(
        cohort, challenge, scores, calibrated=calibrated, entries=list(page), finals=finals
    )
    return render(
        request,
        "selection/scores/ranking.html",
        {
            "cohort": cohort,
            "challenge": challenge,
            "calibrated": calibrated,
            "error": error,
            "rows": rows,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "breadcrumb_data": {
                "links": [
                    {
                        "url": reverse("backoffice:application_list"),
                        "title": _("Espace de l’équipe"),
                    },
                    {"url": reverse("selection:scores", args=[number]), "title": _("Notes")},
                ],
                "current": challenge.name,
            },
        },
    )


def _breadcrumb(cohort):
    return {
        "links": [
            {"url": reverse("backoffice:application_list"), "title": _("Espace de l’équipe")}
        ],
        "current": _("Notes — %(cohort)s") % {"cohort": cohort},
    }
