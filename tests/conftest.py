import pytest
from django.test import Client, override_settings

from eig.cohorts.models import Programme
from eig.demo.loader import load_site
from tests.accounts.second_factor import force_login_past_the_second_factor

pytest_plugins = ["tests.browser.fixtures"]

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Tasks run as soon as they are enqueued, so their e-mails land in `mailoutbox`."""
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """CVs and other private files go to a temporary folder, never to var/."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def force_login_passes_the_second_factor(request, monkeypatch):
    """`client.force_login(user)` also gives a second-factor code, as a full sign-in ends.

    The requirement stays on: tests of the sign-in itself ask for `real_sign_in`.
    """
    if "real_sign_in" not in request.fixturenames:
        monkeypatch.setattr(Client, "force_login", force_login_past_the_second_factor)


@pytest.fixture
def real_sign_in():
    """`force_login` signs in only: the second factor and the browser are still to come."""


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the public site of the demo, loaded once per run.

    Each test runs in a transaction rolled back at its end, so the demo is never altered;
    transactional tests (browser, concurrency) run last and flush it, then reload what they need.
    """
    with django_db_blocker.unblock(), override_settings(TASKS=IMMEDIATE_TASKS):
        load_site()


@pytest.fixture
def demo(db):
    """The public site of the demo: Promotions 1 and 2, their défis, press, events, pages."""
    return Programme.objects.get()
