"""The rows of the scores page and of a défi's ranking, shared by the pages and their exports.

Both rank on the final score (`reviews.final_scores`: the written reviews, combined with the
audition for an auditioned person). Both list only the applications the jury assesses
(`Application.objects.assessable()`): one withdrawn or found ineligible after its reviews keeps
its part in the calibration, but is never listed.
"""

import dataclasses

from eig.applications.models import Application, ChallengeChoice
from eig.selection import reviews
from eig.selection.models import Reviewer


def cohort_scores(cohort):
    """(criteria, scores, error): a grid changed after submissions gives an error message."""
    try:
        criteria, scores = reviews.cohort_scores(cohort)
    except ValueError as error:
        return (), {}, str(error)
    return [c for c in criteria if c.scored], scores, ""


def reviewer_names(cohort):
    return dict(Reviewer.objects.filter(cohort=cohort).values_list("pk", "full_name"))


def reasons(result, names):
    """The reasons of a disagreement, in French, naming the reviewers (`reviewer_names`)."""
    return [
        str(dataclasses.replace(d, reviewers=tuple(names.get(r, r) for r in d.reviewers)))
        for d in result.disagreements
    ]


def ranked_by_final(cohort, scores):
    """(ids of the reviewed applications the jury assesses, best final score first; the final
    scores by id), without reading the applications themselves."""
    finals, ranked = reviews.cohort_finals(cohort, scores)
    # The few not assessed (withdrawn, ineligible) rather than 20,000 assessed ids: the scores
    # are those of the cohort's applications.
    left_out = set(
        Application.objects.filter(cohort=cohort, status__in=Application.NOT_ASSESSED)
        .order_by()
        .values_list("pk", flat=True)
    )
    return [pk for pk in ranked if pk not in left_out], finals


def score_rows(cohort, criteria, scores, *, ids=None, finals=None):
    """One row per reviewed application, best final score first; those of `ids` only, in that
    order, when a page of `ranked_by_final` is given with its `finals`."""
    if ids is None:
        ids, finals = ranked_by_final(cohort, scores)
    applications = Application.objects.in_bulk(ids)
    names = reviewer_names(cohort)
    return [
        {
            "application": applications[pk],
            "scores": scores[pk],
            "final": finals[pk],
            "reasons": reasons(scores[pk], names),
            "criteria": [
                (c, scores[pk].raw[c.key], scores[pk].calibrated[c.key]) for c in criteria
            ],
        }
        for pk in ids
    ]


def ranking_entries(cohort, challenge, scores, *, calibrated):
    """(entries, finals): the candidates who chose `challenge`, ranked on their final score
    (see scoring.rank_for_challenge); `calibrated=False` takes the raw written score instead."""
    # Only those who chose the défi take part in its ranking: their choices alone are read, and
    # their auditions too for the raw ranking (the calibrated one takes the kept final scores).
    candidates = Application.objects.assessable().filter(
        cohort=cohort, choices__challenge=challenge
    )
    choices = {}
    for application_id, challenge_id in (
        ChallengeChoice.objects.filter(application__in=candidates)
        .order_by("application_id", "rank")
        .values_list("application_id", "challenge_id")
    ):
        choices.setdefault(application_id, []).append(challenge_id)
    every = scores
    scores = {pk: every[pk] for pk in choices if pk in every}
    if calibrated:  # the whole cohort's, kept with its scores
        kept = reviews.cohort_finals(cohort, every)[0]
        finals = {pk: kept[pk] for pk in choices if pk in kept}
    else:
        finals = reviews.final_scores(cohort, scores, calibrated=False, applications=candidates)
    entries = reviews.scoring.rank_for_challenge(
        challenge.pk,
        choices,
        scores,
        final={pk: final.final for pk, final in finals.items()},
    )
    return entries, finals


def ranking_rows(cohort, challenge, scores, *, calibrated, entries=None, finals=None):
    """The rows of the ranking (`ranking_entries`); those of `entries` only when a page of
    them is given with its `finals`."""
    if entries is None:
        entries, finals = ranking_entries(cohort, challenge, scores, calibrated=calibrated)
    applications = Application.objects.in_bulk([entry.application for entry in entries])
    return [
        {
            "entry": entry,
            "application": applications[entry.application],
            "scores": scores.get(entry.application),
            "final": finals.get(entry.application),
        }
        for entry in entries
    ]
