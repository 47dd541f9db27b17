"""A link signs in once even when two clicks arrive together."""

import threading

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

from eig.accounts import services
from eig.accounts.models import SignInToken, hash_token


def make_token(raw_token, email="alice@example.fr"):
    now = timezone.now()
    return SignInToken.objects.create(
        email=email,
        token_hash=hash_token(raw_token),
        requested_ip="192.0.2.1",
        created_at=now,
        expires_at=now + services.LINK_VALIDITY,
    )


@pytest.mark.django_db
def test_only_the_first_claim_of_a_link_succeeds():
    make_token("secret")
    now = timezone.now()

    assert SignInToken.objects.claim(raw_token="secret", now=now) is True
    assert SignInToken.objects.claim(raw_token="secret", now=now) is False


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_clicks_sign_in_once():
    make_token("secret")
    start = threading.Barrier(2)
    signed_in, refused = [], []

    def click():
        start.wait()
        try:
            signed_in.append(services.consume_sign_in_token(raw_token="secret").user)
        # PostgreSQL makes the second click wait then finds the link used; SQLite's in-memory
        # test database refuses the second writer outright ("table is locked").
        except (services.InvalidSignInLink, OperationalError) as error:
            refused.append(error)
        finally:
            connection.close()

    clicks = [threading.Thread(target=click) for _ in range(2)]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join()

    assert len(signed_in) == 1
    assert len(refused) == 1
    assert SignInToken.objects.get().used_at is not None
