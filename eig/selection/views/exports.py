"""Downloads of the scores page and of a défi's ranking: the same rows, as a file."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from eig.audit.services import record_export
from eig.backoffice.access import programme_team_required
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.decisions.models import DecisionNotice
from eig.selection import exports, score_tables


def _download(request, headers, rows, file_format, file_name):
    record_export(request=request, file_format=file_format, filters=request.GET.dict())
    response = HttpResponse(
        exports.file_bytes(headers, rows, file_format),
        content_type=exports.CONTENT_TYPES[file_format],
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@never_cache
@programme_team_required
@require_GET
def scores_export(request, number, file_format):
    cohort = get_object_or_404(Cohort, number=number)
    criteria, scores, _error = score_tables.cohort_scores(cohort)
    rows = score_tables.score_rows(cohort, criteria, scores)
    headers, lines = exports.scores_dataset(criteria, rows)
    name = exports.file_name("notes", cohort, file_format)
    return _download(request, headers, lines, file_format, name)


@never_cache
@programme_team_required
@require_GET
def ranking_export(request, number, slug, file_format):
    """Calibrated by default; `?brut=1` ranks on raw scores, as on the page."""
    cohort = get_object_or_404(Cohort, number=number)
    challenge = get_object_or_404(Challenge, cohort=cohort, slug=slug)
    calibrated = request.GET.get("brut") != "1"
    _criteria, scores, _error = score_tables.cohort_scores(cohort)
    rows = score_tables.ranking_rows(cohort, challenge, scores, calibrated=calibrated)
    headers, lines = exports.ranking_dataset(rows)
    scope = challenge.slug if calibrated else f"{challenge.slug}-brut"
    name = exports.file_name("classement", cohort, file_format, scope)
    return _download(request, headers, lines, file_format, name)


@never_cache
@programme_team_required
@require_GET
def decisions_export(request, number, file_format):
    """The decisions already sent to the cohort's candidates, the latest first."""
    cohort = get_object_or_404(Cohort, number=number)
    notices = DecisionNotice.objects.filter(application__cohort=cohort).select_related(
        "application", "sent_by"
    )
    headers, lines = exports.decisions_dataset(notices)
    name = exports.file_name("decisions", cohort, file_format)
    return _download(request, headers, lines, file_format, name)
