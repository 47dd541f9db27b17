"""Only the programme team uses the back office: every view, every kind of visitor."""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from eig.backoffice.wagtail_hooks import register_back_office_menu_item
from tests.factories import ApplicationFactory, CandidateFactory

pytestmark = pytest.mark.django_db

PATHS = [
    "/equipe/candidatures/",
    "/equipe/candidatures/?promotion=2&q=camille",
    "/equipe/candidatures/{id}/",
    "/equipe/candidatures/{id}/cv/",
    "/equipe/candidatures/export.csv",
    "/equipe/candidatures/export.xlsx",
    "/equipe/candidatures/export.ods",
    "/equipe/candidatures/statistiques/",
]


@pytest.fixture
def alices_application(alice):
    return ApplicationFactory(candidate=alice, submitted=True)


@pytest.mark.parametrize("path", PATHS)
def test_visitors_are_asked_to_sign_in_and_come_back(client, alices_application, path):
    path = path.format(id=alices_application.public_id)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/connexion/?next={quote(path, safe='/')}"


@pytest.mark.parametrize("path", PATHS)
def test_candidates_get_a_404_even_for_their_own_application(client, alices_application, path):
    client.force_login(alices_application.candidate)

    response = client.get(path.format(id=alices_application.public_id))

    assert response.status_code == 404
    assert "Page non trouvée" in response.content.decode()


@pytest.mark.parametrize("path", PATHS)
def test_staff_outside_the_programme_team_get_a_404(client, alices_application, path):
    client.force_login(CandidateFactory(username="redactrice@equipe.example", is_staff=True))

    assert client.get(path.format(id=alices_application.public_id)).status_code == 404


@pytest.mark.parametrize("path", PATHS)
def test_the_programme_team_is_let_in(client, carol, alices_application, path):
    client.force_login(carol)

    assert client.get(path.format(id=alices_application.public_id)).status_code == 200


@pytest.mark.parametrize("path", PATHS)
def test_superusers_are_let_in(client, root, alices_application, path):
    client.force_login(root)

    assert client.get(path.format(id=alices_application.public_id)).status_code == 200


def test_an_unknown_application_is_a_404_for_the_team_too(team_client):
    path = "/equipe/candidatures/00000000-0000-4000-8000-000000000000/"

    assert team_client.get(path).status_code == 404
    assert team_client.get(path + "cv/").status_code == 404


def test_the_header_links_to_the_back_office_for_the_team_only(client, carol, alice):
    link = 'href="/equipe/candidatures/"'
    assert link not in client.get("/connexion/envoye/").content.decode()

    client.force_login(alice)
    assert link not in client.get("/connexion/envoye/").content.decode()

    client.force_login(carol)
    assert link in client.get("/connexion/envoye/").content.decode()


def test_the_wagtail_menu_links_to_the_back_office_for_the_team_only(carol, alice, root):
    item = register_back_office_menu_item()
    request = RequestFactory().get("/admin/")

    assert str(item.url) == "/equipe/candidatures/"
    for user, shown in [(carol, True), (root, True), (alice, False), (AnonymousUser(), False)]:
        request.user = user
        assert item.is_shown(request) is shown


def test_the_wagtail_admin_shows_the_link(client, root):
    client.force_login(root)

    assert "/equipe/candidatures/" in client.get("/admin/").content.decode()
