"""/connexion/ and /connexion/envoye/: asking for a link reveals nothing about the address."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.db.models import F
from django_tasks_db.models import DBTaskResult

from eig.accounts.models import SignInToken
from tests.accounts.helpers import ask_for_link, link_path

pytestmark = pytest.mark.django_db


def page_text(response):
    """The page without what changes on every rendering: DSFR's breadcrumb id, the CSP nonce."""
    page = re.sub(r"breadcrumb-[a-z]+", "breadcrumb-id", response.content.decode())
    return re.sub(r'nonce="[^"]+"', 'nonce=""', page)


def test_sign_in_page_asks_for_an_email(client):
    response = client.get("/connexion/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Se connecter</h1>" in html
    assert 'type="email"' in html
    assert "Adresse e-mail" in html
    assert "fr-input-group" in html


@pytest.mark.parametrize("method", ["put", "delete"])
def test_sign_in_page_accepts_only_get_and_post(client, method):
    assert getattr(client, method)("/connexion/").status_code == 405


def test_a_valid_address_is_sent_a_link_and_redirected_to_the_sent_page(client, mailoutbox):
    response = ask_for_link(client, "  Alice@Example.FR ")

    assert response.status_code == 302
    assert response["Location"] == "/connexion/envoye/"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["alice@example.fr"]
    assert link_path(mailoutbox[0])


def test_sent_page_says_the_link_may_have_been_sent(client):
    response = client.get("/connexion/envoye/")

    assert response.status_code == 200
    assert (
        "Si cette adresse peut se connecter, un lien vient d’y être envoyé ; "
        "il est valable 30 minutes et ne sert qu’une fois."
    ) in response.content.decode()


def test_sent_page_accepts_only_get(client):
    assert client.post("/connexion/envoye/").status_code == 405


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("alice@", "Saisissez une adresse e-mail valide, au format nom@domaine.fr."),
        ("", "Saisissez votre adresse e-mail."),
        ("a" * 140 + "@example.fr", "Cette adresse est trop longue : 150 caractères au plus."),
    ],
)
def test_an_invalid_address_gets_a_french_error_next_to_the_field(client, mailoutbox, typed, error):
    response = ask_for_link(client, typed)

    assert response.status_code == 200
    html = response.content.decode()
    assert "fr-input-group--error" in html
    assert error in html
    assert "<title>Erreur : Connexion" in html
    assert mailoutbox == []


def test_an_invalid_address_is_kept_in_the_field(client):
    response = ask_for_link(client, "alice@exemple")

    assert 'value="alice@exemple"' in response.content.decode()


def test_known_and_unknown_addresses_get_the_same_answer(client, alice):

    known = ask_for_link(client, "alice@example.fr", ip="192.0.2.1")
    unknown = ask_for_link(client, "nobody@example.fr", ip="192.0.2.2")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert page_text(client.get(known["Location"])) == page_text(client.get(unknown["Location"]))


def test_a_deactivated_account_gets_the_same_answer_and_no_link(
    client, django_user_model, mailoutbox
):
    django_user_model.objects.create_user(username="gone@example.fr", is_active=False)

    response = ask_for_link(client, "gone@example.fr")

    assert response["Location"] == "/connexion/envoye/"
    assert mailoutbox == []


def test_the_sixth_request_for_an_address_within_the_hour_sends_nothing(client, mailoutbox):
    for index in range(5):
        ask_for_link(client, "alice@example.fr", ip=f"192.0.2.{index}")

    sixth = ask_for_link(client, "alice@example.fr", ip="192.0.2.99")

    assert sixth["Location"] == "/connexion/envoye/"
    assert len(mailoutbox) == 5


def test_the_twenty_first_request_from_an_ip_within_the_hour_sends_nothing(client, mailoutbox):
    for index in range(20):
        ask_for_link(client, f"person{index}@example.fr", ip="198.51.100.7")

    last = ask_for_link(client, "one-more@example.fr", ip="198.51.100.7")

    assert last["Location"] == "/connexion/envoye/"
    assert len(mailoutbox) == 20


def test_the_ip_limit_does_not_block_other_ips(client, mailoutbox):
    for index in range(20):
        ask_for_link(client, f"person{index}@example.fr", ip="198.51.100.7")

    ask_for_link(client, "one-more@example.fr", ip="198.51.100.8")

    assert len(mailoutbox) == 21


def test_the_address_limit_lifts_after_an_hour(client, mailoutbox):
    for _ in range(5):
        ask_for_link(client, "alice@example.fr")
    SignInToken.objects.update(created_at=F("created_at") - timedelta(hours=1))

    ask_for_link(client, "alice@example.fr")

    assert len(mailoutbox) == 6


def test_the_email_is_sent_by_a_task_not_during_the_request(client, settings, mailoutbox):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    ask_for_link(client, "alice@example.fr")

    assert mailoutbox == []
    assert DBTaskResult.objects.get().task_path == "eig.accounts.tasks.send_sign_in_link"


def test_only_a_sha256_of_the_token_is_stored(client, mailoutbox):
    ask_for_link(client, "alice@example.fr")

    raw_token = link_path(mailoutbox[0]).split("/")[-2]
    stored = SignInToken.objects.values().get()
    assert raw_token not in str(stored)
    assert stored["token_hash"] == hashlib.sha256(raw_token.encode()).hexdigest()
