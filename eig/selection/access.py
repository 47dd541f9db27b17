"""Who may use the jury area, and which applications a reviewer may read."""

import functools

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse

from eig.accounts.roles import is_programme_team
from eig.selection.models import Assignment, Reviewer


def assigned_to(user):
    """Ids of the applications assigned to `user` as a reviewer, released, free of conflict."""
    return (
        Assignment.objects.released()
        .without_conflict()
        .filter(reviewer__user=user)
        .values("application_id")
    )


def is_reviewer(user):
    return user.is_authenticated and Reviewer.objects.filter(user=user).exists()


def jury_required(view):
    """Visitors are asked to sign in; reviewers and the team may enter; others get a 404."""

    @functools.wraps(view)
    def view_for_the_jury(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("sign_in"))
        if not (is_reviewer(request.user) or is_programme_team(request.user)):
            raise Http404
        return view(request, *args, **kwargs)

    return view_for_the_jury


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
