"""Sign-ins and failed sign-ins are in the journal, by password or by e-mailed link, with the IP
and the identifier tried, never the password or the token."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth.signals import user_login_failed
from django.utils import timezone

from eig.accounts.models import SignInToken
from eig.audit.models import Action, AuditEntry
from tests.accounts.helpers import ask_for_link, link_path

pytestmark = pytest.mark.django_db

IP = "203.0.113.50"
PASSWORD = "un-mot-de-passe-assez-long-2026"
# Wagtail's admin login and Wagtail's login for private pages: both take a password.
PASSWORD_PAGES = ["/admin/login/", "/_util/login/"]
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def stored(entry):
    """Everything the entry keeps, as text: a secret must appear nowhere in it."""
    return json.dumps(
        [entry.action, entry.actor_label, entry.target_label, entry.target_id, entry.data],
        ensure_ascii=False,
    )


@pytest.fixture
def carol(carol):
    """Carol of the programme team (tests/conftest.py), with a password for Wagtail's admin."""
    carol.set_password(PASSWORD)
    carol.save()
    return carol


@pytest.mark.parametrize("page", PASSWORD_PAGES)
def test_a_password_sign_in_is_recorded_with_the_ip(client, carol, page):
    client.post(page, {"username": carol.username, "password": PASSWORD}, REMOTE_ADDR=IP)

    [entry] = AuditEntry.objects.filter(action=Action.SIGNED_IN)
    assert (entry.actor, entry.actor_label, entry.ip) == (carol, carol.email, IP)
    assert entry.data["backend"] == MODEL_BACKEND
    assert entry.target_id == str(carol.pk)
    assert PASSWORD not in stored(entry)


@pytest.mark.parametrize("page", PASSWORD_PAGES)
def test_a_wrong_password_is_recorded_with_the_name_typed_not_the_password(client, carol, page):
    client.post(page, {"username": "Carol@Equipe.example", "password": "devine"}, REMOTE_ADDR=IP)

    [entry] = AuditEntry.objects.filter(action=Action.SIGN_IN_FAILED)
    assert entry.actor is None and entry.ip == IP
    assert entry.data["identifier"] == "Carol@Equipe.example"
    assert "devine" not in stored(entry)
    assert not AuditEntry.objects.filter(action=Action.SIGNED_IN).exists()


def test_a_sign_in_by_link_is_recorded_without_its_token(client, mailoutbox, django_user_model):
    ask_for_link(client, "alice@example.fr")
    path = link_path(mailoutbox[0])
    token = path.rstrip("/").rsplit("/", 1)[-1]

    client.post(path, REMOTE_ADDR=IP)

    [entry] = AuditEntry.objects.filter(action=Action.SIGNED_IN)
    alice = django_user_model.objects.get(username="alice@example.fr")
    assert entry.data == {"page": "sign_in_link", "backend": MODEL_BACKEND}
    assert (entry.actor, entry.ip) == (alice, IP)
    assert token not in stored(entry)
    assert not AuditEntry.objects.filter(action=Action.SIGN_IN_FAILED).exists()


def unusable_link(client, mailoutbox, problem):
    """The path of a link to alice@example.fr that cannot sign in any more, for `problem`."""
    if problem == "unknown":
        return "/connexion/lien/ce-lien-n-a-jamais-ete-envoye/"
    ask_for_link(client, "alice@example.fr")
    path = link_path(mailoutbox[0])
    if problem == "expired":
        SignInToken.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    else:
        client.post(path)
        client.logout()
    return path


@pytest.mark.parametrize(
    "problem, identifier",
    [("unknown", ""), ("expired", "alice@example.fr"), ("used", "alice@example.fr")],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_link_that_cannot_sign_in_is_a_failed_sign_in(
    client, mailoutbox, problem, identifier, method
):
    path = unusable_link(client, mailoutbox, problem)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    failures = AuditEntry.objects.filter(action=Action.SIGN_IN_FAILED)

    response = getattr(client, method)(path, REMOTE_ADDR=IP)

    assert response.status_code in (400, 410)
    [entry] = failures
    assert (entry.actor, entry.ip) == (None, IP)
    assert entry.data == {"identifier": identifier, "page": "sign_in_link", "problem": problem}
    assert token not in stored(entry)


def test_a_failure_signal_without_a_request_is_still_recorded(db):
    """django-axes and scripts may call authenticate() without a request: no IP then, no crash."""
    user_login_failed.send(
        sender="axes", credentials={"username": "x" * 500, "password": "*" * 20}, request=None
    )

    [entry] = AuditEntry.objects.filter(action=Action.SIGN_IN_FAILED)
    assert entry.ip is None and entry.data == {"identifier": "x" * 254, "page": ""}
