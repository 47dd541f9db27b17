"""The headers of the production settings (DEBUG off, as in every test): a strict
Content-Security-Policy, Permissions-Policy, HSTS over HTTPS, Secure cookies, no-store on the pages
of signed-in people, and a plain 400 page for a forged Host."""

import logging
import re

import pytest
from django.test import Client
from wagtail.models import Page
from wagtail.users.utils import get_gravatar_url

from tests.accounts.helpers import ask_for_link, link_path
from tests.factories import CandidateFactory
from tests.security.helpers import directives

pytestmark = pytest.mark.django_db

TEAM_PAGE = "/equipe/candidatures/"


def assert_strict_policy(response):
    policy = directives(response.headers["Content-Security-Policy"])
    (nonce,) = re.findall(r"'nonce-([^']+)'", " ".join(policy["script-src"]))
    assert policy["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    # The page's own scripts (DSFR's) carry the nonce of its policy.
    scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
    assert scripts
    assert all(f'nonce="{nonce}"' in script for script in scripts)
    return nonce


def assert_permissions_policy(response):
    refused = dict(item.split("=") for item in response.headers["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert refused[feature] == "()"


def test_a_public_form_has_a_strict_policy_with_a_nonce_of_its_own(client, demo):
    first = client.get("/connexion/")
    second = client.get("/connexion/")

    assert first.status_code == 200
    assert assert_strict_policy(first) != assert_strict_policy(second)
    assert_permissions_policy(first)
    assert first.headers["Referrer-Policy"] == "same-origin"
    assert first.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_a_page_shared_by_every_visitor_runs_only_the_site_s_own_script_files(client, demo):
    response = client.get("/")

    policy = directives(response.headers["Content-Security-Policy"])
    # One copy for everyone (eig.http_cache): a nonce would be known to all, so none, and no
    # inline script either.
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
    assert scripts and all(" src=" in script for script in scripts)
    assert_permissions_policy(response)
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_a_team_page_has_the_policy_and_is_never_stored(team_client, demo):
    response = team_client.get(TEAM_PAGE)

    assert response.status_code == 200
    assert_strict_policy(response)
    assert_permissions_policy(response)
    assert "no-store" in response.headers["Cache-Control"]


def test_hsts_on_https_answers_only(client, demo):
    assert (
        client.get("/", secure=True).headers["Strict-Transport-Security"]
        == "max-age=31536000; includeSubDomains"
    )
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_behind_the_proxy_https_is_told_by_x_forwarded_proto(client, demo):
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})

    assert "Strict-Transport-Security" in response.headers


def test_http_is_redirected_to_https(client, demo, settings):
    # Off in the test settings only, whose client and live server speak plain HTTP.
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/defis/?competence=geomatique")

    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/defis/?competence=geomatique"


def test_the_csrf_and_session_cookies_are_secure(client, mailoutbox):
    form = client.get("/connexion/", secure=True)
    assert form.cookies["csrftoken"]["secure"] is True

    ask_for_link(client, "alice@example.fr")
    signed_in = client.post(link_path(mailoutbox[-1]), secure=True)

    assert signed_in.status_code == 302
    assert signed_in.cookies["sessionid"]["secure"] is True
    assert signed_in.cookies["sessionid"]["httponly"] is True


def test_signing_in_is_never_stored_and_neither_is_what_follows(client, mailoutbox, demo):
    ask_for_link(client, "alice@example.fr", next_url="/defis/")

    signed_in = client.post(link_path(mailoutbox[-1]))
    public_page = client.get("/defis/")

    assert signed_in.status_code == 302
    assert "no-store" in signed_in.headers["Cache-Control"]
    # A public page, but with the person's address in its header.
    assert "alice@example.fr" in public_page.content.decode()
    assert "no-store" in public_page.headers["Cache-Control"]


def test_the_candidate_space_is_never_stored(alice_client):
    response = alice_client.get("/mon-espace/")

    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


@pytest.fixture
def editor_client(client, db):
    client.force_login(
        CandidateFactory(username="root@equipe.example", is_staff=True, is_superuser=True)
    )
    return client


def test_wagtail_admin_runs_its_inline_scripts_and_is_never_stored(editor_client, demo):
    home = Page.objects.get(depth=2, locale__language_code="fr")

    for path in ("/admin/", f"/admin/pages/{home.pk}/edit/"):
        response = editor_client.get(path)
        assert response.status_code == 200
        policy = directives(response.headers["Content-Security-Policy"])
        # Wagtail writes inline scripts without a nonce: a nonce would disable 'unsafe-inline'.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert "no-store" in response.headers["Cache-Control"]
        assert_permissions_policy(response)


def test_wagtail_never_asks_gravatar_for_avatars(editor_client, demo):
    assert get_gravatar_url("root@equipe.example") is None
    assert "gravatar" not in editor_client.get("/admin/").content.decode()


def test_a_forged_host_gets_a_400_page_and_no_error_in_the_logs(client, demo, caplog):
    with caplog.at_level(logging.INFO):
        response = client.get("/", headers={"Host": "attacker.example"}, secure=True)

    assert response.status_code == 400
    assert "Requête incorrecte" in response.content.decode()
    assert "attacker.example" not in response.content.decode()
    assert "Content-Security-Policy" in response.headers
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_a_forged_host_on_plain_http_with_the_redirect_on_gets_a_400(client, demo, settings):
    # The redirect to HTTPS reads the host first.
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/", headers={"Host": "attacker.example"})

    assert response.status_code == 400


def test_a_form_sent_without_its_csrf_token_gets_a_page_in_french(demo):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/connexion/", {"email": "alice@example.fr"})

    assert response.status_code == 403
    assert "Formulaire expiré" in response.content.decode()
    assert_strict_policy(response)
