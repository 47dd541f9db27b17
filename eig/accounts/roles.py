"""Who is who: every access rule of the platform starts from these functions."""

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
    if "_is_programme_team" not in user.__dict__:
        user._is_programme_team = user.groups.filter(name=PROGRAMME_TEAM_GROUP).exists()
    return user._is_programme_team
