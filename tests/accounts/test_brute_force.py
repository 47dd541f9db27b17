"""Password sign-ins are limited per account and per IP address (django-axes, in the database)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.test import Client

from eig.audit.models import AuditEntry
from tests.accounts.helpers import ask_for_link, link_path

pytestmark = pytest.mark.django_db

PASSWORD = "un mot de passe solide pour carol"
ADMIN_LOGIN = "/admin/login/"
PRIVATE_PAGE_LOGIN = "/_util/login/"


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    """Dozens of passwords checked per test: the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def carol(carol):
    """Carol of the programme team, with a password for Wagtail's admin."""
    carol.set_password(PASSWORD)
    carol.save()
    return carol


def sign_in(client, password, *, username="carol@equipe.example", ip="192.0.2.1", page=ADMIN_LOGIN):
    return client.post(
        page, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=ip
    )


def signed_in(client):
    return SESSION_KEY in client.session


def test_thirty_wrong_passwords_for_one_account_then_the_right_one_is_refused(client, carol):
    """Each try from a new address: only the count per account can stop them."""
    for attempt in range(30):
        sign_in(client, f"essai {attempt}", ip=f"198.51.100.{attempt + 1}")

    response = sign_in(client, PASSWORD, ip="203.0.113.7")

    assert response.status_code == 429
    page = response.content.decode()
    assert "Connexion bloquée" in page
    assert "Réessayez dans 15 minutes" in page
    assert "même avec le bon mot de passe" in page
    assert not signed_in(client)


def test_thirty_wrong_passwords_from_one_address_lock_it_out_for_every_account(client, carol):
    """Each try on another account: only the count per IP address can stop them."""
    for attempt in range(30):
        sign_in(client, "essai", username=f"personne{attempt}@example.fr", ip="198.51.100.9")

    refused = sign_in(client, PASSWORD, ip="198.51.100.9")
    elsewhere = sign_in(Client(), PASSWORD, ip="203.0.113.7")

    assert refused.status_code == 429
    assert "Réessayez dans 15 minutes" in refused.content.decode()
    assert elsewhere.status_code == 302  # the account itself is not locked


def test_the_limit_is_the_setting_and_the_right_password_works_below_it(client, carol, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, f"essai {attempt}").status_code == 200

    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_the_try_that_reaches_the_limit_gets_the_lockout_page(client, carol, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, f"essai {attempt}")

    assert sign_in(client, "un de trop").status_code == 429


def test_capitals_do_not_make_another_account_to_count(client, carol, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "essai", username="Carol@Equipe.example", ip=f"198.51.100.{attempt + 1}")

    assert sign_in(client, PASSWORD, ip="203.0.113.7").status_code == 429


def test_the_private_page_login_is_limited_too(client, carol, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "essai", page=PRIVATE_PAGE_LOGIN, ip=f"198.51.100.{attempt + 1}")

    response = sign_in(client, PASSWORD, page=PRIVATE_PAGE_LOGIN, ip="203.0.113.7")

    assert response.status_code == 429
    assert not signed_in(client)
    # One count for every password form: the admin's is locked as well.
    assert sign_in(client, PASSWORD, ip="203.0.113.8").status_code == 429


def test_the_lock_ends_after_the_cool_off(client, carol, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "essai")
    assert sign_in(client, PASSWORD).status_code == 429

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )

    assert sign_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_trying_during_the_lock_does_not_push_its_end(client, carol, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "essai")
    first_failure_time = AccessAttempt.objects.get().attempt_time

    for _ in range(10):
        sign_in(client, "essai")

    assert AccessAttempt.objects.get().attempt_time == first_failure_time


def test_the_lockout_is_in_the_journal_once_with_the_account(client, carol, settings):
    for attempt in range(30):
        sign_in(client, f"essai {attempt}")

    lockouts = AuditEntry.objects.filter(action="account.locked_out")
    assert lockouts.count() == 1
    lockout = lockouts.get()
    assert lockout.actor is None
    assert (lockout.target_type, lockout.target_id) == ("auth.user", str(carol.pk))
    assert lockout.data == {"identifier": "carol@equipe.example", "failures": 5}
    assert lockout.ip == "192.0.2.1"


def test_a_lockout_on_an_unknown_account_names_the_identifier_tried(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "essai", username="personne@example.fr")

    lockout = AuditEntry.objects.get(action="account.locked_out")
    assert lockout.target_id == ""
    assert lockout.data["identifier"] == "personne@example.fr"


def test_a_locked_account_can_still_sign_in_by_link(client, carol, settings, mailoutbox):
    """Links keep their own limits; the password lock does not stop them."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "essai")

    ask_for_link(client, "carol@equipe.example")
    client.post(link_path(mailoutbox[-1]))

    assert signed_in(client)


def test_failed_sign_in_links_do_not_count_against_passwords(client, carol, settings):
    """An old link clicked is journaled as a failed sign-in, but links have their own limits."""
    for attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(f"/connexion/lien/inconnu-{attempt}/", REMOTE_ADDR="192.0.2.1")
    assert AuditEntry.objects.filter(action="account.sign_in_failed").count() > 0

    assert sign_in(client, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()
