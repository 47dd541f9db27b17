"""The evaluation grid of a cohort and the reviews: storage around the maths of `scoring`."""

from django.db import transaction
from django.http import Http404
from django.utils import formats, timezone

from eig.applications.models import ChallengeChoice
from eig.audit.models import Action
from eig.audit.services import record
from eig.selection import scoring
from eig.selection.models import Assignment, GridCriterion, Review, ReviewGrid, ReviewScore


class ReviewRefused(ValueError):
    """The review cannot be saved: the French message says why; nothing was changed."""


def grid_for(cohort):
    """The cohort's grid, created from the programme's published criteria on first use."""
    grid, created = ReviewGrid.objects.get_or_create(cohort=cohort)
    if created:
        GridCriterion.objects.bulk_create(
            GridCriterion(
                grid=grid,
                key=criterion.key,
                label=criterion.label,
                weight=criterion.weight,
                scored=criterion.scored,
                sort_order=position,
            )
            for position, criterion in enumerate(scoring.DEFAULT_CRITERIA)
        )
    return grid


def criteria_of(grid):
    """The grid as `scoring.Criterion` values, in grid order."""
    return tuple(
        scoring.Criterion(c.key, c.label, weight=c.weight, scored=c.scored)
        for c in grid.criteria.order_by("sort_order", "pk")
    )


def is_closed(grid, now=None):
    return grid.reviewing_deadline is not None and (now or timezone.now()) > grid.reviewing_deadline


def closed_message(grid):
    when = formats.date_format(timezone.localtime(grid.reviewing_deadline), "j F Y à H:i")
    return f"L'évaluation est close depuis le {when}."


def as_scoring_review(review):
    """A stored review as `scoring.Review` (reviewer and application: primary keys)."""
    scores, checks = {}, {}
    for row in review.scores.all():
        if row.score is not None:
            scores[row.key] = row.score
        elif row.answer is not None:
            checks[row.key] = row.answer
    return scoring.Review(
        reviewer=review.assignment.reviewer_id,
        application=review.assignment.application_id,
        scores=scores,
        verdict=review.verdict or None,
        recommended=tuple(sorted(c.pk for c in review.recommended.all())),
        checks=checks,
    )


def save_review(*, assignment, by, data, submit, now=None):
    """Save the reviewer's draft, or submit it.

    `data`: {"scores": {key: int}, "checks": {key: bool}, "comments": {key: str},
    "verdict": str or "", "recommended": [Challenge], "comment": str}. Only the assigned
    reviewer, on a released assignment free of conflict (else Http404); refused with
    `ReviewRefused` after the reviewing deadline, once submitted, or when the scores do not
    fit the grid: nothing is changed then.
    """
    now = now or timezone.now()
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update()
            .released()
            .without_conflict()
            .filter(pk=assignment.pk, reviewer__user=by)
            .select_related("reviewer__cohort", "application")
            .first()
        )
        if assignment is None:
            raise Http404
        grid = grid_for(assignment.reviewer.cohort)
        if is_closed(grid, now):
            raise ReviewRefused(closed_message(grid))
        existing = Review.objects.filter(assignment=assignment).first()
        if existing is not None and existing.is_submitted:
            raise ReviewRefused("Cette évaluation est déjà soumise : elle ne peut plus changer.")
        criteria = criteria_of(grid)
        chosen = set(
            ChallengeChoice.objects.filter(application=assignment.application).values_list(
                "challenge_id", flat=True
            )
        )
        recommended = list(data.get("recommended") or [])
        if any(challenge.pk not in chosen for challenge in recommended):
            raise ReviewRefused("Recommandez seulement des défis choisis par la personne.")
        candidate = scoring.Review(
            reviewer=assignment.reviewer_id,
            application=assignment.application_id,
            scores={k: v for k, v in (data.get("scores") or {}).items() if v is not None},
            verdict=data.get("verdict") or None,
            recommended=tuple(c.pk for c in recommended),
            checks={k: v for k, v in (data.get("checks") or {}).items() if v is not None},
        )
        try:
            scoring.validate_review(candidate, criteria, draft=not submit)
        except ValueError as error:
            message = str(error)
            if message.startswith("évaluation de "):  # ids mean nothing to the reviewer
                message = message.split(" : ", 1)[-1]
            raise ReviewRefused(message[:1].upper() + message[1:] + ".") from error

        review = existing or Review(assignment=assignment)
        review.verdict = candidate.verdict or ""
        review.comment = data.get("comment") or ""
        if submit:
            review.status = Review.Status.SUBMITTED
            review.submitted_at = now
        review.save()
        review.recommended.set(recommended)
        comments = data.get("comments") or {}
        review.scores.all().delete()
        ReviewScore.objects.bulk_create(
            ReviewScore(
                review=review,
                key=c.key,
                score=candidate.scores.get(c.key) if c.scored else None,
                answer=None if c.scored else candidate.checks.get(c.key),
                comment=comments.get(c.key) or "",
            )
            for c in criteria
        )
        if assignment.started_at is None:
            assignment.started_at = now
            assignment.save(update_fields=["started_at"])
        record(
            action=Action.REVIEW_SUBMITTED if submit else Action.REVIEW_SAVED,
            actor=by,
            target=assignment.application,
        )
    return review


def submitted_reviews(cohort):
    return (
        Review.objects.filter(status=Review.Status.SUBMITTED, assignment__reviewer__cohort=cohort)
        .select_related("assignment__reviewer", "assignment__application")
        .prefetch_related("scores", "recommended")
    )


def cohort_scores(cohort):
    """(criteria, {application pk: scoring.ApplicationScores}) on submitted reviews."""
    criteria = criteria_of(grid_for(cohort))
    reviews = [as_scoring_review(review) for review in submitted_reviews(cohort)]
    return criteria, scoring.aggregate(reviews, criteria)
