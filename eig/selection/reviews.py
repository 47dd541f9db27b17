"""The evaluation grid of a cohort and the reviews: storage around the maths of `scoring`."""

from typing import NamedTuple

from django.db import transaction
from django.http import Http404
from django.utils import formats, timezone

from eig.applications.models import Application, ChallengeChoice
from eig.audit.models import Action
from eig.audit.services import record
from eig.selection import kept, scoring, signals
from eig.selection.models import (
    Assignment,
    GridCriterion,
    Review,
    ReviewGrid,
    ReviewRevision,
    ReviewScore,
)


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
    """Save the reviewer's draft, submit it, or change the review once submitted.

    `data`: {"scores": {key: int}, "checks": {key: bool}, "comments": {key: str},
    "verdict": str or "", "recommended": [Challenge], "comment": str}. Only the assigned
    reviewer, on a released assignment free of conflict (else Http404); refused with
    `ReviewRefused` after the reviewing deadline or when the scores do not fit the grid:
    nothing is changed then. A submitted review stays editable until the deadline (HotCRP's
    rule), complete as a submission must be; each change is kept as a `ReviewRevision`.
    """
    now = now or timezone.now()
    with transaction.atomic():
        assignment, grid, existing = _open_review(assignment, by, now)
        amending = existing is not None and existing.is_submitted
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
        _validate(candidate, criteria, complete=submit or amending)
        before = summary(existing, grid) if amending else None

        review = existing or Review(assignment=assignment)
        review.verdict = candidate.verdict or ""
        review.comment = data.get("comment") or ""
        if submit and not amending:
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
        if amending:
            review = Review.objects.prefetch_related("scores", "recommended").get(pk=review.pk)
            changes = _changes(before, summary(review, grid))
            if changes:
                ReviewRevision.objects.create(review=review, changed_at=now, changes=changes)
                record(
                    action=Action.REVIEW_AMENDED,
                    actor=by,
                    target=assignment.application,
                    data={"changed": [change["field"] for change in changes]},
                )
        else:
            record(
                action=Action.REVIEW_SUBMITTED if submit else Action.REVIEW_SAVED,
                actor=by,
                target=assignment.application,
            )
    return review


def submit_review(*, assignment, by, now=None):
    """Submit the reviewer's saved draft, as confirmed on the summary page.

    Refused with `ReviewRefused` after the deadline, when there is no draft, when it is
    already submitted, or when it misses a score or the verdict.
    """
    now = now or timezone.now()
    with transaction.atomic():
        assignment, grid, review = _open_review(assignment, by, now)
        if review is None:
            raise ReviewRefused("Enregistrez d'abord votre évaluation.")
        if review.is_submitted:
            raise ReviewRefused("Cette évaluation est déjà soumise.")
        _validate(as_scoring_review(review), criteria_of(grid), complete=True)
        review.status = Review.Status.SUBMITTED
        review.submitted_at = now
        review.save(update_fields=["status", "submitted_at", "updated_at"])
        record(action=Action.REVIEW_SUBMITTED, actor=by, target=assignment.application)
    return review


def _open_review(assignment, by, now):
    """(locked assignment, grid, its review or None), refused once the reviewing is closed."""
    assignment = _locked_assignment(assignment, by)
    grid = grid_for(assignment.reviewer.cohort)
    if is_closed(grid, now):
        raise ReviewRefused(closed_message(grid))
    review = (
        Review.objects.filter(assignment=assignment)
        .select_related("assignment")
        .prefetch_related("scores", "recommended")
        .first()
    )
    return assignment, grid, review


def _locked_assignment(assignment, by):
    """The assignment, locked, if `by` may work on it (released, free of conflict); else 404."""
    locked = (
        Assignment.objects.select_for_update()
        .released()
        .without_conflict()
        .filter(pk=assignment.pk, reviewer__user=by)
        .select_related("reviewer__cohort", "application")
        .first()
    )
    if locked is None:
        raise Http404
    return locked


def _validate(candidate, criteria, *, complete):
    try:
        scoring.validate_review(candidate, criteria, draft=not complete)
    except ValueError as error:
        message = str(error)
        if message.startswith("évaluation de "):  # ids mean nothing to the reviewer
            message = message.split(" : ", 1)[-1]
        raise ReviewRefused(message[:1].upper() + message[1:] + ".") from error


def summary(review, grid):
    """What a review says, line by line: [(label, value, is_text)], in grid order."""
    if review is None:
        return []
    rows = {row.key: row for row in review.scores.all()}
    lines = []
    for criterion in grid.criteria.order_by("sort_order", "pk"):
        row = rows.get(criterion.key)
        if row is None or (row.score is None and row.answer is None):
            value = ""
        elif criterion.scored:
            value = f"{row.score} — {scoring.SCALE_LABELS[row.score]}"
        else:
            value = "Oui" if row.answer else "Non"
        lines.append((criterion.label, value, False))
        lines.append((f"Commentaire — {criterion.label}", row.comment if row else "", True))
    lines.append(("Avis général", review.get_verdict_display() if review.verdict else "", False))
    lines.append(
        (
            "Défis recommandés",
            ", ".join(sorted(challenge.name for challenge in review.recommended.all())),
            False,
        )
    )
    lines.append(("Commentaire général", review.comment, True))
    return lines


