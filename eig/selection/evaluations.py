"""The jury's work on one application, as the programme team reads it on the application's page.

`evaluations_panel(application)` gathers each review (submitted, draft, or not started yet),
the audition panel's grids, the disagreement flags and the scores, raw, calibrated and final;
the page shows it with selection/_evaluations_panel.html. A fixed number of queries, whatever
the size of the jury or of the cohort.
"""

import math
from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from eig.applications.models import Application
from eig.selection import reviews, score_tables, scoring, signals
from eig.selection.models import Assignment, Conflict, Review


@dataclass(frozen=True)
class ReviewLine:
    """One reviewer's evaluation, submitted or draft."""

    review: Review
    scores: dict  # criterion key -> score (scored criteria)
    answers: dict  # criterion key -> True / False (yes/no checks)
    comments: list  # (criterion label, comment), in grid order, the non-empty ones
    mean: float | None  # their weighted mean, once every criterion is scored
    recommended: list  # the défis they recommend

    @property
    def reviewer(self):
        return self.review.assignment.reviewer

    @property
    def is_submitted(self):
        return self.review.is_submitted


@dataclass(frozen=True)
class EvaluationsPanel:
    criteria: tuple  # scoring.Criterion, scored ones
    checks: tuple  # scoring.Criterion, yes/no ones (availability)
    lines: list  # ReviewLine, by reviewer's name
    waiting: list  # the reviewers who have not started
    scores: scoring.ApplicationScores | None  # the submitted reviews' aggregate
    error: str  # the grid no longer fits the reviews: no aggregate
    reasons: list  # the disagreement flags, in French, naming the reviewers
    criterion_rows: list  # (criterion, [score or None per line], raw mean, calibrated mean)
    check_rows: list  # (criterion, [True / False / None per line])
    audition: list  # signals.AuditionGrid, by member's name
    audition_rows: list  # (label, [score or None per grid], mean of the filled ones)
    audition_mean: float | None
    audition_weight: int
    final: float | None

    @property
    def submitted_count(self):
        return sum(line.is_submitted for line in self.lines)


def evaluations_panel(application):
    """The jury's work on `application` (its cohort selected with it, ideally)."""
    cohort = application.cohort
    grid_criteria = reviews.criteria_of(reviews.grid_for(cohort))
    criteria = tuple(c for c in grid_criteria if c.scored)
    checks = tuple(c for c in grid_criteria if not c.scored)
    assignments = _assignments(application)
    lines = [review_line(a.review, grid_criteria) for a in assignments if hasattr(a, "review")]

    _scored, cohort_results, error = score_tables.cohort_scores(cohort)
    result = cohort_results.get(application.pk)
    names = {line.reviewer.pk: line.reviewer.full_name for line in lines}

    audition = signals.audition_grids(Application.objects.filter(pk=application.pk)).get(
        application.pk, []
    )
    audition_mean = scoring.audition_mean(grid.scores for grid in audition)
    written = result.calibrated_overall if result else None
    return EvaluationsPanel(
        criteria=criteria,
        checks=checks,
        lines=lines,
        waiting=[a.reviewer for a in assignments if not hasattr(a, "review")],
        scores=result,
        error=error,
        reasons=score_tables.reasons(result, names) if result else [],
        criterion_rows=[
            (
                criterion,
                [line.scores.get(criterion.key) for line in lines],
                result.raw[criterion.key] if result else None,
                result.calibrated[criterion.key] if result else None,
            )
            for criterion in criteria
        ],
        check_rows=[
            (criterion, [line.answers.get(criterion.key) for line in lines]) for criterion in checks
        ],
        audition=audition,
        audition_rows=audition_rows(audition),
        audition_mean=audition_mean,
        audition_weight=cohort.audition_weight,
        final=scoring.final_score(written, audition_mean, audition_weight=cohort.audition_weight),
    )


def _assignments(application):
    """The released assignments of `application`: with a review, or still to do. One not
    started whose reviewer has a conflict with the candidate will never be: left out."""
    conflict = Conflict.objects.blocking().filter(
        reviewer=OuterRef("reviewer"), application=OuterRef("application")
    )
    assignments = (
        Assignment.objects.released()
        .filter(application=application)
        .annotate(in_conflict=Exists(conflict))
        .select_related("reviewer", "review")
        .prefetch_related("review__scores", "review__recommended")
        .order_by("reviewer__full_name", "pk")
    )
    return [a for a in assignments if hasattr(a, "review") or not a.in_conflict]


def cohort_review_lines(cohort):
    """(grid criteria, [ReviewLine]): every review of `cohort`, submitted or draft, of the
    applications the jury assesses, by candidate then reviewer. A fixed number of queries."""
    grid_criteria = reviews.criteria_of(reviews.grid_for(cohort))
    found = (
        Review.objects.filter(
            assignment__reviewer__cohort=cohort,
            assignment__application__in=Application.objects.assessable(),
        )
        .select_related("assignment__reviewer", "assignment__application")
        .prefetch_related("scores", "recommended")
        .order_by(
            "assignment__application__last_name",
            "assignment__application__first_name",
            "assignment__application_id",
            "assignment__reviewer__full_name",
            "pk",
        )
    )
    return grid_criteria, [review_line(review, grid_criteria) for review in found]


def review_line(review, grid_criteria):
    scores, answers, comments = {}, {}, {}
    for row in review.scores.all():
        if row.score is not None:
            scores[row.key] = row.score
        elif row.answer is not None:
            answers[row.key] = row.answer
        comments[row.key] = row.comment
    criteria = [c for c in grid_criteria if c.scored]
    mean = None
    if criteria and all(c.key in scores for c in criteria):
        mean = math.fsum(scores[c.key] * c.weight for c in criteria) / math.fsum(
            c.weight for c in criteria
        )
    return ReviewLine(
        review=review,
        scores=scores,
        answers=answers,
        comments=[(c.label, comments[c.key]) for c in grid_criteria if comments.get(c.key)],
        mean=mean,
        recommended=sorted(review.recommended.all(), key=lambda challenge: challenge.name),
    )


def audition_rows(grids):
    """(criterion label, [score or None per grid], mean of the scores given), in grid order."""
    rows = {}
    for position, grid in enumerate(grids):
        for key, label, score, _comment in grid.rows:
            rows.setdefault(key, (label, [None] * len(grids)))[1][position] = score
    return [
        (label, scores, _mean([score for score in scores if score is not None]))
        for label, scores in rows.values()
    ]


def _mean(values):
    return math.fsum(values) / len(values) if values else None
