"""Contact addresses: the programme writes only to an address known to reach the candidate.

The account's address received the sign-in link. Another contact address typed in the form is
used once confirmed through a link sent to it (`Application.official_email`); until then the
programme writes to the account's address, and the unconfirmed one receives the confirmation
link only, which holds nothing the candidate wrote.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eig.accounts.models import hash_token, normalise_email
from eig.applications.models import AddressConfirmation, Application
from eig.applications.tasks import send_address_confirmation
from eig.audit.models import Action
from eig.audit.services import record

LINK_VALIDITY = timedelta(hours=48)
# A candidate typing address after address must not make the platform write to all of them.
MAX_LINKS_PER_DAY = 5


class ConfirmationProblem(models.TextChoices):
    """Why a confirmation link cannot be used; the label is what the person reads."""

    UNKNOWN = "unknown", _("Ce lien de confirmation n’est pas valide.")
    EXPIRED = "expired", _("Ce lien de confirmation a expiré.")
    USED = "used", _("Ce lien de confirmation a déjà servi.")
    REPLACED = (
        "replaced",
        _("Cette adresse n’est plus l’adresse de contact de la candidature : rien n’a changé."),
    )


class InvalidConfirmation(Exception):
    def __init__(self, problem):
        super().__init__(problem)
        self.problem = problem


def request_confirmation(*, application, now=None):
    """Send a confirmation link to the contact address if it awaits one; True if sent.

    Once per address while a link is valid (the form saves a step at every change), and
    MAX_LINKS_PER_DAY per application at most.
    """
    if not application.awaits_email_confirmation:
        return False
    now = now or timezone.now()
    links = AddressConfirmation.objects.filter(application=application)
    pending = links.filter(used_at__isnull=True, expires_at__gt=now)
    if pending.filter(email__iexact=application.email).exists():
        return False
    if links.filter(created_at__gt=now - timedelta(days=1)).count() >= MAX_LINKS_PER_DAY:
        return False
    raw_token = secrets.token_urlsafe(32)
    confirmation = AddressConfirmation.objects.create(
        application=application,
        email=application.email,
        token_hash=hash_token(raw_token),
        created_at=now,
        expires_at=now + LINK_VALIDITY,
    )
    url = settings.SITE_URL + reverse("address_confirmation", kwargs={"token": raw_token})
    transaction.on_commit(
        lambda: send_address_confirmation.enqueue(
            email=confirmation.email, url=url, expires_at=confirmation.expires_at.isoformat()
        )
    )
    return True


def confirmation_problem(*, raw_token, now=None):
    """Why this link cannot be used, or None if it can."""
    now = now or timezone.now()
    confirmation = (
        AddressConfirmation.objects.select_related("application")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )
    if confirmation is None:
        return ConfirmationProblem.UNKNOWN
    if confirmation.used_at is not None:
        return ConfirmationProblem.USED
    if confirmation.expires_at <= now:
        return ConfirmationProblem.EXPIRED
    if normalise_email(confirmation.application.email) != normalise_email(confirmation.email):
        return ConfirmationProblem.REPLACED
    return None


def confirm_address(*, raw_token, request=None, now=None):
    """Use the link, once: its address becomes the application's confirmed contact address.

    Returns the application; raises InvalidConfirmation with the ConfirmationProblem.
    """
    now = now or timezone.now()
    with transaction.atomic():
        problem = confirmation_problem(raw_token=raw_token, now=now)
        if problem:
            raise InvalidConfirmation(problem)
        # The conditional update lets one click only use the link, even two at once.
        claimed = AddressConfirmation.objects.filter(
            token_hash=hash_token(raw_token), used_at__isnull=True
        ).update(used_at=now)
        if not claimed:
            raise InvalidConfirmation(ConfirmationProblem.USED)
        confirmation = AddressConfirmation.objects.get(token_hash=hash_token(raw_token))
        application = Application.objects.select_for_update().get(pk=confirmation.application_id)
        application.confirmed_email = confirmation.email
        application.save(update_fields=["confirmed_email", "updated_at"])
        user = getattr(request, "user", None)
        record(
            action=Action.ADDRESS_CONFIRMED,
            actor=user if user is not None and user.is_authenticated else None,
            target=application,
            request=request,
        )
    return application
