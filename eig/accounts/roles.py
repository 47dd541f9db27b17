"""Who is who: every access rule of the platform starts from these functions."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PROGRAMME_TEAM_GROUP = "Équipe du programme"


def is_programme_team(user):
    """The programme team sees and manages everything.

    Asked by the access rule, the per-object rules and the templates of one request: the answer
    is kept on the user object (`request.user` lives as long as the request), so the groups are
    read once.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # getattr, not user.__dict__: request.user is a SimpleLazyObject, whose __dict__ is its own.
    known = getattr(user, "_is_programme_team", None)
    if known is None:
        known = user._is_programme_team = user.groups.filter(name=PROGRAMME_TEAM_GROUP).exists()
    return known


def programme_team_rows(user):
    """The rows whose existence makes `user` one of the team, as is_programme_team decides:
    the header asks the team's role in the same query as the others (access.ask_roles)."""
    if not user.is_active:
        return Group.objects.none()
    if user.is_superuser:
        return get_user_model().objects.filter(pk=user.pk)
    return Group.objects.filter(user=user, name=PROGRAMME_TEAM_GROUP)
