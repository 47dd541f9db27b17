"""Helpers for the tests of the second factor, and what `force_login` does by default."""

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import hotp
from django_otp.plugins.otp_static.models import StaticDevice

from eig.accounts.security import STRONG_AUTHENTICATION_AT

FORCE_LOGIN = Client.force_login


def force_login_past_the_second_factor(client, user, backend=None):
    """`Client.force_login`, ending as a full sign-in ends: a code given a moment ago.

    The code comes from a static device made for the test, so any user works, team or not.
    """
    FORCE_LOGIN(client, user, backend)
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="Tests", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[STRONG_AUTHENTICATION_AT] = int(time.time())
    session.save()


def totp_code(device, *, steps_ago=0):
    """The code `device`'s app shows now, or `steps_ago` periods of 30 seconds ago."""
    step = (int(time.time()) - device.t0) // device.step + device.drift - steps_ago
    return f"{hotp(device.bin_key, step, digits=device.digits):06d}"


def age_session(client, key, seconds):
    """Move a timestamp of the session `seconds` into the past: time passes, no clock frozen.

    A timestamp not yet written (no request since signing in) starts from now.
    """
    session = client.session
    session[key] = session.get(key, int(time.time())) - seconds
    session.save()
