"""The programme team's view of the scores: per application, and the ranking per défi."""

import dataclasses

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from eig.applications.models import Application, ChallengeChoice
from eig.backoffice.access import programme_team_required
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.selection import reviews
from eig.selection.models import Reviewer


def _scores(cohort):
    """(criteria, scores, error): a grid changed after submissions gives an error message."""
    try:
        criteria, scores = reviews.cohort_scores(cohort)
    except ValueError as error:
        return (), {}, str(error)
    return [c for c in criteria if c.scored], scores, ""


@never_cache
@programme_team_required
@require_GET
def scores(request, number):
    cohort = get_object_or_404(Cohort, number=number)
    criteria, scores, error = _scores(cohort)
    applications = Application.objects.in_bulk(list(scores))
    names = dict(Reviewer.objects.filter(cohort=cohort).values_list("pk", "full_name"))
    rows = [
        {
            "application": applications[pk],
            "scores": result,
            "reasons": [
                str(dataclasses.replace(d, reviewers=tuple(names.get(r, r) for r in d.reviewers)))
                for d in result.disagreements
            ],
            "criteria": [(c, result.raw[c.key], result.calibrated[c.key]) for c in criteria],
        }
        for pk, result in scores.items()
    ]
    rows.sort(key=lambda row: -row["scores"].calibrated_overall)
    return render(
        request,
        "selection/scores/scores.html",
        {
            "cohort": cohort,
            "criteria": criteria,
            "rows": rows,
            "error": error,
            "challenges": Challenge.objects.filter(cohort=cohort).order_by("name"),
            "breadcrumb_data": _breadcrumb(cohort),
        },
    )


@never_cache
@programme_team_required
@require_GET
def ranking(request, number, slug):
    """Calibrated by default; `?brut=1` ranks on raw scores."""
    cohort = get_object_or_404(Cohort, number=number)
    challenge = get_object_or_404(Challenge, cohort=cohort, slug=slug)
    calibrated = request.GET.get("brut") != "1"
    _criteria, scores, error = _scores(cohort)
    choices = {}
    for application_id, challenge_id in (
        ChallengeChoice.objects.filter(
            application__cohort=cohort, application__submitted_at__isnull=False
        )
        .order_by("application_id", "rank")
        .values_list("application_id", "challenge_id")
    ):
        choices.setdefault(application_id, []).append(challenge_id)
    entries = reviews.scoring.rank_for_challenge(
        challenge.pk, choices, scores, calibrated=calibrated
    )
    applications = Application.objects.in_bulk([entry.application for entry in entries])
    return render(
        request,
        "selection/scores/ranking.html",
        {
            "cohort": cohort,
            "challenge": challenge,
            "calibrated": calibrated,
            "error": error,
            "rows": [
                {
                    "entry": entry,
                    "application": applications[entry.application],
                    "scores": scores.get(entry.application),
                }
                for entry in entries
            ],
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
