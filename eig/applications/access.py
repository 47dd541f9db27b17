"""Who may see which application: every view that shows one goes through these functions."""

from django.db.models import Q
from django.http import Http404

from eig.accounts.roles import is_programme_team
from eig.applications.models import Application
from eig.challenges.access import mentored_by
from eig.selection.access import assigned_to


def applications_visible_to(user):
    if is_programme_team(user):
        return Application.objects.all()  # the programme team sees every application
    if not user.is_authenticated:
        return Application.objects.none()  # a visitor none
    return Application.objects.filter(
        Q(candidate=user)  # a candidate sees their own
        | Q(pk__in=assigned_to(user))  # a reviewer: assigned to them, released, no conflict
        | Q(pk__in=mentored_by(user))  # a mentor: chose their défi, from the opened stage
    )


def get_application_for(user, public_id):
    """The application if `user` may see it; Http404 otherwise, as if it did not exist."""
    return _get_or_404(applications_visible_to(user), public_id)


def own_applications(user):
    """The applications `user` made: only these can they change, withdraw or delete."""
    if not user.is_authenticated:
        return Application.objects.none()
    return Application.objects.filter(candidate=user)


def get_own_application(user, public_id):
    """`user`'s own application; Http404 for anyone else's, the programme team's included."""
    return _get_or_404(own_applications(user), public_id)


def own_application_in(user, cohort):
    """`user`'s application to `cohort`, or None."""
    return own_applications(user).select_related("cohort").filter(cohort=cohort).first()


def _get_or_404(applications, public_id):
    application = applications.select_related("cohort").filter(public_id=public_id).first()
    if application is None:
        raise Http404
    return application
