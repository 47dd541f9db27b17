"""A space per role: where each person lands after signing in, and the header's links."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from tests.accounts.helpers import ask_for_link, link_path
from tests.factories import ApplicationFactory, InterviewSlotFactory

PASSWORD = "un mot de passe solide pour carol"
SPACES = "/mes-espaces/"


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def landing(client, user):
    client.force_login(user)
    return client.get(SPACES)


def test_the_team_lands_on_its_space(client, carol):
    assert landing(client, carol)["Location"] == reverse("backoffice:application_list")


def test_a_reviewer_lands_on_the_jury_space(client, bob):
    assert landing(client, bob.user)["Location"] == "/jury/"


def test_a_panel_member_lands_on_their_auditions(client, dan):
    InterviewSlotFactory(panel=[dan])

    assert landing(client, dan)["Location"] == reverse("auditions:my_slots")


def test_a_mentor_lands_on_the_mentor_space(client, mentor):
    assert landing(client, mentor.user)["Location"] == "/mentor/"


def test_a_candidate_and_a_newcomer_land_on_the_candidate_space(client, alice, erin, cohort):
    ApplicationFactory(cohort=cohort, candidate=alice)

    assert landing(client, alice)["Location"] == "/mon-espace/"
    assert landing(client, erin)["Location"] == "/mon-espace/"


def test_someone_with_several_roles_chooses_and_the_header_links_each(client, bob, mentor):
    mentor.user = bob.user
    mentor.save()

    response = landing(client, bob.user)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('href="/jury/"') == 2  # the header's link and the chooser's tile
    assert html.count('href="/mentor/"') == 2
    assert "Ma candidature" not in html  # a mentor who never applied has no candidate space


def test_the_header_marks_the_current_space(client, bob, mentor):
    mentor.user = bob.user
    mentor.save()
    client.force_login(bob.user)

    html = client.get("/mentor/").content.decode()

    assert 'href="/mentor/" aria-current="page">Mentor</a>' in html
    assert 'href="/jury/">Jury</a>' in html


def test_a_sign_in_link_without_next_lands_on_the_space(client, bob, mailoutbox):
    ask_for_link(client, bob.user.username)

    response = client.post(link_path(mailoutbox[-1]), follow=True)

    assert [url for url, _status in response.redirect_chain] == [SPACES, "/jury/"]


def test_an_explicit_next_still_wins(client, bob, mailoutbox):
    ask_for_link(client, bob.user.username, next_url="/defis/")

    assert client.post(link_path(mailoutbox[-1]))["Location"] == "/defis/"


@pytest.mark.usefixtures("real_sign_in")
def test_the_admin_password_sign_in_lands_on_the_space_or_next(client, carol):
    carol.set_password(PASSWORD)
    carol.save()
    form = {"username": carol.username, "password": PASSWORD}

    assert 'name="next" value="/mes-espaces/"' in client.get("/admin/login/").content.decode()
    assert client.post("/admin/login/", form)["Location"] == SPACES
    assert SESSION_KEY in client.session
    client.logout()
    asked = client.post("/admin/login/", {**form, "next": "/admin/pages/"})
    assert asked["Location"] == "/admin/pages/"
