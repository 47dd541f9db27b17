"""ProConnect: civil servants (jury members, mentors) sign in with their administration's account.

ProConnect is the State's identity federation for agents, spoken to in OpenID Connect with the
authorization code flow: the browser goes to ProConnect with a `state` and a `nonce` kept in the
session, comes back with a code, and the server exchanges the code for an ID token and reads the
userinfo, both JWTs signed by ProConnect (RS256 or ES256, keys published at its JWKS endpoint).

The verified e-mail address links the agent to an account that already exists (any case):
ProConnect never creates one, the programme team invites jury members and mentors. Candidates
keep the e-mail link. ProConnect does not send `email_verified`: the address is the professional
one each identity provider of the federation answers for (ProConnect Identité checks it with a
code), so an absent claim counts as verified and only an explicit `false` is refused.

Off while PROCONNECT_CLIENT_ID is empty: no button, and every ProConnect URL answers 404.
"""

import json
import logging
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.db import models
from django.db.models import Q
from django.dispatch import Signal
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import add_state_and_verifier_and_nonce_to_session

logger = logging.getLogger(__name__)

SCOPES = "openid email given_name usual_name uid siret"
# `acr` and `amr` come only when asked for: they tell whether the agent used a second factor.
CLAIMS = json.dumps({"id_token": {"acr": None, "amr": None}})
# Levels of assurance that include a second factor (ProConnect's "niveaux eidas" and "acr").
MULTI_FACTOR_ACR = {
    "eidas0-mfa",
    "eidas1-mfa",
    "eidas2",
    "eidas3",
    "https://proconnect.gouv.fr/assurance/self-asserted-2fa",
    "https://proconnect.gouv.fr/assurance/consistency-checked-2fa",
}
TIMEOUT_SECONDS = 10
DISCOVERY_CACHE_SECONDS = 60 * 60
# The session keys: where the sign-in started (mozilla-django-oidc's), then what it gave.
ATTEMPTS = "oidc_states"
SIGNED_IN_WITH = "proconnect"
ID_TOKEN = "proconnect_id_token"
SIGN_OUT_STATE = "proconnect_sign_out_state"

# Sent for every refused ProConnect sign-in, with request, reason, email and account; the
# journal listens (eig.audit sits above accounts and may not be called from here).
proconnect_refused = Signal()


class Refusal(models.TextChoices):
    """Why a ProConnect sign-in did not happen; the label is the title the person reads."""

    STATE = "state", _("Cette connexion n’a pas été demandée depuis ce navigateur")
    PROVIDER_ERROR = "provider_error", _("ProConnect n’a pas terminé la connexion")
    TOKEN = "token", _("La réponse de ProConnect n’a pas pu être vérifiée")
    NONCE = "nonce", _("La réponse de ProConnect ne correspond pas à cette connexion")
    UNVERIFIED_EMAIL = "unverified_email", _("Votre adresse e-mail n’est pas vérifiée")
    UNKNOWN_EMAIL = "unknown_email", _("Aucun compte n’existe pour cette adresse")
    INACTIVE_ACCOUNT = "inactive_account", _("Ce compte est désactivé")
    AMBIGUOUS_EMAIL = "ambiguous_email", _("Plusieurs comptes portent cette adresse")
    BLOCKED = "blocked", _("Les connexions sont momentanément bloquées")
    UNAVAILABLE = "unavailable", _("ProConnect ne répond pas")


class ProConnectRefused(Exception):
    def __init__(self, reason, *, email="", account=None, detail=""):
        super().__init__(reason)
        self.reason = Refusal(reason)
        self.email = email
        self.account = account
        # For the journal and the logs: which check failed, never a token.
        self.detail = detail


@dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_endpoint: str
    end_session_endpoint: str


@dataclass(frozen=True)
class SignInDetails:
    """What a ProConnect sign-in tells beyond the account: kept in the session."""

    id_token: str
    acr: str
    amr: list

    @property
    def multi_factor(self):
        return self.acr in MULTI_FACTOR_ACR or "mfa" in self.amr


def is_enabled():
    return bool(settings.PROCONNECT_CLIENT_ID)


def provider():
    """ProConnect's endpoints, from its discovery document (cached) or from the settings.

    Raises ProConnectRefused(UNAVAILABLE) when the discovery document cannot be read.
    """
    if not settings.PROCONNECT_DISCOVERY_URL:
        return Provider(
            issuer=settings.PROCONNECT_ISSUER,
            authorization_endpoint=settings.PROCONNECT_AUTHORIZATION_ENDPOINT,
            token_endpoint=settings.PROCONNECT_TOKEN_ENDPOINT,
            userinfo_endpoint=settings.PROCONNECT_USERINFO_ENDPOINT,
            jwks_endpoint=settings.PROCONNECT_JWKS_ENDPOINT,
            end_session_endpoint=settings.PROCONNECT_END_SESSION_ENDPOINT,
        )
    key = f"proconnect-discovery:{settings.PROCONNECT_DISCOVERY_URL}"
    document = cache.get(key)
    if document is None:
        try:
            response = requests.get(settings.PROCONNECT_DISCOVERY_URL, timeout=TIMEOUT_SECONDS)
            response.raise_for_status()
            document = response.json()
            endpoints = provider_from(document)
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            raise ProConnectRefused(Refusal.UNAVAILABLE, detail=type(error).__name__) from error
        cache.set(key, document, DISCOVERY_CACHE_SECONDS)
        return endpoints
    return provider_from(document)


