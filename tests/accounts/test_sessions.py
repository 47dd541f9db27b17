"""Staff sessions end when idle; sensitive actions ask to authenticate again after 15 minutes."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from eig.accounts.security import LAST_ACTIVITY, STRONG_AUTHENTICATION_AT
from eig.audit.models import Action, AuditEntry
from tests.accounts.helpers import ask_for_link, link_path
from tests.accounts.second_factor import age_session, totp_code

pytestmark = pytest.mark.django_db

TEAM_PAGE = "/equipe/candidatures/"
MINUTE = 60


def signed_in(client):
    return SESSION_KEY in client.session


# Idle timeout


def test_a_staff_session_idle_for_more_than_two_hours_ends(team_client, carol):
    age_session(team_client, LAST_ACTIVITY, 121 * MINUTE)

    response = team_client.get(TEAM_PAGE)

    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/?next=")
    assert not signed_in(team_client)
    page = team_client.get(response["Location"]).content.decode()
    assert "Votre session a expiré après 120 minutes sans activité" in page
    assert AuditEntry.objects.filter(action=Action.SESSION_EXPIRED, actor=carol).count() == 1


def test_a_staff_session_used_within_the_limit_goes_on(team_client):
    age_session(team_client, LAST_ACTIVITY, 119 * MINUTE)

    assert team_client.get(TEAM_PAGE).status_code == 200
    # The request counts as activity: the clock starts again.
    age_session(team_client, LAST_ACTIVITY, 119 * MINUTE)
    assert team_client.get(TEAM_PAGE).status_code == 200


def test_the_idle_limit_is_a_setting(team_client, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 5
    age_session(team_client, LAST_ACTIVITY, 6 * MINUTE)

    team_client.get(TEAM_PAGE)

    assert not signed_in(team_client)


def test_a_candidates_session_has_no_idle_limit(client, alice):
    client.force_login(alice)
    age_session(client, LAST_ACTIVITY, 3 * 24 * 60 * MINUTE)

    assert client.get("/mon-espace/").status_code == 200
    assert signed_in(client)


# Re-authentication before sensitive actions


@pytest.fixture
def app(carol):
    return TOTPDevice.objects.create(user=carol, name="Téléphone", confirmed=True)


@pytest.mark.urls("tests.accounts.sensitive_urls")
def test_a_sensitive_page_opens_within_fifteen_minutes(team_client):
    age_session(team_client, STRONG_AUTHENTICATION_AT, 14 * MINUTE)

    assert team_client.get("/essai/export/").content == b"export"


@pytest.mark.urls("tests.accounts.sensitive_urls")
def test_after_fifteen_minutes_a_sensitive_page_asks_for_a_code_then_opens(team_client, app):
    age_session(team_client, STRONG_AUTHENTICATION_AT, 16 * MINUTE)

    asked = team_client.get("/essai/export/?format=csv")
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Confirmez votre identité" in page
    assert 'action="/essai/export/?format=csv"' in page

    wrong = team_client.post(
        "/essai/export/?format=csv",
        {"reauthentication-code": "abc", "reauthentication-method": "GET"},
    )
    assert wrong.status_code == 400
    assert "Ce code n’est pas valide" in wrong.content.decode()
    app.throttle_reset()

    answered = team_client.post(
        "/essai/export/?format=csv",
        {"reauthentication-code": totp_code(app), "reauthentication-method": "GET"},
    )

    assert answered["Location"] == "/essai/export/?format=csv"
    assert team_client.get("/essai/export/?format=csv").content == b"export"


@pytest.mark.urls("tests.accounts.sensitive_urls")
def test_a_sensitive_post_keeps_what_was_typed_through_the_code(team_client, app):
    age_session(team_client, STRONG_AUTHENTICATION_AT, 16 * MINUTE)

    asked = team_client.post("/essai/envoi/", {"message": "Bonjour à toutes"})
    assert 'name="message" value="Bonjour à toutes"' in asked.content.decode()
    assert 'name="reauthentication-method" value="POST"' in asked.content.decode()

    done = team_client.post(
        "/essai/envoi/",
        {
            "message": "Bonjour à toutes",
            "reauthentication-code": totp_code(app),
            "reauthentication-method": "POST",
        },
    )

    assert done.content.decode() == "Bonjour à toutes|message"


@pytest.mark.urls("tests.accounts.sensitive_urls")
def test_the_age_limit_is_a_setting(team_client, settings):
    settings.SENSITIVE_ACTION_MAX_AGE_MINUTES = 60
    age_session(team_client, STRONG_AUTHENTICATION_AT, 30 * MINUTE)

    assert team_client.get("/essai/export/").content == b"export"


@pytest.mark.urls("tests.accounts.sensitive_urls")
def test_a_method_the_view_does_not_take_is_still_refused(team_client):
    age_session(team_client, STRONG_AUTHENTICATION_AT, 16 * MINUTE)

    assert team_client.get("/essai/envoi/").status_code == 405


@pytest.mark.urls("tests.accounts.sensitive_urls")
def test_without_a_second_factor_a_new_link_authenticates_again(
    client, alice, real_sign_in, mailoutbox
):
    ask_for_link(client, alice.username)
    client.post(link_path(mailoutbox[-1]))
    assert client.get("/essai/export/").content == b"export"
    age_session(client, STRONG_AUTHENTICATION_AT, 16 * MINUTE)

    page = client.get("/essai/export/").content.decode()
    assert "Recevoir un lien de connexion" in page
    response = client.post("/compte/reauthentification/", {"next": "/essai/export/"})

    assert response["Location"] == "/connexion/envoye/"
    client.post(link_path(mailoutbox[-1]))
    assert client.get("/essai/export/").content == b"export"


def test_renewing_recovery_codes_is_sensitive(team_client, carol, app):
    age_session(team_client, STRONG_AUTHENTICATION_AT, 16 * MINUTE)

    response = team_client.post("/compte/double-authentification/codes-de-secours/nouveaux/")

    assert "Confirmez votre identité" in response.content.decode()
    assert not AuditEntry.objects.filter(action=Action.RECOVERY_CODES_RENEWED).exists()


SENSITIVE_PAGES = [
    ("get", "backoffice:application_export", {"file_format": "csv"}),
    ("get", "selection:scores_export", {"number": None, "file_format": "csv"}),
    ("get", "selection:ranking_export", {"number": None, "slug": None, "file_format": "xlsx"}),
    ("get", "decisions:export", {"number": None, "file_format": "ods"}),
    ("post", "decisions:send", {"number": None, "outcome": "selected"}),
    ("post", "teams:publish", {"number": None}),
]


@pytest.mark.parametrize(("method", "name", "kwargs"), SENSITIVE_PAGES)
def test_exports_sending_decisions_and_publishing_teams_are_sensitive(
    team_client, cohort, challenge, method, name, kwargs
):
    """Fifteen minutes after the last code, each asks for a new one and does nothing else."""
    filled = {"number": cohort.number, "slug": challenge.slug}
    url = reverse(name, kwargs={key: filled.get(key) or value for key, value in kwargs.items()})
    age_session(team_client, STRONG_AUTHENTICATION_AT, 16 * MINUTE)
    entries = AuditEntry.objects.count()

    response = getattr(team_client, method)(url)

    assert response.status_code == 200
    assert "Confirmez votre identité" in response.content.decode()
    assert AuditEntry.objects.count() == entries
