"""The scores and the rankings of a cohort as CSV, XLSX or ODS files, as the pages show them."""

import tablib
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.backoffice.export import CONTENT_TYPES, PARIS, neutralised, paris_time

__all__ = [
    "CONTENT_TYPES",
    "decisions_dataset",
    "file_bytes",
    "file_name",
    "ranking_dataset",
    "scores_dataset",
]


def file_bytes(headers, rows, file_format):
    """The file: every cell a spreadsheet could take for a formula is neutralised."""
    dataset = tablib.Dataset(headers=headers)
    for row in rows:
        dataset.append([neutralised(value) for value in row])
    if file_format == "csv":
        # The byte order mark tells spreadsheets the file is UTF-8, so accents survive.
        return ("\ufeff" + dataset.export("csv")).encode()
    return dataset.export(file_format)


def file_name(kind, cohort, file_format, scope=""):
    """For example notes-promotion-2-2026-11-28.xlsx or classement-promotion-2-defi-x-….ods."""
    parts = [kind, f"promotion-{cohort.number}", *([scope] if scope else [])]
    today = timezone.localdate(timezone=PARIS).isoformat()
    return f"{'-'.join(parts)}-{today}.{file_format}"


def score(value):
    return None if value is None else round(value, 2)


def scores_dataset(criteria, rows):
    """Headers and rows of the scores page: `rows` as built by `views.scores.scores`."""
    headers = [
        _("Candidature"),
        _("Courriel"),
        _("État"),
        _("Évaluations"),
        _("Note globale brute"),
        _("Note globale calibrée"),
    ]
    for criterion in criteria:
        headers += [
            _("%(label)s (brute)") % {"label": criterion.label},
            _("%(label)s (calibrée)") % {"label": criterion.label},
        ]
    headers += [_("Désaccord"), _("Motifs du désaccord")]
    lines = []
    for row in rows:
        application, result = row["application"], row["scores"]
        line = [
            application.full_name,
            application.email,
            str(application.get_status_display()),
            result.review_count,
            score(result.raw_overall),
            score(result.calibrated_overall),
        ]
        for _criterion, raw, calibrated in row["criteria"]:
            line += [score(raw), score(calibrated)]
        line += [_("Oui") if result.disagreement else _("Non"), " ; ".join(row["reasons"])]
        lines.append(line)
    return headers, lines


def ranking_dataset(rows):
    """Headers and rows of a défi's ranking: `rows` as built by `views.scores.ranking`."""
    headers = [
        _("Rang"),
        _("Candidature"),
        _("Courriel"),
        _("Note"),
        _("Choix n°"),
        _("Recommandations"),
        _("Évaluations"),
    ]
    lines = [
        [
            row["entry"].position,
            row["application"].full_name,
            row["application"].email,
            score(row["entry"].score),
            row["entry"].choice_rank,
            row["entry"].recommendations,
            row["scores"].review_count if row["scores"] else 0,
        ]
        for row in rows
    ]
    return headers, lines


def decisions_dataset(notices):
    """Headers and rows of the decisions sent to a cohort's candidates."""
    headers = [_("Candidature"), _("Courriel"), _("Décision"), _("Envoyée le"), _("Envoyée par")]
    lines = [
        [
            notice.application.full_name,
            notice.application.email,
            str(notice.get_outcome_display()),
            paris_time(notice.sent_at),
            (notice.sent_by.email or notice.sent_by.username) if notice.sent_by else "",
        ]
        for notice in notices
    ]
    return headers, lines
