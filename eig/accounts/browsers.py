"""Confirming a new browser by e-mail, the way Démarches Simplifiées does it.

The link is signed (nothing is stored but a random nonce in the session) and only works in the
browser whose session asked for it: opened elsewhere, it proves the mailbox but not the browser.
"""

import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eig.accounts import security
from eig.accounts.signals import AccountEvent, tell
from eig.accounts.tasks import send_browser_confirmation

LINK_VALIDITY = timedelta(minutes=30)
SALT = "eig.accounts.browser_confirmation"
PENDING = "eig_browser_confirmation"
# Per session: enough for a slow mailbox, too few to flood one.
MAX_EMAILS_PER_HOUR = 5


class BrowserLinkProblem(models.TextChoices):
    INVALID = "invalid", _("Ce lien de confirmation n’est pas valide.")
    EXPIRED = "expired", _("Ce lien de confirmation a expiré.")
    OTHER_BROWSER = (
        "other_browser",
        _("Ce lien ne confirme que le navigateur où vous vous êtes connecté·e."),
    )


def already_sent(request):
    return bool(request.session.get(PENDING, {}).get("nonce"))


def send(request, *, next_url):
    """E-mail a confirmation link for this browser; False if too many were sent this hour."""
    pending = request.session.get(PENDING, {})
    now = int(time.time())
    sent = [moment for moment in pending.get("sent", []) if now - moment < 3600]
    if len(sent) >= MAX_EMAILS_PER_HOUR:
        return False
    user = request.user
    nonce = secrets.token_urlsafe(16)
    request.session[PENDING] = {"nonce": nonce, "next": next_url, "sent": [*sent, now]}
    token = signing.dumps({"user": user.pk, "nonce": nonce}, salt=SALT)
    moment = timezone.now()
    send_browser_confirmation.enqueue(
        email=user.email or user.get_username(),
        url=settings.SITE_URL + reverse("browser_confirm", kwargs={"token": token}),
        expires_at=(moment + LINK_VALIDITY).isoformat(),
        ip=request.META.get("REMOTE_ADDR") or "",
        signed_in_at=moment.isoformat(),
    )
    tell(AccountEvent.BROWSER_CONFIRMATION_SENT, request=request, user=user)
    return True


def problem_with(request, token):
    """Why this link cannot confirm this browser, or None if it can."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_VALIDITY)
    except signing.SignatureExpired:
        return BrowserLinkProblem.EXPIRED
    except signing.BadSignature:
        return BrowserLinkProblem.INVALID
    user = request.user
    nonce = request.session.get(PENDING, {}).get("nonce")
    if not user.is_authenticated or data.get("user") != user.pk or data.get("nonce") != nonce:
        return BrowserLinkProblem.OTHER_BROWSER
    return None


def confirm(request):
    """Trust this browser (the link was checked by `problem_with`); returns the page to go to."""
    pending = request.session.pop(PENDING, {})
    security.trust_browser(request)
    security.mark_strong_authentication(request)
    tell(AccountEvent.BROWSER_CONFIRMED, request=request, user=request.user)
    return pending.get("next") or "/"
