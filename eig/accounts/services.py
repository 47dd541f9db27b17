"""Passwordless sign-in: ask for a link by e-mail, then use it once to sign in."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from eig.accounts.models import LinkProblem, SignInToken, hash_token, normalise_email
from eig.accounts.signals import sign_in_link_failed
from eig.accounts.tasks import send_sign_in_link

LINK_VALIDITY = timedelta(minutes=30)
RATE_LIMIT_WINDOW = timedelta(hours=1)
MAX_LINKS_PER_ADDRESS = 5
MAX_LINKS_PER_IP = 20


class InvalidSignInLink(Exception):
    def __init__(self, problem):
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class SignIn:
    user: AbstractBaseUser
    next_url: str


def request_sign_in_link(*, email, ip, next_url):
    """E-mail a sign-in link to `email`, unless rate-limited or the account is deactivated.

    Returns nothing on purpose: the caller answers the same way whatever happened, so the
    answer reveals neither which addresses have an account nor which are being limited.
    `ip` is REMOTE_ADDR; requests without one share a single per-IP budget.
    """
    email = normalise_email(email)
    raw_token = secrets.token_urlsafe(32)
    now = timezone.now()
    # On SQLite the transaction takes the write lock first, so concurrent requests cannot both
    # pass the count; elsewhere a burst may exceed a limit by a few links, which is acceptable.
    with transaction.atomic():
        if _is_rate_limited(email=email, ip=ip, now=now) or _is_deactivated(email):
            return
        token = SignInToken.objects.create(
            email=email,
            token_hash=hash_token(raw_token),
            next_url=next_url,
            requested_ip=ip,
            created_at=now,
            expires_at=now + LINK_VALIDITY,
        )
    link = settings.SITE_URL + reverse("sign_in_link", kwargs={"token": raw_token})
    send_sign_in_link.enqueue(email=email, url=link, expires_at=token.expires_at.isoformat())


def consume_sign_in_token(*, raw_token):
    """Use the link, once: whom it signs in (created on first sign-in) and where they go next.

    Raises InvalidSignInLink with the LinkProblem when the link is unknown, expired or used.
    """
    now = timezone.now()
    with transaction.atomic():
        if not SignInToken.objects.claim(raw_token=raw_token, now=now):
            problem = SignInToken.objects.problem_with(raw_token=raw_token, now=now)
            # No visible problem: a concurrent click claimed it and has not committed yet.
            raise InvalidSignInLink(problem or LinkProblem.USED)
        token = SignInToken.objects.get(token_hash=hash_token(raw_token))
        user, _created = get_user_model().objects.get_or_create(
            username=token.email,
            defaults={"email": token.email, "password": make_password(None)},
        )
        if not user.is_active:
            raise InvalidSignInLink(LinkProblem.UNKNOWN)
    return SignIn(user=user, next_url=token.next_url)


def link_problem(*, raw_token):
    """Why this link cannot be used, or None: checked before asking to confirm the sign-in."""
    return SignInToken.objects.problem_with(raw_token=raw_token, now=timezone.now())


def report_failed_link(*, raw_token, problem, request):
    """A link that could not sign in is a failed sign-in, recorded as a wrong password is.

    The credentials hold the address the link was sent to, never the token.
    """
    email = (
        SignInToken.objects.filter(token_hash=hash_token(raw_token))
        .values_list("email", flat=True)
        .first()
    )
    sign_in_link_failed.send(
        sender=__name__, credentials={"email": email or ""}, request=request, problem=problem
    )


def _is_rate_limited(*, email, ip, now):
    recent = SignInToken.objects.requested_since(now - RATE_LIMIT_WINDOW)
    return (
        recent.filter(email=email).count() >= MAX_LINKS_PER_ADDRESS
        or recent.filter(requested_ip=ip).count() >= MAX_LINKS_PER_IP
    )


def _is_deactivated(email):
    return get_user_model().objects.filter(username=email, is_active=False).exists()


def prune_sign_in_tokens(*, now=None):
    """Forget tokens (addresses and IPs) once no rate limit or link can need them any more."""
    now = now or timezone.now()
    horizon = now - max(LINK_VALIDITY, RATE_LIMIT_WINDOW)
    deleted, _ = SignInToken.objects.filter(created_at__lt=horizon).delete()
    return deleted
