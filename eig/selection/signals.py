"""What the selection asks of the auditions, an app above it that it may not import.

The auditions come after the written reviews (tests/test_layers.py), yet their grids belong in
the scores, the rankings and on the team's page of an application. So the selection asks and
the auditions app answers (eig/auditions/receivers.py): `audition_grids_wanted` is sent with
`applications`, a QuerySet of applications; each receiver returns a list of `AuditionGrid`.
Without the auditions app, nobody answers and every score stays the written one.
"""

import datetime
from dataclasses import dataclass

from django.dispatch import Signal

from eig.selection import scoring

audition_grids_wanted = Signal()
# The same grids as plain scores, for the rankings that need only their means: sent with
# `applications`, each receiver returns [(application pk, {criterion key: score})], one per
# panel member's filled grid of an audition.
audition_scores_wanted = Signal()


@dataclass(frozen=True, slots=True)
class AuditionGrid:
    """One panel member's grid for the audition of one application.

    ``rows``: (criterion key, label, score, comment) in grid order, empty while the member has
    not filled it. ``starts_at``: when the audition took place.
    """

    application: int
    member: str
    starts_at: datetime.datetime
    rows: tuple[tuple[str, str, int, str], ...]

    @property
    def scores(self):
        return {key: score for key, _label, score, _comment in self.rows}

    @property
    def comments(self):
        """(criterion label, comment), the non-empty ones."""
        return [(label, comment) for _key, label, _score, comment in self.rows if comment]

    @property
    def mean(self):
        return scoring.audition_mean([self.scores])


def audition_grids(applications):
    """{application pk: [AuditionGrid]} for the auditions of `applications` (a QuerySet)."""
    grids = {}
    for _receiver, answer in audition_grids_wanted.send(sender=None, applications=applications):
        for grid in answer:
            grids.setdefault(grid.application, []).append(grid)
    return grids


def audition_means(applications):
    """{application pk: the audition's mean} for the auditioned ones among `applications`."""
    filled = {}
    for _receiver, answer in audition_scores_wanted.send(sender=None, applications=applications):
        for application, scores in answer:
            filled.setdefault(application, []).append(scores)
    means = {}
    for application, grids in filled.items():
        mean = scoring.audition_mean(grids)
        if mean is not None:
            means[application] = mean
    return means
