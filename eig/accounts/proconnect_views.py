"""The ProConnect pages: go to ProConnect, come back signed in, come back signed out.

Every one answers 404 while ProConnect is not configured. Signing out goes through the usual
sign-out view, which hands over to ProConnect when it opened the session.
"""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.http import Http404
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts import proconnect
from eig.accounts.access import public
from eig.accounts.proconnect import ProConnectRefused, Refusal
from eig.accounts.views import safe_next_url

logger = logging.getLogger(__name__)

STATUS = {
    Refusal.STATE: 400,
    Refusal.PROVIDER_ERROR: 400,
    Refusal.TOKEN: 400,
    Refusal.NONCE: 400,
    Refusal.UNVERIFIED_EMAIL: 403,
    Refusal.UNKNOWN_EMAIL: 403,
    Refusal.INACTIVE_ACCOUNT: 403,
    Refusal.AMBIGUOUS_EMAIL: 403,
    Refusal.BLOCKED: 429,
    Refusal.UNAVAILABLE: 503,
}
# Provider error codes are short words (access_denied, login_required…); the rest is noise.
ERROR_CODE_MAX_LENGTH = 60


def require_proconnect():
    if not proconnect.is_enabled():
        raise Http404


@public()
def proconnect_start(request):
    require_proconnect()
    next_url = safe_next_url(request, request.GET.get("next", ""))
    try:
        return redirect(proconnect.authorization_url(request, next_url=next_url))
    except ProConnectRefused as refusal:
        return refused(request, refusal, next_url=next_url)


@public()
def proconnect_callback(request):
    require_proconnect()
    attempt = proconnect.take_attempt(request, request.GET.get("state", ""))
    if attempt is None:
        return refused(request, ProConnectRefused(Refusal.STATE))
    next_url = safe_next_url(request, attempt.get("next", ""))
    code = request.GET.get("code", "")
    if request.GET.get("error") or not code:
        error = request.GET.get("error", "no code")[:ERROR_CODE_MAX_LENGTH]
        return refused(request, ProConnectRefused(Refusal.PROVIDER_ERROR, detail=error), next_url)
    try:
        user = authenticate(request, proconnect_code=code, proconnect_nonce=attempt["nonce"])
    except ProConnectRefused as refusal:
        return refused(request, refusal, next_url)
    if user is None:
        # Another backend said no before ProConnect was asked (django-axes' lockout).
        return refused(request, ProConnectRefused(Refusal.BLOCKED), next_url)
    login(request, user)
    proconnect.remember(request, user.proconnect)
    return redirect(next_url)


@public()
def proconnect_signed_out(request):
    """Where ProConnect sends the browser back once its own session has ended."""
    require_proconnect()
    if proconnect.signed_out_here(request, request.GET.get("state", "")):
        messages.success(request, _("Vous êtes déconnecté·e de la plateforme et de ProConnect."))
    return redirect("/")


def refused(request, refusal, next_url=""):
    proconnect.proconnect_refused.send(
        sender=proconnect.ProConnectBackend,
        request=request,
        reason=refusal.reason,
        email=refusal.email,
        account=refusal.account,
        detail=refusal.detail,
    )
    logger.warning("ProConnect sign-in refused: %s (%s)", refusal.reason, refusal.detail)
    retry_url = reverse("proconnect_start")
    if next_url and next_url not in ("/", resolve_url(settings.LOGIN_REDIRECT_URL)):
        retry_url += "?" + urlencode({"next": next_url})
    return render(
        request,
        "accounts/proconnect_refused.html",
        {
            "refusal": refusal.reason,
            "email": refusal.email,
            "retry_url": retry_url,
            "next_url": next_url,
            "breadcrumb_data": {"current": _("Connexion")},
        },
        status=STATUS[refusal.reason],
    )
