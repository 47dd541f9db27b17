"""The auditions' answers to what the selection asks (eig/selection/signals.py)."""

from eig.auditions.selectors import grids_of_applications


def answer_audition_grids(sender, *, applications, **kwargs):
    return grids_of_applications(applications)
