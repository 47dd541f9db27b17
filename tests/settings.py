"""The settings of the test suite: production's (DEBUG off), with a key of its own and no redirect
to HTTPS, since the test client and the live server of the browser tests speak plain HTTP."""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-only-not-a-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from eig.settings import *  # noqa: E402, F403
