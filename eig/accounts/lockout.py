"""The limits on password sign-ins, kept by django-axes in the database (see settings `AXES_*`).

Every password form (Wagtail's admin, its private-page login) goes through `authenticate()`,
where axes counts failures per account and per IP address separately; past the limit, it
refuses even the right password until the cool-off ends, and answers with `lockout_response`.
Sign-in links do not go through axes: they keep their own limits (eig.accounts.services).
"""

import math

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.accounts.models import normalise_email


def username(request, credentials):
    """The account tried, written as accounts are named (addresses in lower case)."""
    raw = (credentials if credentials is not None else request.POST).get("username")
    return normalise_email(raw) if raw else None


def not_a_password(request, credentials):
    """Only passwords count. A sign-in link that fails (an old e-mail clicked) or a ProConnect
    return also reach `user_login_failed`; links have their own limits, ProConnect its own."""
    return (credentials or {}).get("password") is None


def client_ip(request):
    """REMOTE_ADDR, as for every limit of the platform: behind a proxy, the proxy must set it."""
    return request.META.get("REMOTE_ADDR") or None


def lock_ends_at(request, credentials):
    """When the newest failure counted against this account or address stops counting."""
    counted = Q(ip_address=client_ip(request))
    if account := username(request, credentials):
        counted |= Q(username=account)
    latest = AccessAttempt.objects.filter(counted).aggregate(latest=Max("attempt_time"))["latest"]
    return (latest or timezone.now()) + settings.AXES_COOLOFF_TIME


def lockout_response(request, original_response=None, credentials=None):
    ends_at = lock_ends_at(request, credentials)
    minutes = max(1, math.ceil((ends_at - timezone.now()).total_seconds() / 60))
    return render(
        request,
        "accounts/locked_out.html",
        {
            "minutes": minutes,
            "ends_at": ends_at,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "breadcrumb_data": {"current": _("Connexion")},
        },
        status=429,
    )
