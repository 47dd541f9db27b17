"""Who may use the back office: the programme team, and no one else."""

import functools

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse

from eig.accounts.roles import is_programme_team


def programme_team_required(view):
    """Visitors are asked to sign in; others signed in get a 404: the back office stays unseen."""

    @functools.wraps(view)
    def view_for_the_programme_team(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("sign_in"))
        if not is_programme_team(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return view_for_the_programme_team
