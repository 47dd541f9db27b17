"""eig.settings with DEBUG off, as a server starts it: it fails closed without a SECRET_KEY, and
every HTTPS guard is on unless turned off one by one with an explicit 0."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SHOWN = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
]
# Reading the settings is what fails or not; the apps need not be loaded (and take seconds).
SHOW = (
    "import json; from django.conf import settings; "
    f"print(json.dumps({{name: getattr(settings, name, None) for name in {SHOWN!r}}}))"
)
ENVIRONMENT = [
    "DEBUG",
    "SECRET_KEY",
    "TRUST_X_FORWARDED_PROTO",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_COOKIES",
]


def start(tmp_path, **environment):
    """Django set up in a new process with `environment` and nothing else of ours."""
    env = {name: value for name, value in os.environ.items() if name not in ENVIRONMENT}
    env.update(DJANGO_SETTINGS_MODULE="eig.settings", EIG_VAR_DIR=str(tmp_path), **environment)
    return subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def started(tmp_path, **environment):
    process = start(tmp_path, **environment)
    assert process.returncode == 0, process.stderr
    return json.loads(process.stdout)


def test_without_a_secret_key_the_server_does_not_start(tmp_path):
    for debug in ({}, {"DEBUG": "0"}):
        process = start(tmp_path, **debug)
        assert process.returncode != 0
        assert "SECRET_KEY must be set when DEBUG is off" in process.stderr


def test_in_development_a_local_key_is_enough(tmp_path):
    assert started(tmp_path, DEBUG="1")["SESSION_COOKIE_SECURE"] is False


def test_every_https_guard_is_on_by_default(tmp_path):
    assert started(tmp_path, SECRET_KEY="k" * 50) == {
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
    }


def test_an_empty_value_keeps_a_guard_on(tmp_path):
    blank = {"SECURE_COOKIES": "", "SECURE_SSL_REDIRECT": " ", "SECURE_HSTS_SECONDS": ""}

    shown = started(tmp_path, SECRET_KEY="k" * 50, **blank)

    assert shown["SESSION_COOKIE_SECURE"] is True
    assert shown["SECURE_SSL_REDIRECT"] is True
    assert shown["SECURE_HSTS_SECONDS"] == 31_536_000


def test_each_guard_turns_off_with_an_explicit_zero_for_plain_http(tmp_path):
    assert started(
        tmp_path,
        SECRET_KEY="k" * 50,
        TRUST_X_FORWARDED_PROTO="0",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
        SECURE_COOKIES="0",
    ) == {
        "SECURE_PROXY_SSL_HEADER": None,
        "SECURE_SSL_REDIRECT": False,
        "SECURE_HSTS_SECONDS": 0,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
    }


@pytest.mark.parametrize("name", ["SECURE_COOKIES", "SECURE_SSL_REDIRECT"])
def test_a_guard_with_a_value_that_makes_no_sense_stops_the_start(tmp_path, name):
    process = start(tmp_path, SECRET_KEY="k" * 50, **{name: "peut-être"})

    assert process.returncode != 0
    assert f"{name} must be a boolean" in process.stderr