def provider_from(document):
    return Provider(
        issuer=document["issuer"],
        authorization_endpoint=document["authorization_endpoint"],
        token_endpoint=document["token_endpoint"],
        userinfo_endpoint=document["userinfo_endpoint"],
        jwks_endpoint=document["jwks_uri"],
        end_session_endpoint=document.get("end_session_endpoint", ""),
    )


def callback_url():
    # From SITE_URL, not the request: it must match the address registered with ProConnect.
    return settings.SITE_URL + reverse("proconnect_callback")


def authorization_url(request, *, next_url):
    """Where to send the browser to sign in, after keeping this attempt in its session."""
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    params = {
        "response_type": "code",
        "client_id": settings.PROCONNECT_CLIENT_ID,
        "redirect_uri": callback_url(),
        "scope": SCOPES,
        "state": state,
        "nonce": nonce,
        "claims": CLAIMS,
    }
    if settings.PROCONNECT_ACR_VALUES:
        params["acr_values"] = settings.PROCONNECT_ACR_VALUES
    endpoint = provider().authorization_endpoint
    add_state_and_verifier_and_nonce_to_session(request, state, params)
    request.session[ATTEMPTS][state]["next"] = next_url
    request.session.modified = True  # the helper may only change a nested dict
    return f"{endpoint}?{urlencode(params)}"


def take_attempt(request, state):
    """The attempt that `state` names, removed from the session so it serves once; or None."""
    attempts = request.session.get(ATTEMPTS)
    if not state or not isinstance(attempts, dict) or state not in attempts:
        return None
    attempt = attempts.pop(state)
    request.session.modified = True
    return attempt


def remember(request, details):
    """After login(): the flag other checks read, and the ID token that signing out needs."""
    request.session[SIGNED_IN_WITH] = {
        "acr": details.acr,
        "amr": details.amr,
        "multi_factor": details.multi_factor,
    }
    request.session[ID_TOKEN] = details.id_token


def sign_out(request):
    """Sign out here; returns where to end the ProConnect session, if it opened this one."""
    id_token = request.session.get(ID_TOKEN)
    logout(request)
    if not id_token or not is_enabled():
        return None
    try:
        endpoint = provider().end_session_endpoint
    except ProConnectRefused:
        return None  # signed out here all the same; ProConnect's session ends on its own
    if not endpoint:
        return None
    state = secrets.token_urlsafe(32)
    request.session[SIGN_OUT_STATE] = state
    params = {
        "id_token_hint": id_token,
        "state": state,
        "post_logout_redirect_uri": settings.SITE_URL + reverse("proconnect_signed_out"),
    }
    return f"{endpoint}?{urlencode(params)}"


def signed_out_here(request, state):
    """Whether ProConnect's return after signing out carries the state this browser sent."""
    expected = request.session.pop(SIGN_OUT_STATE, None)
    return bool(expected and state and constant_time_compare(expected, state))


def account_for(email):
    """The one active account whose username or address is `email`, in any case.

    Raises ProConnectRefused when there is none, several, or only a deactivated one.
    """
    accounts = list(accounts_with(email)[:2])
    if not accounts:
        raise ProConnectRefused(Refusal.UNKNOWN_EMAIL, email=email)
    if len(accounts) > 1:
        raise ProConnectRefused(Refusal.AMBIGUOUS_EMAIL, email=email)
    account = accounts[0]
    if not account.is_active:
        raise ProConnectRefused(Refusal.INACTIVE_ACCOUNT, email=email, account=account)
    return account


def accounts_with(email):
    return get_user_model().objects.filter(Q(username__iexact=email) | Q(email__iexact=email))


