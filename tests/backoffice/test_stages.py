"""Moving applications through the stages from the back office, one by one or in bulk."""

from urllib.parse import quote

import pytest

from eig.applications.models import Application, StageTransition
from eig.audit.models import AuditEntry
from tests.backoffice import helpers
from tests.backoffice.test_export import read_rows
from tests.factories import CohortFactory

pytestmark = pytest.mark.django_db

S = Application.Status
LIST = "/equipe/candidatures/"
BULK = "/equipe/candidatures/etat/"


def submitted(**fields):
    """A submitted application of a cohort whose call is not open: the team may move it."""
    fields.setdefault("cohort", CohortFactory())
    return helpers.submitted(**fields)


def detail(application):
    return f"/equipe/candidatures/{application.public_id}/"


def move(application):
    return f"/equipe/candidatures/{application.public_id}/etat/"


def status_of(application):
    application.refresh_from_db()
    return application.status


# --- One application, from its page -----------------------------------------------------------


def test_the_page_shows_the_stage_its_history_and_the_allowed_next_stages(team_client, carol):
    application = submitted(first_name="Élodie", last_name="Dupré")
    team_client.post(move(application), {"vers": S.INELIGIBLE, "motif": "Agent public"})
    team_client.post(move(application), {"vers": S.ELIGIBLE, "motif": "Erreur corrigée"})

    page = team_client.get(detail(application)).content.decode()

    assert "État actuel :" in page
    assert '<span class="fr-badge fr-badge--no-icon">recevable</span>' in page
    history = page[page.index('id="stage-history"') :]
    assert "de « déposée » à « irrecevable », par carol@equipe.example" in history
    assert "<q>Agent public</q>" in history
    assert "de « irrecevable » à « recevable »" in history
    assert '<option value="shortlisted">Présélectionnée</option>' in page
    assert '<option value="rejected">Non retenue</option>' in page
    assert '<option value="selected">' not in page


def test_moving_an_application_records_who_when_from_to_and_why(team_client, carol):
    application = submitted()

    response = team_client.post(move(application), {"vers": S.ELIGIBLE, "motif": " Complet "})

    assert response.status_code == 302
    assert response["Location"] == detail(application)
    assert status_of(application) == S.ELIGIBLE
    transition = StageTransition.objects.get(application=application)
    assert (transition.by, transition.from_status, transition.to_status) == (
        carol,
        S.SUBMITTED,
        S.ELIGIBLE,
    )
    assert transition.reason == "Complet"
    assert transition.at is not None
    assert AuditEntry.objects.filter(action="application.moved", actor=carol).count() == 1
    page = team_client.get(detail(application)).content.decode()
    assert "La candidature est passée à l’état « recevable »." in page


def test_a_move_the_state_machine_refuses_is_explained_and_changes_nothing(team_client):
    application = submitted()

    response = team_client.post(move(application), {"vers": S.SELECTED})

    assert response.status_code == 200
    assert "Une candidature à l’état « déposée » ne peut pas passer à « retenue »." in (
        response.content.decode()
    )
    assert status_of(application) == S.SUBMITTED
    assert not StageTransition.objects.exists()


def test_ineligible_without_a_reason_is_refused(team_client):
    application = submitted()

    response = team_client.post(move(application), {"vers": S.INELIGIBLE, "motif": ""})

    assert "Indiquez le motif : il est obligatoire pour passer à « irrecevable »." in (
        response.content.decode()
    )
    assert status_of(application) == S.SUBMITTED


def test_an_unknown_stage_is_an_error_next_to_the_field(team_client):
    application = submitted()

    response = team_client.post(move(application), {"vers": "under_review"})

    assert response.status_code == 200
    assert status_of(application) == S.SUBMITTED


# --- In bulk, from the list -------------------------------------------------------------------


def test_the_list_has_checkboxes_and_the_stages_to_move_to(team_client):
    application = submitted()

    page = team_client.get(LIST, {"etat": "submitted"}).content.decode()

    assert f'name="candidatures" value="{application.public_id}"' in page
    assert f'action="{BULK}"' in page
    assert '<option value="shortlisted">Présélectionnée</option>' in page
    number = application.cohort.number
    assert f'name="filtres" value="promotion={number}&amp;etat=submitted&amp;tri=-depot"' in page


