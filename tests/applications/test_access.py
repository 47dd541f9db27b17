"""Who sees what: every rule of eig/applications/access.py, the refusals included."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from eig.applications.access import application_or_404, get_own_application
from eig.applications.models import Application
from eig.audit.models import Action, AuditEntry
from eig.selection.access import applications_visible_to
from tests.applications.helpers import step_url
from tests.factories import ApplicationFactory


@pytest.fixture
def alices(alice, cohort):
    return ApplicationFactory(cohort=cohort, candidate=alice, complete=True)


@pytest.fixture
def erins(erin, cohort):
    return ApplicationFactory(cohort=cohort, candidate=erin, complete=True, city="Brest")


def request_by(rf, user):
    request = rf.get("/")
    request.user = user
    return request


def test_a_candidate_sees_only_their_own_applications(rf, alice, alices, erins):
    visible = applications_visible_to(alice)
    assert list(visible) == [alices]
    assert application_or_404(request_by(rf, alice), visible, alices.public_id) == alices
    with pytest.raises(Http404):
        application_or_404(request_by(rf, alice), visible, erins.public_id)
    refused = AuditEntry.objects.get(action=Action.APPLICATION_ACCESS_DENIED)
    assert (refused.actor, refused.target_id) == (alice, str(erins.public_id))


def test_the_programme_team_sees_every_application(rf, carol, alices, erins):
    visible = applications_visible_to(carol)
    assert set(visible) == {alices, erins}
    assert application_or_404(request_by(rf, carol), visible, erins.public_id) == erins


def test_the_programme_team_cannot_act_as_the_candidate(rf, carol, alices):
    with pytest.raises(Http404):
        get_own_application(request_by(rf, carol), alices.public_id)


def test_a_visitor_sees_nothing(alices):
    assert not applications_visible_to(AnonymousUser()).exists()


def candidate_urls(application):
    base = f"/mon-espace/candidatures/{application.public_id}/"
    return [base, base + "cv/", base + "retirer/", base + "supprimer/"]


def test_visitors_are_sent_to_sign_in(client, alices, cohort):
    urls = [
        "/candidater/",
        "/candidater/3/",
        step_url(cohort, "identite"),
        "/candidater/3/recapitulatif/",
        "/candidater/3/confirmation/",
        "/mon-espace/",
        "/mon-espace/mes-donnees/",
        *candidate_urls(alices),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/connexion/?next="), url
    autosave = client.post(step_url(cohort, "identite") + "brouillon/", {"city": "Paris"})
    assert autosave["Location"].startswith("/connexion/?next=")
    assert Application.objects.get(pk=alices.pk).city == "Lyon"


def test_another_candidate_changing_the_address_gets_404(client, erin, alices):
    client.force_login(erin)

    for url in candidate_urls(alices):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code in (404, 405), url

    alices.refresh_from_db()
    assert alices.status == Application.Status.DRAFT


def test_the_steps_show_the_signed_in_candidate_own_application_only(client, erin, alices, erins):
    client.force_login(erin)

    page = client.get(step_url(alices.cohort, "identite")).content.decode()
    client.post(step_url(alices.cohort, "identite") + "brouillon/", {"city": "Pau"})

    assert 'value="Brest"' in page
    assert 'value="Lyon"' not in page
    alices.refresh_from_db()
    assert alices.city == "Lyon"


def test_the_data_export_holds_only_the_candidate_own_data(client, alice, alices, erins):
    client.force_login(alice)

    data = json.loads(client.get("/mon-espace/mes-donnees/").content)

    assert data["account"]["email"] == "alice@example.fr"
    assert [application["public_id"] for application in data["applications"]] == [
        str(alices.public_id)
    ]
    assert "Brest" not in json.dumps(data)
