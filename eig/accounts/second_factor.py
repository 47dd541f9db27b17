"""The second factor: an authenticator app (TOTP) and its recovery codes, with django-otp.

A code is checked against the person's own devices only, inside a transaction that locks
them: two tabs cannot both use the same code. django-otp refuses a TOTP code already accepted
once (`last_t`) and slows down repeated failures (throttling, doubling the wait each time);
this module only says which of these happened, in words the person can act on.
"""

import time
from base64 import b32encode
from dataclasses import dataclass

import segno
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.oath import hotp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_NAME = "Application d’authentification"
RECOVERY_CODES_NAME = "Codes de secours"
RECOVERY_CODE_COUNT = 10
# How far back a code from the app is recognised as expired rather than wrong: 10 minutes.
EXPIRED_WINDOW_STEPS = 20


class CodeProblem(models.TextChoices):
    """Why a code was refused; the label is what the person reads."""

    MISSING = "missing", _("Saisissez le code affiché par votre application ou un code de secours.")
    WRONG = "wrong", _("Ce code n’est pas valide : vérifiez-le et saisissez-le de nouveau.")
    REPLAYED = (
        "replayed",
        _("Ce code a déjà servi : attendez que votre application en affiche un nouveau."),
    )
    EXPIRED = (
        "expired",
        _(
            "Ce code a expiré : saisissez celui que votre application affiche maintenant "
            "(si l’erreur revient, vérifiez l’heure de votre téléphone)."
        ),
    )
    THROTTLED = "throttled", _("Trop de codes refusés d’affilée : patientez avant de réessayer.")


class CodeRefused(Exception):
    def __init__(self, problem, *, retry_at=None):
        super().__init__(problem)
        self.problem = problem
        # When a throttled person may try again (an aware datetime), else None.
        self.retry_at = retry_at


@dataclass(frozen=True)
class Verification:
    device: object
    is_recovery_code: bool
    recovery_codes_left: int


def normalise_code(raw):
    """What people type: spaces and dashes between groups, capitals from a sheet of paper."""
    return "".join(raw.split()).replace("-", "").lower()


def has_second_factor(user):
    """Whether `user` has an app or recovery codes: one query for both kinds."""
    totp = TOTPDevice.objects.filter(user=user, confirmed=True).values("pk")
    static = StaticDevice.objects.filter(user=user, confirmed=True).values("pk")
    return totp.union(static).exists()


def authenticator_of(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def pending_authenticator(user):
    """The app being set up: the same secret until it is confirmed, so a reload loses nothing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def secret_for_display(device):
    """The secret as authenticator apps ask for it when typed: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code_svg(device):
    """The app's configuration link as an inline SVG: nothing leaves the server."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4,
        border=4,
        light="#fff",  # readable in the DSFR's dark theme too
        title=_("Code QR à scanner avec votre application d’authentification"),
    )


def confirm_authenticator(*, user, code):
    """Confirm the app being set up with one of its codes; returns fresh recovery codes.

    Any previous app of `user` is replaced. Raises CodeRefused if the code does not match.
    """
    code = normalise_code(code)
    if not code:
        raise CodeRefused(CodeProblem.MISSING)
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None:
            raise CodeRefused(CodeProblem.WRONG)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            raise CodeRefused(CodeProblem.THROTTLED, retry_at=details.get("locked_until"))
        confirmed = device.verify_token(code)
        if confirmed:
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = renew_recovery_codes(user)
    if not confirmed:
        raise CodeRefused(_authenticator_problem(device, code))
    return device, codes


def renew_recovery_codes(user):
    """New recovery codes for `user`, replacing the old ones: the only time they are readable."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_second_factor(user):
    """Delete the app and the recovery codes of `user`."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()


def verify_code(*, user, code):
    """Check a code from the app (six digits) or a recovery code; a recovery code is used up.

    Returns a Verification; raises CodeRefused with the reason otherwise.
    """
    code = normalise_code(code)
    if not code:
        raise CodeRefused(CodeProblem.MISSING)
    from_app = code.isdigit() and len(code) == 6
    kind = TOTPDevice if from_app else StaticDevice
    with transaction.atomic():
        devices = [d for d in devices_for_user(user, for_verify=True) if isinstance(d, kind)]
        for device in devices:
            allowed, details = device.verify_is_allowed()
            if not allowed:
                raise CodeRefused(CodeProblem.THROTTLED, retry_at=details.get("locked_until"))
        accepted = next((device for device in devices if device.verify_token(code)), None)
    # Outside the transaction: the failure count that throttling relies on is now saved.
    if accepted is None:
        # One app per person at most: confirming a new one deletes the old.
        raise CodeRefused(
            _authenticator_problem(devices[0], code) if from_app and devices else CodeProblem.WRONG
        )
    return Verification(
        device=accepted,
        is_recovery_code=not from_app,
        recovery_codes_left=recovery_codes_left(user),
    )


def _authenticator_problem(device, code):
    """Whether a refused six-digit code was one of this app's, already used or too old."""
    step_now = (int(time.time()) - device.t0) // device.step + device.drift
    for step in range(step_now - EXPIRED_WINDOW_STEPS, step_now + device.tolerance + 1):
        if hotp(device.bin_key, step, digits=device.digits) == int(code):
            if step <= device.last_t:
                return CodeProblem.REPLAYED
            if step < step_now - device.tolerance:
                return CodeProblem.EXPIRED
    return CodeProblem.WRONG


def throttle_seconds(retry_at, now):
    """Whole seconds to wait until `retry_at` (at least one)."""
    if retry_at is None:
        return 1
    return max(1, int((retry_at - now).total_seconds() + 0.999))
