"""/deconnexion/ and the header entries that lead to signing in and out."""

import pytest
from django.contrib.auth import SESSION_KEY

pytestmark = pytest.mark.django_db


def test_signing_out_takes_a_post(client, alice):
    client.force_login(alice)

    response = client.post("/deconnexion/")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert SESSION_KEY not in client.session


def test_signing_out_refuses_get_so_a_link_cannot_sign_anyone_out(client, alice):
    client.force_login(alice)

    assert client.get("/deconnexion/").status_code == 405
    assert client.session[SESSION_KEY] == str(alice.pk)


def test_signing_out_when_not_signed_in_just_goes_home(client):
    assert client.post("/deconnexion/")["Location"] == "/"


def test_header_offers_to_sign_in_to_visitors(client):
    html = client.get("/connexion/envoye/").content.decode()

    assert 'href="/connexion/"' in html
    assert "Se connecter</a>" in html
    assert "Se déconnecter" not in html


def test_header_shows_the_signed_in_address_and_a_sign_out_button(client, alice):
    client.force_login(alice)

    html = client.get("/connexion/envoye/").content.decode()

    assert "alice@example.fr" in html
    assert 'action="/deconnexion/"' in html
    assert "Se déconnecter</button>" in html
    assert "Se connecter</a>" not in html
