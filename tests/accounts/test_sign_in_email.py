"""The e-mail that carries the link: French, with the link and its expiry in Paris time."""

import datetime
import re

import pytest
from django.test import override_settings

from eig.accounts.tasks import send_sign_in_link
from tests.accounts.helpers import ask_for_link


def test_the_email_gives_the_link_and_when_it_expires_in_paris_time(mailoutbox):
    send_sign_in_link.enqueue(
        email="alice@example.fr",
        url="https://eig.example/connexion/lien/abc/",
        expires_at=datetime.datetime(2026, 3, 12, 13, 35, tzinfo=datetime.UTC).isoformat(),
    )

    message = mailoutbox[0]
    assert message.subject == "Votre lien de connexion — Entrepreneurs d'intérêt général"
    assert message.to == ["alice@example.fr"]
    assert "https://eig.example/connexion/lien/abc/" in message.body
    assert "valable jusqu’au 12 mars 2026 à 14:35 (heure de Paris)" in message.body
    assert "ne sert qu’une fois" in message.body


@pytest.mark.django_db
@override_settings(SITE_URL="https://eig.example")
def test_the_link_points_to_the_public_site(client, mailoutbox):
    ask_for_link(client, "alice@example.fr")

    assert "https://eig.example/connexion/lien/" in mailoutbox[0].body


@pytest.mark.django_db
def test_in_development_the_link_can_be_copied_from_the_mail_file(client, settings, tmp_path):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(tmp_path)},
        }
    }

    ask_for_link(client, "alice@example.fr")

    (mail_file,) = tmp_path.iterdir()
    text = mail_file.read_text()
    assert re.search(r"^http://\S+/connexion/lien/[\w-]{43}/$", text, flags=re.M)
    assert "Ce lien est valable jusqu’au" in text
