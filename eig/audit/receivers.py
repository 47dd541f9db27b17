"""Sign-ins and failed sign-ins, whatever the way in, through Django's auth signals.

Django's admin, Wagtail's admin and e-mail links all end in `login()` (user_logged_in); failures
come from `authenticate()` and django-axes (user_login_failed) and from the sign-in link views
(eig.accounts.signals.sign_in_link_failed, apart so that axes does not count them). Only the
identifier tried is kept, never a password or a token.
"""

from django.contrib.auth import BACKEND_SESSION_KEY

from eig.audit.models import Action
from eig.audit.services import record

# Long enough for any e-mail address; a longer "identifier" is noise, cut.
IDENTIFIER_MAX_LENGTH = 254


def record_sign_in(sender, request, user, **kwargs):
    # login() has just stored the backend in the session, whether authenticate() chose it or
    # the caller named it (links).
    backend = request.session.get(BACKEND_SESSION_KEY, "")
    record(
        action=Action.SIGNED_IN,
        actor=user,
        target=user,
        request=request,
        data={"page": page_name(request), "backend": backend},
    )


def record_failed_sign_in(sender, credentials, request=None, **kwargs):
    """`credentials` as Django cleans them (secrets masked); `problem` comes from link views."""
    data = {"identifier": identifier(credentials), "page": page_name(request)}
    if kwargs.get("problem"):
        data["problem"] = str(kwargs["problem"])
    record(action=Action.SIGN_IN_FAILED, actor=None, request=request, data=data)


def record_proconnect_refusal(sender, request, reason, email, account, detail, **kwargs):
    """A refused ProConnect sign-in, against the account it concerns when there is one."""
    data = {"reason": str(reason), "detail": detail, "page": page_name(request)}
    if email:
        data["email"] = str(email)[:IDENTIFIER_MAX_LENGTH]
    record(
        action=Action.PROCONNECT_REFUSED,
        actor=request.user,
        target=account,
        request=request,
        data=data,
    )


def identifier(credentials):
    """The name or address typed: forms call it username (Django, Wagtail) or email (links)."""
    credentials = credentials or {}
    value = credentials.get("username") or credentials.get("email") or ""
    return str(value)[:IDENTIFIER_MAX_LENGTH]


def page_name(request):
    """The URL name of the sign-in page, never its path: a link's path holds its token."""
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""
