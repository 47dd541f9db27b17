"""Sign-in links sent by e-mail: one row per link, holding only a hash of its secret."""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _


def normalise_email(email):
    """The form of an address used as username and for rate limiting."""
    return email.strip().lower()


def hash_token(raw_token):
    return hashlib.sha256(raw_token.encode()).hexdigest()


class LinkProblem(models.TextChoices):
    """Why a sign-in link cannot be used; the label is what the person reads."""

    UNKNOWN = "unknown", _("Ce lien de connexion n’est pas valide.")
    EXPIRED = "expired", _("Ce lien de connexion a expiré.")
    USED = "used", _("Ce lien de connexion a déjà servi.")


class SignInTokenQuerySet(models.QuerySet):
    def requested_since(self, moment):
        return self.filter(created_at__gte=moment)

    def claim(self, *, raw_token, now):
        """Mark the link used if it still can be; True for one caller only, even concurrently.

        A single conditional UPDATE: the database lets only one transaction move the row from
        unused to used, so two simultaneous clicks cannot both sign in.
        """
        claimed = self.filter(
            token_hash=hash_token(raw_token), used_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        return claimed == 1

    def problem_with(self, *, raw_token, now):
        """Why this link cannot be used, or None if it can."""
        token = self.filter(token_hash=hash_token(raw_token)).first()
        if token is None:
            return LinkProblem.UNKNOWN
        if token.used_at is not None:
            return LinkProblem.USED
        if token.expires_at <= now:
            return LinkProblem.EXPIRED
        return None


class SignInToken(models.Model):
    email = models.EmailField(_("adresse e-mail"))
    # Only a SHA-256 of the secret: a leaked table gives no usable link.
    token_hash = models.CharField(max_length=64, unique=True)
    next_url = models.TextField(_("page demandée"), blank=True)
    # REMOTE_ADDR, for the per-IP rate limit: behind a proxy, the proxy must set it.
    requested_ip = models.GenericIPAddressField(_("adresse IP de la demande"), null=True)
    created_at = models.DateTimeField(_("demandé le"))
    expires_at = models.DateTimeField(_("expire le"))
    used_at = models.DateTimeField(_("utilisé le"), null=True, blank=True)

    objects = SignInTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("lien de connexion")
        verbose_name_plural = _("liens de connexion")
        indexes = [
            models.Index(fields=["email", "created_at"]),
            models.Index(fields=["requested_ip", "created_at"]),
        ]

    def __str__(self):
        return self.email
