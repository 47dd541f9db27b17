"""The second factor: required for the programme team, offered to the jury and mentors."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from eig.accounts import second_factor
from eig.accounts.security import TRUSTED_BROWSER_COOKIE
from eig.accounts.signals import AccountEvent
from eig.audit.models import Action, AuditEntry
from tests.accounts.helpers import ask_for_link, link_path
from tests.accounts.second_factor import totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_sign_in")]

PASSWORD = "un mot de passe solide"
TEAM_PAGE = "/equipe/candidatures/"


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def carol(carol):
    """Carol of the programme team (tests/conftest.py), with a password for Wagtail's admin."""
    carol.set_password(PASSWORD)
    carol.save()
    return carol


@pytest.fixture
def bob(bob):
    """Bob of the jury (tests/conftest.py), with a password too."""
    bob.user.set_password(PASSWORD)
    bob.user.save()
    return bob


@pytest.fixture
def app(carol):
    """Carol's authenticator app, already set up."""
    return TOTPDevice.objects.create(user=carol, name="Téléphone", confirmed=True)


def password_sign_in(client, user, *, next_url="/"):
    """Through Wagtail's private-page login: Django's own form, for anyone with a password."""
    return client.post(
        "/_util/login/", {"username": user.username, "password": PASSWORD, "next": next_url}
    )


def link_sign_in(client, user, mailoutbox):
    ask_for_link(client, user.username)
    return client.post(link_path(mailoutbox[-1]))


def signed_in(client):
    return SESSION_KEY in client.session


def give_code(client, code, *, next_url=TEAM_PAGE):
    return client.post("/compte/double-authentification/", {"code": code, "next": next_url})


def journal(action):
    return AuditEntry.objects.filter(action=action)


# The team: never in with a password alone, nor with a link alone


