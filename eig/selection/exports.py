"""The scores and the rankings of a cohort as CSV, XLSX or ODS files, as the pages show them.

The rows are built here; `eig.exports` makes the file.
"""

from django.utils.translation import gettext as _

from eig.exports import paris_time


def score(value):
    return None if value is None else round(value, 2)


def short_id(application):
    """The first characters of the public id: enough to tell namesakes apart."""
    return str(application.public_id)[:8]


def scores_dataset(criteria, rows):
    """Headers and rows of the scores page: `rows` as built by `views.scores.scores`."""
    headers = [
        _("Candidature"),
        _("Courriel"),
        _("État"),
        _("Évaluations"),
        _("Note globale brute"),
        _("Note globale calibrée"),
        _("Note d’audition"),
        _("Note finale"),
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
            score(row["final"].audition),
            score(row["final"].final),
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
        _("Note écrite"),
        _("Note d’audition"),
        _("Ville"),
        _("Identifiant"),
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
            score(row["final"].written if row["final"] else None),
            score(row["final"].audition if row["final"] else None),
            row["application"].city,
            short_id(row["application"]),
        ]
        for row in rows
    ]
    return headers, lines


def reviews_dataset(grid_criteria, lines):
    """One row per review, submitted or draft, with its comments: `lines` as built by
    `evaluations.cohort_review_lines`."""
    scored = [c for c in grid_criteria if c.scored]
    checks = [c for c in grid_criteria if not c.scored]
    headers = [_("Candidature"), _("Identifiant"), _("Courriel"), _("Membre du jury")]
    headers += [criterion.label for criterion in scored]
    headers += [_("Moyenne"), _("Avis"), _("Défis recommandés")]
    headers += [criterion.label for criterion in checks]
    headers += [
        _("Commentaire général"),
        _("Commentaires par critère"),
        _("État"),
        _("Soumise le"),
        _("Modifiée le"),
    ]
    rows = []
    for line in lines:
        review, application = line.review, line.review.assignment.application
        row = [application.full_name, short_id(application), application.email]
        row.append(line.reviewer.full_name)
        row += [line.scores.get(criterion.key) for criterion in scored]
        row += [
            score(line.mean),
            str(review.get_verdict_display()) if review.verdict else "",
            " ; ".join(challenge.name for challenge in line.recommended),
        ]
        row += [_yes_no(line.answers.get(criterion.key)) for criterion in checks]
        row += [
            review.comment,
            "\n".join(f"{label} : {comment}" for label, comment in line.comments),
            str(review.get_status_display()),
            paris_time(review.submitted_at),
            paris_time(review.updated_at),
        ]
        rows.append(row)
    return headers, rows


def _yes_no(answer):
    return "" if answer is None else _("Oui") if answer else _("Non")
