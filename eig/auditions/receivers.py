"""The auditions' answers to what the selection asks (eig/selection/signals.py)."""

from eig.auditions.models import Interview
from eig.auditions.selectors import filled_scores_of_applications, grids_of_applications
from eig.selection.kept import scores_changed


def answer_audition_grids(sender, *, applications, **kwargs):
    return grids_of_applications(applications)


def answer_audition_scores(sender, *, applications, **kwargs):
    return filled_scores_of_applications(applications)


def audition_mark_changed(sender, instance, **kwargs):
    """A mark saved or deleted: the final scores the selection keeps are stale."""
    scores_changed(Interview.objects.filter(pk=instance.interview_id).values("application__cohort"))
