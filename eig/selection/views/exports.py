"""Downloads of the scores page and of a défi's ranking (the same rows, as a file), and of
every review with its comments."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.audit.models import Action
from eig.audit.services import record_export
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.exports import download, file_name
from eig.selection import evaluations, exports, score_tables


def _download(request, headers, rows, file_format, name, *, title, action, target):
    record_export(
        request=request,
        action=action,
        target=target,
        file_format=file_format,
        filters=request.GET.dict(),
    )
    return download(headers, rows, file_format, name, title=title)


@access(PROGRAMME_TEAM, sensitive=True)
def scores_export(request, number, file_format):
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    criteria, scores, _error = score_tables.cohort_scores(cohort)
    rows = score_tables.score_rows(cohort, criteria, scores)
    headers, lines = exports.scores_dataset(criteria, rows)
    name = file_name("notes", f"promotion-{cohort.number}", file_format=file_format)
    return _download(
        request,
        headers,
        lines,
        file_format,
        name,
        title=_("Notes %(cohort)s") % {"cohort": cohort},
        action=Action.SCORES_EXPORTED,
        target=cohort,
    )


@access(PROGRAMME_TEAM, sensitive=True)
def ranking_export(request, number, slug, file_format):
    """Calibrated by default; `?brut=1` ranks on raw scores, as on the page."""
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    challenge = get_object_or_404(Challenge, cohort=cohort, slug=slug)
    calibrated = request.GET.get("brut") != "1"
    _criteria, scores, _error = score_tables.cohort_scores(cohort)
    rows = score_tables.ranking_rows(cohort, challenge, scores, calibrated=calibrated)
    headers, lines = exports.ranking_dataset(rows)
    scope = challenge.slug if calibrated else f"{challenge.slug}-brut"
    name = file_name("classement", f"promotion-{cohort.number}", scope, file_format=file_format)
    return _download(
        request,
        headers,
        lines,
        file_format,
        name,
        title=_("Classement %(challenge)s") % {"challenge": challenge.name},
        action=Action.RANKING_EXPORTED,
        target=challenge,
    )


@access(PROGRAMME_TEAM, sensitive=True)
def reviews_export(request, number, file_format):
    """Every review of the cohort, drafts included, with its comments: one row each."""
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    grid_criteria, lines = evaluations.cohort_review_lines(cohort)
    headers, rows = exports.reviews_dataset(grid_criteria, lines)
    name = file_name("evaluations", f"promotion-{cohort.number}", file_format=file_format)
    return _download(
        request,
        headers,
        rows,
        file_format,
        name,
        title=_("Évaluations %(cohort)s") % {"cohort": cohort},
        action=Action.REVIEWS_EXPORTED,
        target=cohort,
    )
