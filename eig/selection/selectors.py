"""Reads about the jury, shared by the team's and the reviewers' pages."""

from eig.applications.models import Application

# Never reviewed: withdrawn, and found ineligible once the stages of a colleague land.
NOT_ASSIGNABLE = ["withdrawn", "ineligible"]


def assignable_applications(cohort):
    """The applications of `cohort` that reviewers assess, in a stable order."""
    return (
        Application.objects.submitted()
        .filter(cohort=cohort)
        .exclude(status__in=NOT_ASSIGNABLE)
        .order_by("pk")
    )
