"""One way in: every view of the platform says here who may use it, and nowhere else.

Sign-in is required everywhere (Django's LoginRequiredMiddleware) unless a view is marked
`public`. A view for some people only is decorated with `access(ROLE, …, methods=…)`, which
always decides in the same order:

1. a visitor who is not signed in is sent to the sign-in page;
2. a signed-in person without one of the roles gets a 404: the page stays unseen (no 403, and no
   405 either: the method is checked only for someone allowed to see the page);
3. the answer is never cached (every page behind a role shows personal data or work in progress);
4. the method is checked: 405 for a method the view does not take.

Per-object rules (which application, audition or proposal a person may see) live in the
`access.py` module of the app that owns the object, and raise Http404 the same way.
"""

import copy
import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.db.models import Exists
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import resolve_url
from django.utils.cache import add_never_cache_headers

from eig.accounts.roles import is_programme_team, programme_team_rows


@dataclass(frozen=True)
class Role:
    """A kind of person the platform knows; `test(user)` says whether a signed-in user is one.

    A role given by `rows(user)` (the rows whose existence makes `user` one) instead of `test`
    can be asked together with others in one query (`ask_roles`): the header asks them all on
    every page. `rows` may depend on the user's id, `is_active` and `is_superuser` only: the
    query's SQL is kept per process for each combination of these flags.
    """

    name: str
    test: Callable | None = None
    rows: Callable | None = None

    def __post_init__(self):
        if self.test is None:
            object.__setattr__(self, "test", lambda user: self.rows(user).exists())

    def __repr__(self):
        return f"<Role {self.name}>"


def ask_roles(request, roles):
    """Asks `roles` not yet known for this request in one query, then `has_role` answers them."""
    known = request.__dict__.setdefault("_roles", {})
    user = request.user
    unknown = [role for role in roles if role.name not in known]
    if not user.is_authenticated:
        known.update((role.name, False) for role in unknown)
        return
    by_rows = [role for role in unknown if role.rows]
    if by_rows:
        known.update(roles_row(user, by_rows))
    if PROGRAMME_TEAM in by_rows:  # the templates ask is_programme_team(user) directly
        user._is_programme_team = known[PROGRAMME_TEAM.name]


# Building and compiling the roles' query took 3 to 4 ms of every signed-in page, more than the
# database takes to answer it: its SQL is made once per process and shape, then run with the
# person's id. Key: the roles, and the user's flags that change the query's shape.
_roles_sql = {}
_SHADOW_PK = -7_351_902  # an id no row has, to find where the person's id goes in the query


def roles_row(user, roles):
    """{role name: bool} for `roles` (each with `rows`), in one query."""
    key = (tuple(role.name for role in roles), user.is_active, user.is_superuser)
    if key not in _roles_sql:
        _roles_sql[key] = _compiled_roles_query(user, roles)
    sql, params, id_positions = _roles_sql[key]
    params = list(params)
    for position in id_positions:
        params[position] = user.pk
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return {role.name: bool(value) for role, value in zip(roles, row, strict=True)}


def _compiled_roles_query(user, roles):
    def compiled(person):
        by_rows = {role.name: Exists(role.rows(person)) for role in roles}
        query = get_user_model().objects.filter(pk=person.pk).values(**by_rows)
        return query.query.sql_with_params()

    sql, params = compiled(user)
    shadow = copy.copy(user)
    shadow.pk = _SHADOW_PK
    shadow_sql, shadow_params = compiled(shadow)
    id_positions = [
        position
        for position, (value, shadow_value) in enumerate(zip(params, shadow_params, strict=True))
        if value != shadow_value
    ]
    if sql != shadow_sql or any(shadow_params[p] != _SHADOW_PK for p in id_positions):
        raise ValueError(f"roles whose query depends on more than the user's id: {roles}")
    return sql, tuple(params), id_positions


def has_role(request, role):
    """Whether the person behind `request` has `role`, asked once per request and role."""
    known = request.__dict__.setdefault("_roles", {})
    if role.name not in known:
        known[role.name] = request.user.is_authenticated and role.test(request.user)
    return known[role.name]


PROGRAMME_TEAM = Role("programme_team", is_programme_team, programme_team_rows)
# Anyone signed in: a candidate's own pages, whose objects are then checked one by one.
SIGNED_IN = Role("signed_in", lambda user: user.is_authenticated)


def access(*roles, methods=("GET", "HEAD"), sensitive=False, get_object=None):
    """The decorator for every view that is not public; see the module's docstring.

    `get_object(request, **url_kwargs)`, when given, finds the object the address names among
    those the person may see (raising Http404 otherwise) before the method is checked, so that a
    wrong method reveals nothing either; the view then receives the object instead of the
    address's arguments.

    `sensitive=True` (exports, sending decisions, publishing teams): after the role check, a
    person whose last code or e-mailed link is older than SENSITIVE_ACTION_MAX_AGE_MINUTES is
    asked to authenticate again first (eig.accounts.reauthentication).
    """
    if not roles:
        raise ValueError("access() needs at least one role")
    allowed = tuple(methods)
    if sensitive:
        # Here, not at the top: re-authentication builds on the roles of this module.
        from eig.accounts.reauthentication import ask_again

    def decorate(view):
        @functools.wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
            if not any(has_role(request, role) for role in roles):
                raise Http404
            if get_object is not None:
                args, kwargs = (get_object(request, *args, **kwargs),), {}
            if sensitive and (reauthentication := ask_again(request, allowed)) is not None:
                response = reauthentication
            elif request.method in allowed:
                response = view(request, *args, **kwargs)
            else:
                response = HttpResponseNotAllowed(allowed)
            add_never_cache_headers(response)
            return response

        guarded.access_roles = roles
        guarded.access_methods = allowed
        guarded.access_sensitive = sensitive
        return guarded

    return decorate


def public(methods=("GET", "HEAD")):
    """For the pages anyone may open, signed in or not: the only way out of the sign-in rule."""
    allowed = tuple(methods)

    def decorate(view):
        @functools.wraps(view)
        def open_view(request, *args, **kwargs):
            if request.method not in allowed:
                return HttpResponseNotAllowed(allowed)
            return view(request, *args, **kwargs)

        open_view.access_public = True
        open_view.access_methods = allowed
        return login_not_required(open_view)

    return decorate


def delegated(view):
    """A view of a library that checks access itself (Wagtail's admin, pages and documents)."""
    view.access_delegated = True
    return login_not_required(view)
