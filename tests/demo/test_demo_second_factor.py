"""`make run` lets a newcomer in: the demo team account gives known codes as second factor."""

import pytest
from django.contrib.auth import SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken

from eig.demo.loader import (
    DEMO_PASSWORD,
    DEMO_SECOND_FACTOR_CODES,
    DEMO_USERNAME,
    load_demo_second_factor,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo", "real_sign_in")]


def sign_in_to_the_admin(client):
    return client.post(
        "/admin/login/",
        {"username": DEMO_USERNAME, "password": DEMO_PASSWORD, "next": "/admin/"},
    )


def test_the_demo_password_then_a_demo_code_open_the_admin(client):
    load_demo_second_factor()
    sign_in_to_the_admin(client)
    asked = client.get("/admin/")
    assert asked["Location"].startswith("/compte/double-authentification/")

    response = client.post(
        "/compte/double-authentification/", {"code": DEMO_SECOND_FACTOR_CODES[0], "next": "/admin/"}
    )

    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_each_demo_code_serves_once_and_loading_again_puts_it_back(client):
    device = load_demo_second_factor()
    sign_in_to_the_admin(client)
    client.post("/compte/double-authentification/", {"code": DEMO_SECOND_FACTOR_CODES[0]})
    assert device.token_set.count() == len(DEMO_SECOND_FACTOR_CODES) - 1

    load_demo_second_factor()

    assert device.token_set.count() == len(DEMO_SECOND_FACTOR_CODES)


def test_without_load_demo_the_team_account_has_no_known_code(client):
    """The test database holds the site of the demo, not its codes: load_demo alone adds them."""
    sign_in_to_the_admin(client)

    client.post("/compte/double-authentification/", {"code": DEMO_SECOND_FACTOR_CODES[0]})

    assert not StaticToken.objects.exists()
    # No second factor at all: the new browser is confirmed by e-mail first.
    assert client.get("/admin/")["Location"].startswith("/compte/navigateur/")
    assert SESSION_KEY in client.session