class ProConnectBackend(OIDCAuthenticationBackend):
    """Turns a ProConnect code into the existing account it names, or raises ProConnectRefused.

    Called only with `proconnect_code`: `authenticate(username=…, password=…)` skips it.
    Reuses mozilla-django-oidc's token request and JWKS lookup, and checks more than it does:
    issuer, audience, expiry and nonce of the ID token, and the userinfo's subject.
    """

    def __init__(self, *args, **kwargs):
        # Not the parent's: it reads OIDC_* settings, and Django builds every backend for every
        # sign-in, ProConnect configured or not. The endpoints are set by authenticate().
        self.UserModel = get_user_model()

    def get_settings(self, attr, *default):
        """The OIDC_* settings the parent's methods read, fixed for ProConnect."""
        fixed = {
            "OIDC_VERIFY_SSL": True,
            "OIDC_TIMEOUT": TIMEOUT_SECONDS,
            "OIDC_PROXY": None,
            # ProConnect takes client_id and client_secret in the body (client_secret_post).
            "OIDC_TOKEN_USE_BASIC_AUTH": False,
        }
        return fixed[attr] if attr in fixed else (default[0] if default else None)

    def authenticate(self, request, proconnect_code=None, proconnect_nonce=None):
        if request is None or not proconnect_code or not proconnect_nonce:
            return None
        endpoints = provider()
        self.OIDC_OP_TOKEN_ENDPOINT = endpoints.token_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = endpoints.jwks_endpoint
        try:
            tokens = self.get_token(
                {
                    "client_id": settings.PROCONNECT_CLIENT_ID,
                    "client_secret": settings.PROCONNECT_CLIENT_SECRET,
                    "grant_type": "authorization_code",
                    "code": proconnect_code,
                    "redirect_uri": callback_url(),
                }
            )
            id_token, access_token = tokens["id_token"], tokens["access_token"]
            claims = self.id_token_claims(id_token, issuer=endpoints.issuer)
            if not constant_time_compare(claims["nonce"], proconnect_nonce):
                raise ProConnectRefused(Refusal.NONCE, detail="nonce")
            userinfo = self.userinfo(
                access_token, endpoint=endpoints.userinfo_endpoint, issuer=endpoints.issuer
            )
        except (requests.ConnectionError, requests.Timeout) as error:
            raise ProConnectRefused(Refusal.UNAVAILABLE, detail=type(error).__name__) from error
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            # A refused code, an answer that is not JSON or lacks a token.
            raise ProConnectRefused(Refusal.TOKEN, detail=type(error).__name__) from error
        if userinfo.get("sub") != claims["sub"]:
            raise ProConnectRefused(Refusal.TOKEN, detail="userinfo sub")
        email = str(userinfo.get("email") or "").strip()
        if not email:
            raise ProConnectRefused(Refusal.TOKEN, detail="no email")
        if userinfo.get("email_verified", True) is not True:
            account = accounts_with(email).first()
            raise ProConnectRefused(Refusal.UNVERIFIED_EMAIL, email=email, account=account)
        user = account_for(email)
        amr = claims.get("amr")
        user.proconnect = SignInDetails(
            id_token=id_token,
            acr=str(claims.get("acr") or ""),
            amr=[str(method) for method in amr] if isinstance(amr, list) else [],
        )
        return user

    def id_token_claims(self, id_token, *, issuer):
        try:
            return jwt.decode(
                id_token,
                self.retrieve_matching_jwk(id_token),
                algorithms=[settings.PROCONNECT_SIGN_ALGORITHM],
                audience=settings.PROCONNECT_CLIENT_ID,
                issuer=issuer,
                options={"require": ["iss", "aud", "exp", "iat", "sub", "nonce"]},
            )
        except (jwt.InvalidTokenError, SuspiciousOperation) as error:
            raise ProConnectRefused(Refusal.TOKEN, detail=type(error).__name__) from error

    def userinfo(self, access_token, *, endpoint, issuer):
        """The userinfo claims; ProConnect signs them as a JWT, a plain JSON answer is read too."""
        response = requests.get(
            endpoint,
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=TIMEOUT_SECONDS,
        )
        response.raise_for_status()
        if not response.headers.get("content-type", "").lower().startswith("application/jwt"):
            claims = response.json()
            if not isinstance(claims, dict):
                raise ValueError("userinfo is not a JSON object")
            return claims
        try:
            claims = jwt.decode(
                response.text,
                self.retrieve_matching_jwk(response.text),
                algorithms=[settings.PROCONNECT_SIGN_ALGORITHM],
                # Signed userinfo may leave out iss and aud; when present they must be ours.
                options={"verify_aud": False},
            )
        except (jwt.InvalidTokenError, SuspiciousOperation) as error:
            raise ProConnectRefused(Refusal.TOKEN, detail=type(error).__name__) from error
        audience = claims.get("aud", settings.PROCONNECT_CLIENT_ID)
        audiences = audience if isinstance(audience, list) else [audience]
        if claims.get("iss", issuer) != issuer or settings.PROCONNECT_CLIENT_ID not in audiences:
            raise ProConnectRefused(Refusal.TOKEN, detail="userinfo iss or aud")
        return claims

    def get_user(self, user_id):
        # ModelBackend's, which refuses deactivated accounts (the parent's does not).
        return ModelBackend.get_user(self, user_id)
