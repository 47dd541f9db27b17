"""ProConnect for civil servants, against a local OpenID provider (tests/accounts/oidc_provider.py).

The test client plays the browser on the platform's side and `requests` plays it on the
provider's side: start → ProConnect's authorize URL → back to the callback with a code.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, authenticate
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from eig.audit.models import Action, AuditEntry
from tests.accounts.oidc_provider import CLIENT_ID, LocalProvider, new_key

pytestmark = pytest.mark.django_db

HELENE = "helene.marchand@jury.example.org"
CALLBACK = "http://testserver/connexion/proconnect/retour/"


@pytest.fixture(scope="session")
def local_provider():
    provider = LocalProvider().start()
    yield provider
    provider.stop()


@pytest.fixture
def provider(local_provider, settings):
    """ProConnect switched on and pointed at the local provider, endpoint by endpoint."""
    local_provider.reset()
    for name, value in local_provider.settings().items():
        setattr(settings, name, value)
    settings.SITE_URL = "http://testserver"
    cache.clear()
    return local_provider


@pytest.fixture
def helene(django_user_model):
    """A jury member the programme team invited: her account exists before she signs in."""
    return django_user_model.objects.create_user(username=HELENE, email=HELENE)


def start(client, next_url=""):
    response = client.get("/connexion/proconnect/", {"next": next_url} if next_url else {})
    assert response.status_code == 302, response.content.decode()
    return response["Location"]


def at_provider(authorize_url):
    """The browser at ProConnect: the agent signs in there and is sent back with a code."""
    answer = requests.get(authorize_url, allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    back = urlsplit(answer.headers["Location"])
    assert f"http://{back.netloc}{back.path}" == CALLBACK
    return f"{back.path}?{back.query}"


def sign_in(client, next_url=""):
    return client.get(at_provider(start(client, next_url)))


def signed_in_id(client):
    return client.session.get(SESSION_KEY)


def refusals():
    return AuditEntry.objects.filter(action=Action.PROCONNECT_REFUSED)


# --- The full code flow -------------------------------------------------------------------------


def test_the_code_flow_signs_in_the_existing_account(client, provider, helene, django_user_model):
    provider.person["email"] = "Helene.Marchand@Jury.Example.org"  # any case links
    accounts = django_user_model.objects.count()

    authorize_url = start(client, next_url="/jury/")

    url = urlsplit(authorize_url)
    assert f"{url.scheme}://{url.netloc}{url.path}" == provider.issuer + "/authorize"
    params = {key: values[0] for key, values in parse_qs(url.query).items()}
    assert params["response_type"] == "code"
    assert params["client_id"] == CLIENT_ID
    assert params["redirect_uri"] == CALLBACK
    assert params["scope"] == "openid email given_name usual_name uid siret"
    assert params["acr_values"] == "eidas1"
    assert json.loads(params["claims"]) == {"id_token": {"acr": None, "amr": None}}
    assert len(params["state"]) >= 32 and len(params["nonce"]) >= 32
    assert signed_in_id(client) is None

    response = client.get(at_provider(authorize_url))

    assert response.status_code == 302
    assert response["Location"] == "/jury/"
    assert signed_in_id(client) == str(helene.pk)
    assert client.session[BACKEND_SESSION_KEY] == "eig.accounts.proconnect.ProConnectBackend"
    assert client.session["proconnect"] == {"acr": "eidas1", "amr": ["pwd"], "multi_factor": False}
    assert django_user_model.objects.count() == accounts
    # The code went back with the client's secret, by the same redirect URI.
    (token_request,) = provider.token_requests
    assert token_request["client_secret"] == provider.settings()["PROCONNECT_CLIENT_SECRET"]
    assert token_request["redirect_uri"] == CALLBACK
    # The session holds: the next page knows her (ProConnectBackend.get_user).
    assert client.get("/connexion/").wsgi_request.user == helene
    assert not refusals().exists()


@pytest.mark.parametrize(
    ("acr", "amr", "multi_factor"),
    [
        ("eidas1", ["pwd"], False),
        ("eidas2", ["pwd", "totp"], True),
        ("eidas1", ["pwd", "totp", "mfa"], True),
        ("https://proconnect.gouv.fr/assurance/self-asserted-2fa", ["pop"], True),
    ],
)
def test_the_session_says_whether_proconnect_used_a_second_factor(
    client, provider, helene, acr, amr, multi_factor
):
    provider.person.update(acr=acr, amr=amr)

    sign_in(client)

    assert client.session["proconnect"] == {"acr": acr, "amr": amr, "multi_factor": multi_factor}


def test_an_unsafe_next_page_is_dropped(client, provider, helene):
    response = sign_in(client, next_url="https://ailleurs.example/piege/")

    assert response["Location"] == "/mes-espaces/"  # where every sign-in without `next` lands
    assert signed_in_id(client) == str(helene.pk)


def test_the_discovery_document_gives_the_endpoints(client, provider, helene, settings):
    for name in ("ISSUER", "AUTHORIZATION", "TOKEN", "USERINFO", "JWKS", "END_SESSION"):
        setting = f"PROCONNECT_{name}" if name == "ISSUER" else f"PROCONNECT_{name}_ENDPOINT"
        setattr(settings, setting, "")
    settings.PROCONNECT_DISCOVERY_URL = provider.discovery_url()

    response = sign_in(client)

    assert response.status_code == 302
    assert signed_in_id(client) == str(helene.pk)


# --- Refused: state, nonce, tokens --------------------------------------------------------------


def test_a_tampered_state_is_refused_and_the_real_sign_in_still_works(client, provider, helene):
    callback = at_provider(start(client))
    path, query = callback.split("?")
    params = parse_qs(query)
    tampered = f"{path}?code={params['code'][0]}&state=etat-falsifie-{'x' * 32}"

    response = client.get(tampered)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Cette connexion n’a pas été demandée depuis ce navigateur" in page
    assert "Recommencez depuis le bouton ci-dessous" in page
    assert signed_in_id(client) is None
    entry = refusals().get()
    assert entry.data == {"reason": "state", "detail": "", "page": "proconnect_callback"}
    assert entry.actor is None and entry.target_id == ""
    # Nothing lost: the attempt this browser started is still there to finish.
    assert client.get(callback).status_code == 302
    assert signed_in_id(client) == str(helene.pk)


def test_a_callback_serves_once(client, provider, helene):
    callback = at_provider(start(client))
    client.get(callback)

    replay = client.get(callback)

    assert replay.status_code == 400
    assert refusals().get().data["reason"] == "state"


def test_a_callback_in_another_browser_is_refused(client, provider, helene):
    callback = at_provider(start(client))
    other_browser = type(client)()

    response = other_browser.get(callback)

    assert response.status_code == 400
    assert other_browser.session.get(SESSION_KEY) is None
    assert refusals().get().data["reason"] == "state"


def test_a_wrong_nonce_in_the_id_token_is_refused(client, provider, helene):
    provider.id_token_changes = {"nonce": "un-autre-nonce-que-celui-de-la-session-0000"}

    response = sign_in(client)

    assert response.status_code == 400
    assert (
        "La réponse de ProConnect ne correspond pas à cette connexion" in response.content.decode()
    )
    assert signed_in_id(client) is None
    assert refusals().get().data == {
        "reason": "nonce",
        "detail": "nonce",
        "page": "proconnect_callback",
    }


@pytest.mark.parametrize(
    ("id_token_changes", "userinfo_changes", "detail"),
    [
        pytest.param({"aud": "un-autre-client"}, {}, "InvalidAudienceError", id="audience"),
        pytest.param({"iss": "https://faux.example"}, {}, "InvalidIssuerError", id="issuer"),
        pytest.param({"exp": 1_000_000_000}, {}, "ExpiredSignatureError", id="expired"),
        pytest.param({"nonce": None}, {}, "MissingRequiredClaimError", id="no nonce"),
        pytest.param({}, {"sub": "agent-9999"}, "userinfo sub", id="userinfo subject"),
        pytest.param({}, {"aud": "un-autre-client"}, "userinfo iss or aud", id="userinfo aud"),
        pytest.param({}, {"email": None}, "no email", id="no email"),
    ],
)
def test_a_bad_token_is_refused(
    client, provider, helene, id_token_changes, userinfo_changes, detail
):
    provider.id_token_changes = id_token_changes
    provider.userinfo_changes = userinfo_changes

    response = sign_in(client)

    assert response.status_code == 400
    assert "La réponse de ProConnect n’a pas pu être vérifiée" in response.content.decode()
    assert signed_in_id(client) is None
    entry = refusals().get()
    assert entry.data == {"reason": "token", "detail": detail, "page": "proconnect_callback"}
    # Never a token in the journal.
    assert all(token not in str(entry.data) for token in provider.issued_id_tokens)


def test_a_token_signed_with_another_key_is_refused(client, provider, helene):
    provider.signing_key = new_key()

    response = sign_in(client)

    assert response.status_code == 400
    assert refusals().get().data["detail"] == "InvalidSignatureError"
    assert signed_in_id(client) is None


def test_a_code_the_provider_refuses_is_refused(client, provider, helene):
    callback = at_provider(start(client))
    provider.grants.clear()  # expired at ProConnect (a code lives 30 seconds)

    response = client.get(callback)

    assert response.status_code == 400
    assert refusals().get().data["detail"] == "HTTPError"
    assert signed_in_id(client) is None


def test_a_sign_in_cancelled_at_proconnect_is_explained(client, provider, helene):
    provider.error = "access_denied"

    response = sign_in(client, next_url="/jury/")

    assert response.status_code == 400
    page = response.content.decode()
    assert "ProConnect n’a pas terminé la connexion" in page
    assert 'href="/connexion/proconnect/?next=%2Fjury%2F"' in page  # try again, same page after
    assert refusals().get().data["detail"] == "access_denied"


# --- Refused: the e-mail address ----------------------------------------------------------------


def test_an_unknown_address_creates_no_account(client, provider, helene, django_user_model):
    provider.person["email"] = "agent.inconnu@ministere.example.gouv.fr"
    accounts = django_user_model.objects.count()

    response = sign_in(client)

    assert response.status_code == 403
    page = response.content.decode()
    assert "Aucun compte n’existe pour cette adresse" in page
    assert "agent.inconnu@ministere.example.gouv.fr" in page
    assert "l’équipe du programme ouvre votre accès en vous invitant" in page
    assert "Connectez-vous avec un lien reçu par e-mail" in page
    assert django_user_model.objects.count() == accounts
    assert signed_in_id(client) is None
    entry = refusals().get()
    assert entry.data == {
        "reason": "unknown_email",
        "detail": "",
        "page": "proconnect_callback",
        "email": "agent.inconnu@ministere.example.gouv.fr",
    }
    assert entry.target_id == ""


def test_an_address_proconnect_says_is_unverified_is_never_linked(client, provider, helene):
    provider.userinfo_changes = {"email_verified": False}

    response = sign_in(client)

    assert response.status_code == 403
    assert "Votre adresse e-mail n’est pas vérifiée" in response.content.decode()
    assert signed_in_id(client) is None
    entry = refusals().get()
    assert entry.data["reason"] == "unverified_email"
    assert entry.data["email"] == HELENE
    assert entry.target_id == str(helene.pk)  # the account it concerns


def test_a_deactivated_account_is_refused(client, provider, helene):
    helene.is_active = False
    helene.save()

    response = sign_in(client)

    assert response.status_code == 403
    assert "Ce compte est désactivé" in response.content.decode()
    assert signed_in_id(client) is None
    assert refusals().get().target_id == str(helene.pk)


def test_two_accounts_with_the_address_are_not_guessed_between(
    client, provider, helene, django_user_model
):
    django_user_model.objects.create_user(username="h.marchand", email=HELENE.upper())

    response = sign_in(client)

    assert response.status_code == 403
    assert "Plusieurs comptes portent cette adresse" in response.content.decode()
    assert signed_in_id(client) is None


# --- Unavailable, blocked -----------------------------------------------------------------------


def test_proconnect_out_of_reach_gets_a_clear_page(client, provider, helene, settings):
    callback = at_provider(start(client))
    settings.PROCONNECT_TOKEN_ENDPOINT = "http://127.0.0.1:9/api/v2/token"  # nothing listens

    response = client.get(callback)

    assert response.status_code == 503
    assert "ProConnect ne répond pas" in response.content.decode()
    assert refusals().get().data["reason"] == "unavailable"


def test_an_unreadable_discovery_document_gets_a_clear_page(client, provider, settings):
    settings.PROCONNECT_DISCOVERY_URL = provider.issuer + "/introuvable"

    response = client.get("/connexion/proconnect/")

    assert response.status_code == 503
    assert "ProConnect ne répond pas" in response.content.decode()


class DenyEveryone:
    """Stands for django-axes' backend when it locks an address out."""

    def authenticate(self, request, **credentials):
        raise PermissionDenied


