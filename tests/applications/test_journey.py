"""The whole journey of a candidate, through HTTP: start, fill every step, submit, find it back."""

import json

from eig.applications.models import Application
from tests.applications.helpers import fill_every_step, review_url, start, step_url


def test_a_candidate_applies_from_start_to_confirmation(
    alice_client, alice, cohort, challenges, mailoutbox
):
    response = alice_client.get("/candidater/")
    assert response.status_code == 200
    assert "Commencer ma candidature" in response.content.decode()

    response = start(alice_client, cohort)
    assert response["Location"] == step_url(cohort, "identite")
    page = alice_client.get(step_url(cohort, "identite")).content.decode()
    assert "fr-stepper" in page
    assert "Étape 1 sur 8" in page
    assert 'value="alice@example.fr"' in page  # the contact address starts as the account's

    fill_every_step(alice_client, cohort, challenges[0])

    review = alice_client.get(review_url(cohort)).content.decode()
    assert "Votre candidature est complète" in review
    response = alice_client.post(review_url(cohort))
    assert response["Location"] == f"/candidater/{cohort.number}/confirmation/"
    confirmation = alice_client.get(response["Location"]).content.decode()
    assert "Votre candidature est déposée" in confirmation

    application = Application.objects.get(candidate=alice)
    assert application.status == Application.Status.SUBMITTED
    assert application.choices.get().challenge == challenges[0]
    assert application.experiences.get().title == "Développeuse"
    assert application.cv_filename == "CV Alice.pdf"
    [mail] = mailoutbox
    assert mail.to == ["alice@example.fr"]
    assert "Promotion 3" in mail.body
    assert "1. Défi ouvert 1" in mail.body

    space = alice_client.get("/mon-espace/").content.decode()
    assert "déposée" in space
    assert "Modifier ma candidature" in space
    data = json.loads(alice_client.get("/mon-espace/mes-donnees/").content)
    assert data["applications"][0]["choices"][0]["challenge"]["name"] == "Défi ouvert 1"