def _changes(before, after):
    """The lines that differ; a free text by its label only (the texts stay in the review)."""
    changes = []
    for (label, old, is_text), (_label, new, _text) in zip(before, after, strict=True):
        if old == new:
            continue
        changes.append(
            {"field": label} if is_text else {"field": label, "before": old, "after": new}
        )
    return changes


def cohort_scores(cohort):
    """(criteria, {application pk: scoring.ApplicationScores}) on submitted reviews.

    The calibration reads every review of the cohort (60,000 for a national call): the result
    is kept in this process while neither the grid nor the cohort's scores version
    (eig/selection/kept.py) has changed, so the team's list, scores, rankings and teams pages do
    not compute it again at each read. Treat it as read-only.
    """
    criteria = criteria_of(grid_for(cohort))
    fingerprint = (criteria, kept.version(cohort))
    found = _computed_scores.get(cohort.pk)
    if found is not None and found[0] == fingerprint:
        return criteria, found[1]
    scores = scoring.aggregate(scoring_reviews(cohort), criteria)
    _computed_scores.pop(cohort.pk, None)
    if len(_computed_scores) >= KEPT_COHORTS:
        oldest = next(iter(_computed_scores))
        _computed_scores.pop(oldest)
        for key in [key for key in _computed_with if key[0] == oldest]:
            _computed_with.pop(key)
    _computed_scores[cohort.pk] = (fingerprint, scores)
    return criteria, scores


# {cohort pk: (fingerprint, scores)}: a few cohorts at most, the oldest computed leaving first.
_computed_scores = {}
KEPT_COHORTS = 3


def scoring_reviews(cohort):
    """The cohort's submitted reviews as `scoring.Review`, read as plain values in three
    queries (model instances would take seconds at 60,000 reviews and their scores)."""
    reviews = Review.objects.filter(
        status=Review.Status.SUBMITTED, assignment__reviewer__cohort=cohort
    ).order_by()
    scores, checks, recommended = {}, {}, {}
    for review_id, key, score, answer in ReviewScore.objects.filter(review__in=reviews).values_list(
        "review_id", "key", "score", "answer"
    ):
        if score is not None:
            scores.setdefault(review_id, {})[key] = score
        elif answer is not None:
            checks.setdefault(review_id, {})[key] = answer
    for review_id, challenge_id in Review.recommended.through.objects.filter(
        review__in=reviews
    ).values_list("review_id", "challenge_id"):
        recommended.setdefault(review_id, []).append(challenge_id)
    return [
        scoring.Review(
            reviewer=reviewer_id,
            application=application_id,
            scores=scores.get(pk, {}),
            verdict=verdict or None,
            recommended=tuple(sorted(recommended.get(pk, ()))),
            checks=checks.get(pk, {}),
        )
        for pk, reviewer_id, application_id, verdict in reviews.values_list(
            "pk", "assignment__reviewer_id", "assignment__application_id", "verdict"
        )
    ]


class FinalScore(NamedTuple):
    """The written reviews' overall score, the audition's mean, and `scoring.final_score`."""

    written: float | None
    audition: float | None
    final: float | None


def final_scores(cohort, scores, *, calibrated=True, applications=None):
    """{application pk: FinalScore} for the reviewed or auditioned applications of `cohort`.

    `scores`: `cohort_scores`'s; the written score is their calibrated overall one, or the
    raw one with `calibrated=False`, weighed against the audition by `cohort.audition_weight`.
    `applications`: a QuerySet of some of the cohort's, whose auditions alone are read (pass
    the `scores` of those alone too).
    """
    if applications is None:
        applications = Application.objects.filter(cohort=cohort)
    auditions = signals.audition_means(applications)
    finals = {}
    for pk in scores.keys() | auditions.keys():
        written = scores[pk].overall(calibrated=calibrated) if pk in scores else None
        audition = auditions.get(pk)
        final = scoring.final_score(written, audition, audition_weight=cohort.audition_weight)
        finals[pk] = FinalScore(written, audition, final)
    return finals


def cohort_finals(cohort, scores):
    """(finals, ranked): `final_scores(cohort, scores)` of the whole cohort, calibrated, and the
    ids of `scores` best final score first; `scores` must be `cohort_scores`'s.

    Kept with the scores they come from: an audition mark moves the cohort's scores version
    (eig/auditions/apps.py), so both are computed again after one. Treat them as read-only.
    """

    def compute():
        finals = final_scores(cohort, scores)
        return finals, sorted(scores, key=lambda pk: -finals[pk].final)

    return kept_with(scores, cohort, "finals", compute, cohort.audition_weight)


def calibrated_overalls(cohort, scores):
    """{application pk: calibrated overall score} of `scores` (`cohort_scores`'s), kept."""
    return kept_with(
        scores,
        cohort,
        "overalls",
        lambda: {pk: result.calibrated_overall for pk, result in scores.items()},
    )


def kept_with(scores, cohort, name, compute, key=None):
    """`compute()`, kept with `scores` (`cohort_scores`'s, for `cohort`) while `key` is the
    same: computed again when the scores are."""
    found = _computed_with.get((cohort.pk, name))
    if found is not None and found[0] is scores and found[1] == key:
        return found[2]
    value = compute()
    _computed_with[(cohort.pk, name)] = (scores, key, value)
    return value


# {(cohort pk, name): (the scores, key, value)}; a cohort's leave with its scores.
_computed_with = {}
