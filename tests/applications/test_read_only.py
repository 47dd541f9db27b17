"""After the deadline, or once withdrawn, an application is read-only: changes are refused."""

import datetime

import pytest
from django.utils import timezone

from eig.applications.models import Application
from eig.applications.steps import FORM_STEPS
from tests.applications.helpers import identity_data, review_url, step_url
from tests.factories import ApplicationFactory


@pytest.fixture
def closed_cohort(cohort):
    cohort.application_call_closes_at = timezone.now() - datetime.timedelta(minutes=5)
    cohort.save()
    return cohort


@pytest.mark.parametrize("submitted", [True, False], ids=["submitted", "draft"])
def test_after_the_deadline_every_step_is_read_only(alice_client, alice, closed_cohort, submitted):
    ApplicationFactory(cohort=closed_cohort, candidate=alice, complete=True, submitted=submitted)

    for step in FORM_STEPS:
        page = alice_client.get(step_url(closed_cohort, step.slug)).content.decode()
        assert "est clos depuis le" in page, step
        assert '<form method="post" action="/candidater/' not in page, step
        assert "Étape suivante" in page, step
    review = alice_client.get(review_url(closed_cohort)).content.decode()
    assert "Déposer ma candidature" not in review
    assert "fr-icon-edit-line" not in review


def test_after_the_deadline_changes_are_refused_with_a_message(alice_client, alice, closed_cohort):
    application = ApplicationFactory(cohort=closed_cohort, candidate=alice, submitted=True)

    response = alice_client.post(step_url(closed_cohort, "identite"), identity_data(city="Metz"))
    autosave = alice_client.post(
        step_url(closed_cohort, "identite") + "brouillon/", identity_data(city="Metz")
    )

    assert response.status_code == 403
    assert "les candidatures ne peuvent plus être déposées ni modifiées" in (
        response.content.decode()
    )
    assert autosave.status_code == 403
    assert "est clos depuis le" in autosave.json()["message"]
    application.refresh_from_db()
    assert application.city == "Lyon"


def test_after_the_deadline_a_draft_cannot_be_submitted(alice_client, alice, closed_cohort):
    ApplicationFactory(cohort=closed_cohort, candidate=alice, complete=True)

    response = alice_client.post(review_url(closed_cohort))

    assert response.status_code == 403
    assert Application.objects.get(candidate=alice).status == Application.Status.DRAFT


def test_a_withdrawn_application_is_read_only(alice_client, alice, cohort):
    ApplicationFactory(
        cohort=cohort,
        candidate=alice,
        submitted=True,
        status=Application.Status.WITHDRAWN,
        withdrawn_at=timezone.now(),
    )

    page = alice_client.get(step_url(cohort, "motivation")).content.decode()
    response = alice_client.post(step_url(cohort, "motivation"), {"motivation": "Autre"})

    assert "Vous avez retiré cette candidature" in page
    assert response.status_code == 403
    assert Application.objects.get(candidate=alice).motivation != "Autre"
