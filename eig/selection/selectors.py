"""Reads about the jury, shared by the team's and the reviewers' pages."""

from eig.applications.models import Application


def assignable_applications(cohort):
    """The applications of `cohort` that reviewers assess, in a stable order."""
    return Application.objects.assessable().filter(cohort=cohort).order_by("pk")