def test_the_confirmation_lists_applications_and_target_and_changes_nothing(team_client):
    ready = submitted(first_name="Prête", last_name="A")
    done = submitted(first_name="Déjà", last_name="B", status=S.SELECTED)

    response = team_client.get(
        BULK, {"candidatures": [ready.public_id, done.public_id], "vers": S.ELIGIBLE}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Passer à l’état « Recevable »" in page
    assert "Prête A" in page and "Déjà B" in page
    assert "Une candidature à l’état « retenue » ne peut pas passer à « recevable »." in page
    assert 'method="post"' in page
    assert (status_of(ready), status_of(done)) == (S.SUBMITTED, S.SELECTED)
    assert not StageTransition.objects.exists()


def test_confirming_moves_the_allowed_and_lists_the_refused_with_why(team_client, carol):
    first, second = submitted(), submitted()
    done = submitted(first_name="Déjà", last_name="B", status=S.SELECTED)

    response = team_client.post(
        BULK,
        {
            "candidatures": [first.public_id, second.public_id, done.public_id],
            "vers": S.ELIGIBLE,
            "filtres": "promotion=3",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "2 candidatures sont passées à l’état « Recevable »." in page
    refused = page[page.index('id="refused"') :]
    assert "Déjà B" in refused
    assert "ne peut pas passer à « recevable »" in refused
    assert 'href="/equipe/candidatures/?promotion=3"' in page
    assert (status_of(first), status_of(second), status_of(done)) == (
        S.ELIGIBLE,
        S.ELIGIBLE,
        S.SELECTED,
    )
    assert StageTransition.objects.filter(by=carol).count() == 2
    assert AuditEntry.objects.filter(action="application.moved").count() == 2


def test_a_bulk_move_to_ineligible_asks_for_the_reason_and_moves_none(team_client):
    applications = [submitted(), submitted()]
    data = {"candidatures": [a.public_id for a in applications], "vers": S.INELIGIBLE}

    response = team_client.post(BULK, data)

    assert response.status_code == 200
    assert "Indiquez le motif" in response.content.decode()
    assert [status_of(a) for a in applications] == [S.SUBMITTED, S.SUBMITTED]

    team_client.post(BULK, data | {"motif": "Agents publics en poste"})

    assert [status_of(a) for a in applications] == [S.INELIGIBLE, S.INELIGIBLE]
    assert set(StageTransition.objects.values_list("reason", flat=True)) == {
        "Agents publics en poste"
    }


def test_nothing_ticked_goes_back_to_the_list_with_a_message(team_client):
    response = team_client.get(BULK, {"vers": S.ELIGIBLE, "filtres": "etat=submitted"}, follow=True)

    assert response.redirect_chain == [(f"{LIST}?etat=submitted", 302)]
    assert "Cochez au moins une candidature, ou choisissez toutes celles de la liste filtrée." in (
        response.content.decode()
    )


# --- Filter, export, access -------------------------------------------------------------------


def test_the_status_filter_offers_the_stages(team_client):
    submitted(first_name="Présélectionnée", last_name="A", status=S.SHORTLISTED)
    submitted(first_name="Recevable", last_name="B", status=S.ELIGIBLE)

    page = team_client.get(LIST, {"etat": S.SHORTLISTED, "promotion": ""}).content.decode()

    assert "Présélectionnée A" in page
    assert "Recevable B" not in page
    for label in ["Irrecevable", "Admissible — invitée à une audition", "Liste d&#x27;attente"]:
        assert label in page


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "ods"])
def test_exports_carry_the_stage(team_client, file_format):
    submitted(status=S.WAITLISTED)

    response = team_client.get(f"/equipe/candidatures/export.{file_format}")

    [row] = read_rows(response, file_format)
    assert row["État"] == "liste d'attente"


@pytest.mark.parametrize(("method", "path"), [("get", BULK), ("post", BULK), ("post", "{id}etat/")])
def test_visitors_are_asked_to_sign_in(client, method, path):
    application = submitted()
    path = path.format(id=detail(application))

    response = getattr(client, method)(path)

    assert response.status_code == 302
    assert response["Location"] == f"/connexion/?next={quote(path, safe='/')}"
    assert status_of(application) == S.SUBMITTED


@pytest.mark.parametrize(("method", "path"), [("get", BULK), ("post", BULK), ("post", "{id}etat/")])
def test_candidates_get_a_404(client, alice, method, path):
    application = submitted(candidate=alice)
    client.force_login(alice)
    data = {"candidatures": [application.public_id], "vers": S.ELIGIBLE}

    response = getattr(client, method)(path.format(id=detail(application)), data)

    assert response.status_code == 404
    assert status_of(application) == S.SUBMITTED


def test_the_team_is_let_in(team_client):
    application = submitted()
    data = {"candidatures": [application.public_id], "vers": S.ELIGIBLE}

    assert team_client.get(BULK, data).status_code == 200
    moved = team_client.post(move(application), {"vers": S.ELIGIBLE})
    assert moved["Location"] == detail(application)
    assert status_of(application) == S.ELIGIBLE


def test_moving_is_a_post(team_client):
    assert team_client.get(move(submitted())).status_code == 405
