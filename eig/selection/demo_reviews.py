"""Reviews of the demo jury, in various states: generated scores, never real opinions.

Each candidate gets a hidden quality and each reviewer a severity, so the calibrated scores
have something to correct. Created once: nothing happens when the cohort already has reviews.
"""

import datetime
import random
import zoneinfo

from django.db import transaction

from eig.selection.models import Assignment, Review
from eig.selection.reviews import criteria_of, grid_for, save_review

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
REVIEWED_AT = datetime.datetime(2017, 11, 10, 10, tzinfo=PARIS)
SUBMITTED_SHARE = 0.75
DRAFT_SHARE = 0.10


@transaction.atomic
def load_review_demo(cohort):
    if Review.objects.filter(assignment__reviewer__cohort=cohort).exists():
        return
    rng = random.Random(cohort.number * 7919)
    criteria = criteria_of(grid_for(cohort))
    assignments = (
        Assignment.objects.released()
        .without_conflict()
        .filter(reviewer__cohort=cohort)
        .select_related("reviewer__user", "application")
        .prefetch_related("application__choices__challenge")
        .order_by("pk")
    )
    quality, severity = {}, {}
    for assignment in assignments:
        share = rng.random()
        if share >= SUBMITTED_SHARE + DRAFT_SHARE:
            continue  # not started yet
        base = quality.setdefault(assignment.application_id, rng.uniform(2, 4.8))
        bias = severity.setdefault(assignment.reviewer_id, rng.choice([-1, -0.5, 0, 0.5, 1]))
        scores = {
            criterion.key: min(5, max(1, round(base + bias + rng.uniform(-0.8, 0.8))))
            for criterion in criteria
            if criterion.scored
        }
        mean = sum(scores.values()) / len(scores)
        verdict = "coup_de_coeur" if mean >= 4.2 else "defavorable" if mean < 2.5 else "neutre"
        choices = [choice.challenge for choice in assignment.application.choices.all()]
        save_review(
            assignment=assignment,
            by=assignment.reviewer.user,
            data={
                "scores": scores,
                "checks": {c.key: True for c in criteria if not c.scored},
                "comments": {},
                "verdict": verdict,
                "recommended": choices[:1] if verdict != "defavorable" else [],
                "comment": "Évaluation de démonstration (scores générés).",
            },
            submit=share < SUBMITTED_SHARE,
            now=REVIEWED_AT,
        )
