"""The scores and the rankings of a cohort as CSV, XLSX or ODS files, as the pages show them.

The rows are built here; `eig.exports` makes the file.
"""

from django.utils.translation import gettext as _


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
