"""How long a sign-in holds and what a signed-in person must still do before their pages.

The rules, in the order `pending_step` applies them:

1. whoever has a second factor (an app or recovery codes) gives a code once per session;
2. staff (the programme team, the jury, mentors: `settings.STAFF_ROLES`) without a second
   factor confirm each new browser by following a link e-mailed to them, as Démarches
   Simplifiées does; a signed cookie then marks the browser trusted for
   `settings.TRUSTED_BROWSER_DAYS`. Signing in by e-mail link is that proof already;
3. the programme team must have a second factor: after 2., they set up an app.

So the team always gives a code, and a password alone never opens a staff account on a new
browser. Staff sessions end after `settings.STAFF_SESSION_IDLE_MINUTES` without a request, and
sensitive actions ask to authenticate again once the last code or e-mailed link is older
than `settings.SENSITIVE_ACTION_MAX_AGE_MINUTES` (see eig.accounts.reauthentication).
"""

import enum
import time
from types import SimpleNamespace

from django.conf import settings
from django.utils.module_loading import import_string

from eig.accounts.access import PROGRAMME_TEAM, SIGNED_IN, ask_roles, has_role
from eig.accounts.second_factor import has_second_factor

LAST_ACTIVITY = "eig_last_activity"
STRONG_AUTHENTICATION_AT = "eig_strong_authentication_at"
BROWSER_TRUSTED = "eig_browser_trusted"
TRUSTED_BROWSER_COOKIE = "eig_trusted_browser"
TRUSTED_BROWSER_SALT = "eig.accounts.trusted_browser"
# Set at sign-in for an account with neither a second factor nor a staff role (a candidate).
PLAIN_ACCOUNT = "eig_plain_account"
# The session is written at most once a minute to note activity: a write per request is waste.
ACTIVITY_RESOLUTION_SECONDS = 60


class Step(enum.StrEnum):
    """What a signed-in person must do before any page of theirs, with the view that does it."""

    CONFIRM_BROWSER = "browser_confirmation"
    SET_UP = "second_factor_set_up"
    VERIFY = "second_factor_verify"


def during(*steps):
    """Mark a view as usable while `steps` are pending (the views of the steps themselves)."""

    def mark(view):
        view.during_steps = frozenset(steps)
        return view

    return mark


def staff_roles():
    """The roles of `settings.STAFF_ROLES`, by dotted path: the apps that define them sit above."""
    return [import_string(path) for path in settings.STAFF_ROLES]


def is_staff(request):
    roles = staff_roles()
    ask_roles(request, roles)  # in one query
    return any(has_role(request, role) for role in roles)


def must_have_second_factor(request):
    return has_role(request, PROGRAMME_TEAM)


def pending_step(request):
    """The Step the signed-in person must go through before their pages, or None."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return None
    if has_second_factor(user):
        return Step.VERIFY
    if not browser_trusted(request) and is_staff(request):
        return Step.CONFIRM_BROWSER
    if must_have_second_factor(request):
        return Step.SET_UP
    return None


def asks_nothing(request, view):
    """Whether a page any signed-in person may see needs no step for this session.

    True for a session opened by a plain account (see PLAIN_ACCOUNT) on a view open to
    SIGNED_IN only: a candidate's pages then skip `pending_step`'s two queries at every request
    of the deadline rush. Any other view asks `pending_step`, so an account that became staff
    since its sign-in meets its steps at the first staff page.
    """
    roles = getattr(view, "access_roles", ())
    return (
        bool(roles)
        and all(role is SIGNED_IN for role in roles)
        and request.session.get(PLAIN_ACCOUNT, False)
    )


def now():
    return int(time.time())


# Idle timeout


def idle_expired(request):
    """Whether a staff session went unused for longer than the idle limit."""
    last = request.session.get(LAST_ACTIVITY)
    limit = settings.STAFF_SESSION_IDLE_MINUTES * 60
    return last is not None and now() - last > limit and is_staff(request)


def start_session(sender, request, user, **kwargs):
    """At sign-in (user_logged_in): the idle clock starts, saved with the new session, and
    the session notes whether the account is a plain one (asks_nothing)."""
    if hasattr(request, "session"):
        request.session[LAST_ACTIVITY] = now()
        # The account's roles, asked apart: this request's may still be the visitor's.
        account = SimpleNamespace(user=user)
        request.session[PLAIN_ACCOUNT] = not has_second_factor(user) and not is_staff(account)


def note_activity(request):
    last = request.session.get(LAST_ACTIVITY)
    if last is None or now() - last >= ACTIVITY_RESOLUTION_SECONDS:
        request.session[LAST_ACTIVITY] = now()


# Strong authentication: a code, or an e-mailed link followed, as opposed to a password


def mark_strong_authentication(request):
    request.session[STRONG_AUTHENTICATION_AT] = now()


def recently_authenticated(request):
    at = request.session.get(STRONG_AUTHENTICATION_AT)
    return at is not None and now() - at <= settings.SENSITIVE_ACTION_MAX_AGE_MINUTES * 60


# Trusted browsers


def browser_trusted(request):
    if request.session.get(BROWSER_TRUSTED):
        return True
    trusted_for = request.get_signed_cookie(
        TRUSTED_BROWSER_COOKIE,
        default=None,
        salt=TRUSTED_BROWSER_SALT,
        max_age=settings.TRUSTED_BROWSER_DAYS * 24 * 3600,
    )
    return trusted_for is not None and trusted_for == str(request.user.pk)


def trust_browser(request):
    """Trust this browser for the signed-in person: now, and by cookie for the days to come."""
    request.session[BROWSER_TRUSTED] = True
    request.trusted_browser_for = request.user.pk


def write_trusted_browser_cookie(request, response):
    """Called by the middleware on the way out, once the view decided to trust the browser."""
    user_pk = getattr(request, "trusted_browser_for", None)
    if user_pk is None:
        return
    response.set_signed_cookie(
        TRUSTED_BROWSER_COOKIE,
        str(user_pk),
        salt=TRUSTED_BROWSER_SALT,
        max_age=settings.TRUSTED_BROWSER_DAYS * 24 * 3600,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def signed_in_by_link(request):
    """An e-mailed link was just followed: the mailbox is proven, in this very browser."""
    mark_strong_authentication(request)
    trust_browser(request)
