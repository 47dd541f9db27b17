"""Who is who: every access rule of the platform starts from these functions."""

PROGRAMME_TEAM_GROUP = "Équipe du programme"


def is_programme_team(user):
    """The programme team sees and manages everything."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(group.name == PROGRAMME_TEAM_GROUP for group in user.groups.all())
