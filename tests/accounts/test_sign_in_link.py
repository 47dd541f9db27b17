"""/connexion/lien/<token>/: the link asks to confirm, then signs in once, within 30 minutes."""

from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client

from eig.accounts.models import SignInToken
from tests.accounts.helpers import ask_for_link, link_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(client, mailoutbox):
    """The path of a fresh link sent to alice@example.fr."""
    ask_for_link(client, "alice@example.fr")
    return link_path(mailoutbox[-1])


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


def test_the_whole_flow_creates_the_account_on_first_sign_in(client, mailoutbox, django_user_model):
    page = client.get("/connexion/?next=/defis/")
    assert 'name="next" value="/defis/"' in page.content.decode()
    ask_for_link(client, "Alice@Example.fr", next_url="/defis/")
    path = link_path(mailoutbox[0])

    confirm = client.get(path)
    assert confirm.status_code == 200
    assert "Me connecter" in confirm.content.decode()
    alice = django_user_model.objects.filter(email="alice@example.fr")
    assert not alice.exists()

    response = client.post(path)

    assert response.status_code == 302
    assert response["Location"] == "/defis/"
    user = alice.get()
    assert (user.username, user.email) == ("alice@example.fr", "alice@example.fr")
    assert not user.has_usable_password()
    assert signed_in_user_id(client) == str(user.pk)


def test_an_existing_account_is_signed_in_not_duplicated(client, alice, link, django_user_model):
    client.post(link)

    assert django_user_model.objects.filter(email="alice@example.fr").count() == 1
    assert signed_in_user_id(client) == str(alice.pk)


def test_opening_the_link_does_not_use_it_up(client, link):
    """Mail scanners open links: only the confirmation button signs in."""
    client.get(link)
    client.get(link)

    assert SignInToken.objects.get().used_at is None
    assert signed_in_user_id(client) is None
    assert client.post(link).status_code == 302


def test_without_next_the_person_lands_on_their_space(client, link):
    assert client.post(link)["Location"] == "/mes-espaces/"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_an_unsafe_next_is_ignored(client, mailoutbox, next_url):
    ask_for_link(client, "alice@example.fr", next_url=next_url)

    response = client.post(link_path(mailoutbox[0]))

    assert response["Location"] == "/mes-espaces/"


def test_a_link_works_only_once(client, link):
    client.post(link)
    other_browser = Client()

    response = other_browser.post(link)

    assert response.status_code == 410
    assert "Ce lien de connexion a déjà servi." in response.content.decode()
    assert 'href="/connexion/"' in response.content.decode()
    assert signed_in_user_id(other_browser) is None
    assert other_browser.get(link).status_code == 410


def test_an_expired_link_is_refused(client, link):
    SignInToken.objects.update(expires_at=SignInToken.objects.get().created_at)

    response = client.post(link)

    assert response.status_code == 410
    assert "Ce lien de connexion a expiré." in response.content.decode()
    assert signed_in_user_id(client) is None
    assert client.get(link).status_code == 410


def test_a_link_expires_after_30_minutes(link):
    token = SignInToken.objects.get()

    assert token.expires_at - token.created_at == timedelta(minutes=30)


def test_a_tampered_link_is_refused(client, link):
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + "/"

    response = client.post(tampered)

    assert response.status_code == 400
    assert "Ce lien de connexion n’est pas valide." in response.content.decode()
    assert 'href="/connexion/"' in response.content.decode()
    assert signed_in_user_id(client) is None
    assert SignInToken.objects.get().used_at is None


def test_a_deactivated_account_cannot_sign_in(client, alice, link):
    alice.is_active = False
    alice.save()

    response = client.post(link)

    assert response.status_code == 400
    assert signed_in_user_id(client) is None


def test_confirming_requires_the_csrf_token(link):
    """Otherwise another site could sign a visitor in to an account of its choosing."""
    browser = Client(enforce_csrf_checks=True)

    assert browser.post(link).status_code == 403
    assert SignInToken.objects.get().used_at is None


@pytest.mark.parametrize("method", ["put", "delete"])
def test_the_link_accepts_only_get_and_post(client, link, method):
    assert getattr(client, method)(link).status_code == 405


def test_signing_in_changes_the_session_key(client, link):
    """A session key planted before sign-in must not become a signed-in session."""
    session = client.session
    session["visited"] = True
    session.save()
    before = session.session_key

    client.post(link)

    assert client.session.session_key != before
