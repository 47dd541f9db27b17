"""A small OpenID provider that answers as ProConnect does, on 127.0.0.1, for the tests only.

http.server in a thread on a free port; an RSA key made for the run, published at the JWKS
endpoint; the authorization endpoint sends the browser back with a code, the token endpoint
turns the code into an ID token signed RS256, and the userinfo endpoint answers a signed JWT
(`application/jwt`), as ProConnect's does. A test chooses who signs in (`person`), and may spoil
one part of the answers (`id_token_changes`, `userinfo_changes`, `signing_key`, `error`).
"""

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "plateforme-eig-test"
CLIENT_SECRET = "secret-de-test-du-fournisseur"
KEY_ID = "cle-de-test"


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def default_person():
    """An agent as ProConnect describes one: no `email_verified`, ProConnect never sends it."""
    return {
        "sub": "agent-0001",
        "email": "helene.marchand@jury.example.org",
        "given_name": "Hélène",
        "usual_name": "Marchand",
        "uid": "hm-42",
        "siret": "11002001300097",
        "idp_id": "fi-de-test",
        "acr": "eidas1",
        "amr": ["pwd"],
    }


class LocalProvider:
    def __init__(self):
        self.key = new_key()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.provider = self
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.reset()

    def reset(self):
        self.person = default_person()
        self.id_token_changes = {}
        self.userinfo_changes = {}
        self.signing_key = self.key
        self.error = ""
        self.grants = {}
        self.access_tokens = {}
        self.issued_id_tokens = []
        self.token_requests = []
        self.sign_out_requests = []

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def issuer(self):
        return self.url + "/api/v2"

    def endpoints(self):
        return {
            "issuer": self.issuer,
            "authorization_endpoint": self.issuer + "/authorize",
            "token_endpoint": self.issuer + "/token",
            "userinfo_endpoint": self.issuer + "/userinfo",
            "jwks_uri": self.issuer + "/jwks",
            "end_session_endpoint": self.issuer + "/session/end",
        }

    def settings(self):
        """The Django settings that point the platform at this provider, endpoint by endpoint."""
        endpoints = self.endpoints()
        return {
            "PROCONNECT_CLIENT_ID": CLIENT_ID,
            "PROCONNECT_CLIENT_SECRET": CLIENT_SECRET,
            "PROCONNECT_DISCOVERY_URL": "",
            "PROCONNECT_ISSUER": endpoints["issuer"],
            "PROCONNECT_AUTHORIZATION_ENDPOINT": endpoints["authorization_endpoint"],
            "PROCONNECT_TOKEN_ENDPOINT": endpoints["token_endpoint"],
            "PROCONNECT_USERINFO_ENDPOINT": endpoints["userinfo_endpoint"],
            "PROCONNECT_JWKS_ENDPOINT": endpoints["jwks_uri"],
            "PROCONNECT_END_SESSION_ENDPOINT": endpoints["end_session_endpoint"],
            "PROCONNECT_SIGN_ALGORITHM": "RS256",
            "PROCONNECT_ACR_VALUES": "eidas1",
        }

    def discovery_url(self):
        return self.issuer + "/.well-known/openid-configuration"

    def jwks(self):
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}

    def sign(self, claims):
        return jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": KEY_ID})

    # The endpoints' answers: (status, headers, body).

    def authorize(self, params):
        required = ("client_id", "redirect_uri", "scope", "state", "nonce", "response_type")
        if any(not params.get(name) for name in required) or params["client_id"] != CLIENT_ID:
            return 400, {}, {"error": "invalid_request"}
        back, state = params["redirect_uri"], params["state"]
        if self.error:
            return redirect(back, error=self.error, state=state)
        code = secrets.token_urlsafe(16)
        self.grants[code] = {
            "nonce": params["nonce"],
            "redirect_uri": back,
            "person": dict(self.person),
        }
        return redirect(back, code=code, state=state)

    def token(self, form):
        self.token_requests.append(form)
        grant = self.grants.pop(form.get("code", ""), None)
        if (
            grant is None
            or form.get("grant_type") != "authorization_code"
            or form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
            or form.get("redirect_uri") != grant["redirect_uri"]
        ):
            return 400, {}, {"error": "invalid_grant"}
        person = grant["person"]
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": person["sub"],
            "iat": now,
            "exp": now + 60,
            "auth_time": now,
            "nonce": grant["nonce"],
            "acr": person["acr"],
            "amr": person["amr"],
        }
        id_token = self.sign(changed(claims, self.id_token_changes))
        self.issued_id_tokens.append(id_token)
        access_token = secrets.token_urlsafe(16)
        self.access_tokens[access_token] = person
        body = {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 60,
            "id_token": id_token,
        }
        return 200, {}, body

    def userinfo(self, authorization):
        person = self.access_tokens.get(authorization.removeprefix("Bearer "))
        if person is None:
            return 401, {}, {"error": "invalid_token"}
        claims = {key: value for key, value in person.items() if key not in ("acr", "amr")}
        claims.update({"iss": self.issuer, "aud": CLIENT_ID})
        body = self.sign(changed(claims, self.userinfo_changes)).encode()
        return 200, {"Content-Type": "application/jwt; charset=utf-8"}, body

    def end_session(self, params):
        self.sign_out_requests.append(params)
        return redirect(params["post_logout_redirect_uri"], status=303, state=params["state"])


def redirect(url, status=302, **params):
    return status, {"Location": f"{url}?{urlencode(params)}"}, b""


def changed(claims, changes):
    """`claims` with `changes` applied; a change to None removes the claim."""
    result = {**claims, **changes}
    return {key: value for key, value in result.items() if value is not None}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        provider = self.server.provider
        url = urlsplit(self.path)
        params = {key: values[0] for key, values in parse_qs(url.query).items()}
        path = url.path.removeprefix("/api/v2")
        if path == "/.well-known/openid-configuration":
            self.answer(200, {}, provider.endpoints())
        elif path == "/jwks":
            self.answer(200, {}, provider.jwks())
        elif path == "/authorize":
            self.answer(*provider.authorize(params))
        elif path == "/userinfo":
            self.answer(*provider.userinfo(self.headers.get("Authorization", "")))
        elif path == "/session/end":
            self.answer(*provider.end_session(params))
        else:
            self.answer(404, {}, {"error": "not_found"})

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        form = {key: values[0] for key, values in parse_qs(body).items()}
        if urlsplit(self.path).path == "/api/v2/token":
            self.answer(*self.server.provider.token(form))
        else:
            self.answer(404, {}, {"error": "not_found"})

    def answer(self, status, headers, body):
        if isinstance(body, dict):
            body = json.dumps(body).encode()
            headers = {"Content-Type": "application/json", **headers}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # quiet test output
