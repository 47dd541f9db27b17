"""The public site's browser tests (the browser itself: tests/browser/fixtures.py)."""

import pytest

from eig.demo.loader import load_site


@pytest.fixture
def demo_site(transactional_db, live_server):
    load_site()
    return live_server.url
