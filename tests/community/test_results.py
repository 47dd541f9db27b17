"""A défi's fellows and mentors tell what came out of it; others cannot."""

import datetime

import pytest

from eig.audit.models import Action, AuditEntry
from eig.challenges.models import Outcome
from tests.community.conftest import make_fellow
from tests.factories import ChallengeFactory


def form_data(**values):
    data = {
        "results_summary": "Un service de prise de rendez-vous en ligne.",
        "outcome": Outcome.MAINTAINED,
        "outcome_details": "La direction l’a repris.",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-0-kind": "code",
        "links-0-title": "Le dépôt",
        "links-0-url": "https://code.example/rdv",
        "figures-TOTAL_FORMS": "1",
        "figures-INITIAL_FORMS": "0",
        "figures-0-value": "40 000",
        "figures-0-label": "rendez-vous pris en ligne",
    }
    data.update(values)
    return data


@pytest.fixture
def url(challenge):
    return f"/ma-promotion/defis/{challenge.pk}/resultats/"


def test_a_fellow_writes_the_results_of_their_challenge(client, alice, fellow, challenge, url):
    client.force_login(alice)

    response = client.post(url, form_data())

    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.results_summary == "Un service de prise de rendez-vous en ligne."
    assert challenge.outcome == Outcome.MAINTAINED
    assert challenge.results_updated_at is not None
    assert [link.url for link in challenge.result_links.all()] == ["https://code.example/rdv"]
    assert [figure.value for figure in challenge.key_figures.all()] == ["40 000"]
    assert AuditEntry.objects.filter(action=Action.CHALLENGE_RESULTS_EDITED).count() == 1
    assert "Les résultats de mon défi" in client.get("/ma-promotion/").content.decode()


def test_the_results_reach_the_public_page_once_the_promotion_is_over(
    client, alice, fellow, challenge, url, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    client.post(url, form_data())
    client.logout()
    assert "40 000" not in client.get(challenge.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # committed, as in production
        challenge.cohort.ends_on = datetime.date.today() - datetime.timedelta(days=1)
        challenge.cohort.save()

    assert "40 000" in client.get(challenge.get_absolute_url()).content.decode()


def test_a_bad_link_is_shown_next_to_its_field_and_nothing_typed_is_lost(
    client, alice, fellow, challenge, url
):
    client.force_login(alice)

    response = client.post(url, form_data(**{"links-0-url": "pas une adresse"}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez une URL valide." in html
    assert "Un service de prise de rendez-vous en ligne." in html
    assert "40 000" in html
    challenge.refresh_from_db()
    assert challenge.results_summary == ""


def test_a_fellow_of_another_challenge_gets_a_404(client, erin, challenge, url):
    other = ChallengeFactory(cohort=challenge.cohort)
    make_fellow(other, erin)
    client.force_login(erin)

    assert client.get(url).status_code == 404
    assert client.post(url, form_data()).status_code == 404
    challenge.refresh_from_db()
    assert challenge.results_summary == ""
