"""When the scores each process keeps are stale: a version stamp per cohort.

A cohort's scores read every submitted review (60,000 for a national call) and every audition
grid. The team's list, scores, rankings and teams pages need them at each read, so each process
keeps the last ones it computed with the cohort's `ScoresVersion` stamp of the time. Every
write that changes them draws a new stamp, in the write's own transaction (the receivers
below, connected in apps.py, and the auditions' in eig/auditions/apps.py); checking it is one
read by primary key rather than a scan of the cohort's reviews.

The stamp is read before the scores: scores computed while a write commits are kept under the
older stamp, and computed again at the next read. A write that sends no signal
(`QuerySet.update()`, `bulk_create`, a COPY) must call `scores_changed` itself.
"""

import uuid

from eig.selection.models import Review, Reviewer, ScoresVersion


def version(cohort):
    """The cohort's current stamp, the row created at its first read."""
    stamp = ScoresVersion.objects.filter(cohort=cohort).values_list("stamp", flat=True).first()
    if stamp is None:
        # Without get_or_create's savepoint: when another process creates the row first, this
        # one's stamp is not kept, and its scores are computed once more at its next read.
        created = ScoresVersion(cohort=cohort)
        ScoresVersion.objects.bulk_create([created], ignore_conflicts=True)
        stamp = created.stamp
    return stamp


def scores_changed(cohorts):
    """A new stamp for `cohorts` (a QuerySet of cohort ids, or a list of them)."""
    ScoresVersion.objects.filter(cohort__in=cohorts).update(stamp=uuid.uuid4())


def review_changed(sender, instance, **kwargs):
    """A review saved or deleted: its scores count once submitted, and a submitted review
    never goes back to a draft, so a draft's changes leave the scores as they are."""
    if instance.status == Review.Status.SUBMITTED:
        scores_changed(Reviewer.objects.filter(assignments=instance.assignment_id).values("cohort"))
