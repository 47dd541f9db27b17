"""The auditions' answers to what the selection asks (eig/selection/signals.py)."""

from eig.auditions.selectors import filled_scores_of_applications, grids_of_applications


def answer_audition_grids(sender, *, applications, **kwargs):
    return grids_of_applications(applications)


def answer_audition_scores(sender, *, applications, **kwargs):
    return filled_scores_of_applications(applications)