def test_a_sign_in_another_backend_blocks_is_refused(client, provider, helene, settings):
    settings.AUTHENTICATION_BACKENDS = [
        "tests.accounts.test_proconnect.DenyEveryone",
        *settings.AUTHENTICATION_BACKENDS,
    ]

    response = sign_in(client)

    assert response.status_code == 429
    assert signed_in_id(client) is None
    assert refusals().get().data["reason"] == "blocked"


# --- Signing out --------------------------------------------------------------------------------


def test_signing_out_ends_the_proconnect_session_too(client, provider, helene):
    sign_in(client)

    response = client.post("/deconnexion/")

    assert signed_in_id(client) is None
    url = urlsplit(response["Location"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == provider.issuer + "/session/end"
    params = {key: values[0] for key, values in parse_qs(url.query).items()}
    assert params["id_token_hint"] == provider.issued_id_tokens[-1]
    assert (
        params["post_logout_redirect_uri"] == "http://testserver/connexion/proconnect/deconnexion/"
    )
    assert len(params["state"]) >= 32

    back = requests.get(response["Location"], allow_redirects=False, timeout=5)
    back_url = urlsplit(back.headers["Location"])
    home = client.get(f"{back_url.path}?{back_url.query}", follow=True)

    assert home.redirect_chain[0] == ("/", 302)
    assert "Vous êtes déconnecté·e de la plateforme et de ProConnect." in home.content.decode()


def test_a_sign_out_return_this_browser_did_not_ask_for_says_nothing(client, provider):
    response = client.get("/connexion/proconnect/deconnexion/?state=" + "y" * 43, follow=True)

    assert response.redirect_chain[0] == ("/", 302)
    assert "déconnecté·e de la plateforme et de ProConnect" not in response.content.decode()


def test_an_email_link_session_signs_out_here_only(client, provider, helene):
    client.force_login(helene, backend="django.contrib.auth.backends.ModelBackend")

    response = client.post("/deconnexion/")

    assert response["Location"] == "/"
    assert signed_in_id(client) is None


# --- Off unless configured ----------------------------------------------------------------------


def test_the_sign_in_page_offers_proconnect_to_agents(client, provider):
    page = client.get("/connexion/?next=/jury/").content.decode()

    assert "S’identifier avec ProConnect" in page
    assert 'href="/connexion/proconnect/?next=/jury/"' in page
    assert "Recevoir un lien de connexion" in page  # candidates keep the e-mail link


@pytest.mark.parametrize(
    "path",
    [
        "/connexion/proconnect/",
        "/connexion/proconnect/retour/?code=abc&state=def",
        "/connexion/proconnect/deconnexion/?state=def",
    ],
)
def test_without_configuration_proconnect_is_not_there(client, settings, path):
    settings.PROCONNECT_CLIENT_ID = ""

    assert client.get(path).status_code == 404
    page = client.get("/connexion/").content.decode()
    assert "ProConnect" not in page
    assert "Recevoir un lien de connexion" in page


def test_password_sign_in_ignores_the_proconnect_backend(settings, django_user_model):
    """Django builds every backend for every sign-in: an unconfigured ProConnect must not fail."""
    settings.PROCONNECT_CLIENT_ID = ""
    user = django_user_model.objects.create_user(username="equipe", password="mot-de-passe-long")

    request = RequestFactory().post("/admin/login/")

    assert authenticate(request, username="equipe", password="mot-de-passe-long") == user


ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"PROCONNECT_CLIENT_ID": "x"}, "PROCONNECT_CLIENT_SECRET must be set"),
        (
            {"PROCONNECT_CLIENT_ID": "x", "PROCONNECT_CLIENT_SECRET": "y"},
            "ProConnect needs PROCONNECT_DISCOVERY_URL",
        ),
        (
            {
                "PROCONNECT_CLIENT_ID": "x",
                "PROCONNECT_CLIENT_SECRET": "y",
                "PROCONNECT_DISCOVERY_URL": "https://proconnect.example/api/v2/.well-known/x",
                "PROCONNECT_SIGN_ALGORITHM": "HS256",
            },
            "PROCONNECT_SIGN_ALGORITHM must be RS256 or ES256",
        ),
    ],
)
def test_a_half_done_configuration_stops_the_start(environment, message):
    env = {key: value for key, value in os.environ.items() if not key.startswith("PROCONNECT_")}
    env.update(environment, DEBUG="1")
    result = subprocess.run(
        [sys.executable, "-c", "import eig.settings"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert message in result.stderr
