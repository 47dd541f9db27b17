"""/mon-espace/: the candidate's applications, their content, withdrawal, deletion, data export."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

from eig.applications.models import Application
from eig.applications.storage import private_storage
from tests.factories import ApplicationFactory, CohortFactory


def test_the_space_lists_applications_with_their_status(alice_client, alice, cohort):
    ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)
    ApplicationFactory(cohort=CohortFactory(number=4), candidate=alice)

    page = alice_client.get("/mon-espace/").content.decode()

    assert "Candidature à la Promotion 3" in page
    assert 'class="fr-badge fr-badge--success">déposée<' in page
    assert "Candidature à la Promotion 4" in page
    assert 'class="fr-badge fr-badge--info">brouillon<' in page
    assert "Télécharger mes données" in page


def test_the_header_leads_to_the_space_once_signed_in(alice_client):
    assert 'href="/mon-espace/"' in alice_client.get("/candidater/").content.decode()


def test_the_content_of_an_application_is_shown_read_only(alice_client, alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)

    page = alice_client.get(f"/mon-espace/candidatures/{application.public_id}/").content.decode()

    assert "Le logiciel libre et l&#x27;intérêt général." in page
    assert "Télécharger le CV « CV Alice Martin.pdf »" in page
    assert "fr-icon-edit-line" not in page


def test_withdrawing_asks_for_confirmation_first(alice_client, alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)
    url = f"/mon-espace/candidatures/{application.public_id}/retirer/"

    confirmation = alice_client.get(url)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert "Retirer votre candidature ?" in confirmation.content.decode()

    response = alice_client.post(url)

    application.refresh_from_db()
    assert response["Location"] == "/mon-espace/"
    assert application.status == Application.Status.WITHDRAWN
    assert application.withdrawn_at is not None
    page = alice_client.get("/mon-espace/").content.decode()
    assert "Votre candidature à la Promotion 3 est retirée." in page
    assert ">retirée<" in page


def test_a_draft_cannot_be_withdrawn(alice_client, alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice)
    url = f"/mon-espace/candidatures/{application.public_id}/retirer/"

    assert alice_client.get(url)["Location"] == "/mon-espace/"
    alice_client.post(url)

    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT


def test_deleting_a_draft_asks_for_confirmation_then_erases_it_and_its_cv(
    alice_client, alice, cohort, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(cohort=cohort, candidate=alice, complete=True)
    cv_name = application.cv.name
    url = f"/mon-espace/candidatures/{application.public_id}/supprimer/"

    confirmation = alice_client.get(url)
    assert "Supprimer votre brouillon ?" in confirmation.content.decode()
    assert Application.objects.filter(pk=application.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(url)

    assert response["Location"] == "/mon-espace/"
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not private_storage.exists(cv_name)


def test_a_submitted_application_cannot_be_deleted(alice_client, alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)
    url = f"/mon-espace/candidatures/{application.public_id}/supprimer/"

    assert alice_client.get(url)["Location"] == "/mon-espace/"
    alice_client.post(url)

    assert Application.objects.filter(pk=application.pk).exists()


def test_the_data_export_holds_account_applications_choices_experiences_and_cv(
    alice_client, alice, cohort
):
    application = ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)
    application.experiences.create(position=1, title="Développeuse", start_year=2018)

    response = alice_client.get("/mon-espace/mes-donnees/")

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="mes-donnees-eig.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "alice@example.fr"
    [exported] = data["applications"]
    assert "status" not in exported  # only as the candidate sees it, below
    assert exported["status_label"] == "déposée"
    assert exported["cohort"] == {"number": 3, "name": "Promotion 3"}
    assert exported["motivation"] == "Le logiciel libre et l'intérêt général."
    assert exported["cv"] == {"filename": "CV Alice Martin.pdf", "size": application.cv_size}
    assert exported["experiences"][0]["title"] == "Développeuse"
    assert exported["choices"][0]["rank"] == 1
    assert exported["submitted_at"].startswith(str(application.submitted_at.date()))


def test_the_space_costs_the_same_queries_however_many_applications(alice_client, alice):
    ApplicationFactory(cohort=CohortFactory(number=4), candidate=alice)
    alice_client.get("/mon-espace/")  # what the process keeps (the programme) read once
    with CaptureQueriesContext(connection) as one:
        alice_client.get("/mon-espace/")
    for number in (5, 6):
        ApplicationFactory(cohort=CohortFactory(number=number), candidate=alice)

    with CaptureQueriesContext(connection) as three:
        alice_client.get("/mon-espace/")

    assert len(three) == len(one)
