"""The jury's role, and which applications and assignments each person may read.

`applications_visible_to` is the one answer to "may this person read this application", for
every role at once: the team, the candidate, a reviewer, a mentor.
"""

from django.db.models import Q
from django.http import Http404

from eig.accounts.access import Role
from eig.accounts.roles import is_programme_team
from eig.applications.access import application_or_404, mentored_by, own_applications
from eig.applications.models import Application
from eig.selection.models import Assignment, Reviewer

REVIEWER = Role("reviewer", rows=lambda user: Reviewer.objects.filter(user=user))


def assignments_of(user):
    """`user`'s assignments as a reviewer that they may work on: released, free of conflict."""
    return Assignment.objects.released().without_conflict().filter(reviewer__user=user)


def assigned_to(user):
    """Ids of the applications assigned to `user` as a reviewer (see `assignments_of`)."""
    return assignments_of(user).values("application_id")


def applications_visible_to(user):
    if is_programme_team(user):
        return Application.objects.all()  # the programme team sees every application
    if not user.is_authenticated:
        return Application.objects.none()  # a visitor none
    return Application.objects.filter(
        Q(pk__in=own_applications(user).values("pk"))  # a candidate sees their own
        | Q(pk__in=assigned_to(user))  # a reviewer: assigned to them, released, no conflict
        | Q(pk__in=mentored_by(user).values("pk"))  # a mentor: their défi, from the opened stage
    )


def assignment_or_404(request, public_id):
    """The reviewer's own assignment of that application; 404 (recorded) otherwise."""
    assignment = (
        assignments_of(request.user)
        .filter(application__public_id=public_id)
        .select_related("application__cohort", "reviewer__cohort")
        .first()
    )
    if assignment is None:
        application_or_404(request, Application.objects.none(), public_id, page="evaluation")
    return assignment


def reviewer_or_404(user, cohort_number):
    """`user`'s reviewer role in that cohort; the team has none, hence a 404 too."""
    reviewer = (
        Reviewer.objects.filter(user=user, cohort__number=cohort_number)
        .select_related("cohort")
        .first()
    )
    if reviewer is None:
        raise Http404
    return reviewer