def test_a_password_alone_does_not_open_the_teams_pages(client, carol):
    response = client.post(
        "/admin/login/", {"username": carol.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302 and signed_in(client)

    for page in (TEAM_PAGE, "/admin/", "/admin/pages/", "/equipe/journal/"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith("/compte/navigateur/?next="), page


def test_a_link_alone_does_not_open_the_teams_pages(client, carol, mailoutbox):
    link_sign_in(client, carol, mailoutbox)
    assert signed_in(client)

    for page in (TEAM_PAGE, "/admin/"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith("/compte/double-authentification/activer/"), page


def test_a_team_member_with_an_app_gives_a_code_at_each_sign_in(client, carol, app, mailoutbox):
    link_sign_in(client, carol, mailoutbox)

    asked = client.get(TEAM_PAGE)
    assert asked["Location"] == "/compte/double-authentification/?next=%2Fequipe%2Fcandidatures%2F"
    assert "Double authentification" in client.get(asked["Location"]).content.decode()

    response = give_code(client, totp_code(app))

    assert response["Location"] == TEAM_PAGE
    assert client.get(TEAM_PAGE).status_code == 200
    assert client.get("/admin/").status_code == 200
    entry = journal(Action.SECOND_FACTOR_VERIFIED).get()
    assert (entry.actor, entry.target_id) == (carol, str(carol.pk))


def test_signing_out_stays_possible_before_the_code(client, carol, app, mailoutbox):
    link_sign_in(client, carol, mailoutbox)

    client.post("/deconnexion/")

    assert not signed_in(client)


def test_the_team_sets_up_an_app_then_sees_its_recovery_codes_once(client, carol, mailoutbox):
    link_sign_in(client, carol, mailoutbox)
    page = client.get("/compte/double-authentification/activer/").content.decode()
    assert "<svg" in page
    secret = second_factor.secret_for_display(TOTPDevice.objects.get(user=carol))
    assert secret in page

    wrong = client.post("/compte/double-authentification/activer/", {"code": "000000"})
    assert wrong.status_code == 400
    assert "Ce code n’est pas valide" in wrong.content.decode()
    # The secret already typed into the app stays the same: nothing to redo.
    assert secret in client.get("/compte/double-authentification/activer/").content.decode()
    pending = TOTPDevice.objects.get(user=carol)
    pending.throttle_reset()

    done = client.post(
        "/compte/double-authentification/activer/",
        {"code": totp_code(pending), "next": TEAM_PAGE},
    )

    assert done["Location"] == "/compte/double-authentification/codes-de-secours/"
    shown = client.get(done["Location"]).content.decode()
    codes = [t.token for t in second_factor.StaticToken.objects.filter(device__user=carol)]
    assert len(codes) == second_factor.RECOVERY_CODE_COUNT
    assert all(code in shown for code in codes)
    assert f'href="{TEAM_PAGE}"' in shown
    again = client.get(done["Location"]).content.decode()
    assert not any(code in again for code in codes)
    assert client.get(TEAM_PAGE).status_code == 200
    assert journal(Action.SECOND_FACTOR_ENABLED).filter(actor=carol).exists()


def test_a_password_alone_cannot_set_up_an_app_on_a_new_browser(client, carol):
    """Else whoever learnt the password would enrol their own phone."""
    password_sign_in(client, carol)

    response = client.get("/compte/double-authentification/activer/")

    assert response["Location"].startswith("/compte/navigateur/")
    assert not TOTPDevice.objects.filter(user=carol).exists()


# Codes: replayed, expired, recovery, throttled


def test_a_code_already_used_is_refused(client, carol, app, mailoutbox):
    code = totp_code(app)
    link_sign_in(client, carol, mailoutbox)
    give_code(client, code)
    other = Client()
    link_sign_in(other, carol, mailoutbox)

    response = give_code(other, code)

    assert response.status_code == 400
    assert "Ce code a déjà servi" in response.content.decode()
    assert other.get(TEAM_PAGE)["Location"].startswith("/compte/double-authentification/?")
    refused = journal(Action.SECOND_FACTOR_REFUSED).get()
    assert refused.data == {"problem": "replayed"}


def test_an_expired_code_is_refused(client, carol, app, mailoutbox):
    link_sign_in(client, carol, mailoutbox)

    response = give_code(client, totp_code(app, steps_ago=4))

    assert response.status_code == 400
    assert "Ce code a expiré" in response.content.decode()
    assert client.get(TEAM_PAGE)["Location"].startswith("/compte/double-authentification/?")
    assert journal(Action.SECOND_FACTOR_REFUSED).get().data == {"problem": "expired"}


def test_a_wrong_code_is_refused_with_a_clear_message(client, carol, app, mailoutbox):
    link_sign_in(client, carol, mailoutbox)

    empty = give_code(client, "  ")
    wrong = give_code(client, "123 456" if totp_code(app) != "123456" else "654321")

    assert "Saisissez le code" in empty.content.decode()
    assert "Ce code n’est pas valide" in wrong.content.decode()
    assert journal(Action.SECOND_FACTOR_REFUSED).get().data == {"problem": "wrong"}


def test_codes_are_throttled_after_a_wrong_one(client, carol, app, mailoutbox):
    link_sign_in(client, carol, mailoutbox)
    give_code(client, "000000" if totp_code(app) != "000000" else "111111")

    response = give_code(client, totp_code(app))

    assert response.status_code == 400
    assert re.search(r"réessayez dans \d+ seconde", response.content.decode())
    assert client.get(TEAM_PAGE)["Location"].startswith("/compte/double-authentification/?")


def test_a_recovery_code_works_once(client, carol, app, mailoutbox):
    codes = second_factor.renew_recovery_codes(carol)
    link_sign_in(client, carol, mailoutbox)

    # As copied from paper: capitals and a dash in the middle.
    response = give_code(client, f"{codes[0][:4].upper()}-{codes[0][4:].upper()}")

    assert response["Location"] == TEAM_PAGE
    assert "il vous en reste 9" in client.get(TEAM_PAGE).content.decode()
    assert journal(Action.RECOVERY_CODE_USED).get().data == {"recovery_codes_left": 9}
    other = Client()
    link_sign_in(other, carol, mailoutbox)
    assert "Ce code n’est pas valide" in give_code(other, codes[0]).content.decode()


# The jury and mentors: offered, not required


def test_the_jury_is_offered_the_second_factor_but_not_forced(client, bob, mailoutbox):
    link_sign_in(client, bob.user, mailoutbox)

    home = client.get("/jury/")
    assert home.status_code == 200
    assert "protégez votre compte par la double authentification" in home.content.decode()
    page = client.get("/compte/securite/").content.decode()
    assert "Activer la double authentification" in page


def test_a_mentor_is_offered_it_but_not_forced(client, mentor, mailoutbox):
    link_sign_in(client, mentor.user, mailoutbox)

    home = client.get("/mentor/")

    assert home.status_code == 200
    assert 'href="/compte/securite/"' in home.content.decode()


def test_once_set_up_the_jury_gives_a_code_at_each_sign_in(client, bob, mailoutbox):
    link_sign_in(client, bob.user, mailoutbox)
    client.get("/compte/double-authentification/activer/")
    pending = TOTPDevice.objects.get(user=bob.user)
    client.post("/compte/double-authentification/activer/", {"code": totp_code(pending)})
    assert "Votre compte est protégé" in client.get("/jury/").content.decode()

    other = Client()
    link_sign_in(other, bob.user, mailoutbox)

    assert other.get("/jury/")["Location"].startswith("/compte/double-authentification/?")


def test_the_jury_can_turn_it_off_again(client, bob, mailoutbox):
    link_sign_in(client, bob.user, mailoutbox)
    client.get("/compte/double-authentification/activer/")
    pending = TOTPDevice.objects.get(user=bob.user)
    client.post("/compte/double-authentification/activer/", {"code": totp_code(pending)})

    response = client.post("/compte/double-authentification/desactiver/")

    assert response["Location"] == "/compte/securite/"
    assert not second_factor.has_second_factor(bob.user)
    assert journal(Action.SECOND_FACTOR_DISABLED).filter(actor=bob.user).exists()


# Trusted browsers, confirmed by e-mail


def confirmation_path(message):
    return re.search(r"(/compte/navigateur/[^/\s]+/)", message.body).group(1)


def test_a_new_browser_is_confirmed_by_e_mail_once(client, bob, mailoutbox):
    password_sign_in(client, bob.user)

    asked = client.get("/jury/")
    assert asked["Location"] == "/compte/navigateur/?next=%2Fjury%2F"
    page = client.get(asked["Location"]).content.decode()
    assert "Confirmez ce navigateur" in page
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [bob.user.email]
    path = confirmation_path(mailoutbox[0])
    assert "Confirmer" in client.get(path).content.decode()  # GET only asks

    response = client.post(path)

    assert response["Location"] == "/jury/"
    assert client.get("/jury/").status_code == 200
    assert TRUSTED_BROWSER_COOKIE in client.cookies
    assert journal(Action.BROWSER_CONFIRMATION_SENT).filter(actor=bob.user).count() == 1
    assert journal(Action.BROWSER_CONFIRMED).filter(actor=bob.user).count() == 1
    # Next time, from the same browser: no e-mail.
    client.post("/deconnexion/")
    password_sign_in(client, bob.user)
    assert client.get("/jury/").status_code == 200
    assert len(mailoutbox) == 1


def test_reloading_the_waiting_page_sends_no_second_e_mail(client, bob, mailoutbox):
    password_sign_in(client, bob.user)
    client.get("/compte/navigateur/")
    client.get("/compte/navigateur/")

    assert len(mailoutbox) == 1
    client.post("/compte/navigateur/")
    assert len(mailoutbox) == 2


def test_the_confirmation_link_works_only_in_the_browser_that_signed_in(client, bob, mailoutbox):
    password_sign_in(client, bob.user)
    client.get("/compte/navigateur/")
    path = confirmation_path(mailoutbox[0])

    elsewhere = Client()
    password_sign_in(elsewhere, bob.user)
    response = elsewhere.post(path)

    assert response.status_code == 403
    assert "ne confirme que le navigateur" in response.content.decode()
    assert elsewhere.get("/jury/")["Location"] == "/compte/navigateur/?next=%2Fjury%2F"


def test_a_forged_confirmation_link_is_refused(client, bob):
    password_sign_in(client, bob.user)

    response = client.get("/compte/navigateur/pas-un-jeton/")

    assert response.status_code == 400
    assert "n’est pas valide" in response.content.decode()


def test_the_team_confirms_the_browser_then_sets_up_an_app(client, carol, mailoutbox):
    password_sign_in(client, carol)
    client.get("/compte/navigateur/")

    client.post(confirmation_path(mailoutbox[0]))

    assert client.get(TEAM_PAGE)["Location"].startswith("/compte/double-authentification/activer/")


def test_a_candidate_with_a_password_has_nothing_to_confirm(client, alice):
    alice.set_password(PASSWORD)
    alice.save()

    password_sign_in(client, alice)

    assert client.get("/mon-espace/").status_code == 200


def test_every_account_event_is_a_code_of_the_journal():
    assert {event.value for event in AccountEvent} <= set(Action.values)
