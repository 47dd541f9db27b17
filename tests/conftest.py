import pytest
from django.db import transaction
from django.test import Client, override_settings

from eig.cohorts.models import Programme
from eig.demo.loader import load_demo, load_site
from eig.website import purge
from eig.website.templatetags import public_fragments
from tests.accounts.second_factor import force_login_past_the_second_factor
from tests.factories import (
    CandidateFactory,
    ChallengeFactory,
    MentorFactory,
    OpenCallCohortFactory,
    ReviewerFactory,
)

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
def no_fragment_copies_of_another_test():
    """Each test's writes, the shared cache's included, are rolled back, but not the copies of
    what this process keeps: the public fragments, the site, the programme (eig.website.purge)."""
    public_fragments.forget_copies()
    purge.forget_kept()


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


@pytest.fixture(scope="module")
def full_demo_files(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo, loaded once for the module that asks for it and rolled back after it.

    Loading it takes seconds: a module whose tests only read it, or write in their own rolled
    back transaction, shares one load. Yields the folder of its CVs, which no rollback restores:
    a test that deletes files keeps a module of its own.
    """
    private = tmp_path_factory.mktemp("private")
    with (
        django_db_blocker.unblock(),
        override_settings(TASKS=IMMEDIATE_TASKS, PRIVATE_MEDIA_ROOT=private),
        transaction.atomic(),
    ):
        load_demo()
        yield private
        transaction.set_rollback(True)


@pytest.fixture
def full_demo(full_demo_files, db, settings):
    """Everything `make run` shows: the site, Promotion 3's open call, Promotion 2's candidates,
    jury, reviews and auditions, the team's demo codes."""
    settings.PRIVATE_MEDIA_ROOT = full_demo_files
    return Programme.objects.get()


# --- The people of the tests: each name always means the same role, in every app ---------------


@pytest.fixture
def cohort(db):
    """The cohort the people below belong to, its call open; an app or module may override it."""
    return OpenCallCohortFactory()


@pytest.fixture
def challenge(cohort):
    """An open défi of `cohort`."""
    return ChallengeFactory(cohort=cohort)


@pytest.fixture
def alice(db):
    """Alice Martin, a candidate."""
    return CandidateFactory(username="alice@example.fr", first_name="Alice", last_name="Martin")


@pytest.fixture
def erin(db):
    """Erin Durand, another candidate: the one who must not see Alice's application."""
    return CandidateFactory(username="erin@example.fr", first_name="Erin", last_name="Durand")


@pytest.fixture
def bob(cohort):
    """Bob Lenoir, in the jury of `cohort`: his Reviewer record (his account: `bob.user`)."""
    return ReviewerFactory(
        cohort=cohort, user__username="bob@jury.example.org", full_name="Bob Lenoir"
    )


@pytest.fixture
def carol(db):
    """Carol, in the programme team."""
    return CandidateFactory(username="carol@equipe.example", programme_team=True)


@pytest.fixture
def dan(db):
    """Dan, who sits on audition panels: the slots naming him in their panel make him one."""
    return CandidateFactory(username="dan@jury.example")


@pytest.fixture
def mentor(challenge):
    """Marie, mentor of `challenge`: her Mentor record (her account: `mentor.user`)."""
    account = CandidateFactory(username="marie@mentor.gouv.fr")
    return MentorFactory(challenge=challenge, user=account)


@pytest.fixture
def alice_client(client, alice):
    """The test client, signed in as Alice."""
    client.force_login(alice)
    return client


@pytest.fixture
def team_client(client, carol):
    """The test client, signed in as Carol of the programme team."""
    client.force_login(carol)
    return client
