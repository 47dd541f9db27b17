"""Who may use each audition page: every view, every kind of visitor."""

from urllib.parse import quote

import pytest

from eig.auditions.models import InterviewSlot
from tests.factories import CandidateFactory, InterviewFactory, InterviewSlotFactory

TEAM_PAGES = [
    ("get", "/equipe/auditions/"),
    ("get", "/equipe/auditions/creneaux/nouveaux/"),
    ("post", "/equipe/auditions/creneaux/{free_slot}/supprimer/"),
]
GRID = ("get", "/equipe/auditions/{interview}/grille/")
MY_SLOTS = ("get", "/equipe/auditions/jury/")
CANDIDATE_PAGES = [
    ("get", "/mon-espace/audition/{application}/"),
    ("get", "/mon-espace/audition/{application}/audition.ics"),
]
EVERY_PAGE = [*TEAM_PAGES, GRID, MY_SLOTS, *CANDIDATE_PAGES]


@pytest.fixture
def interview(invited, slot):
    """Alice's audition, before Dan's panel."""
    return InterviewFactory(application=invited, slot=slot)


@pytest.fixture
def ids(interview, cohort):
    return {
        "interview": interview.public_id,
        "application": interview.application.public_id,
        "free_slot": InterviewSlotFactory(cohort=cohort).pk,
    }


def visit(client, page, ids):
    method, path = page
    return getattr(client, method)(path.format(**ids))


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_visitors_are_asked_to_sign_in(client, ids, page):
    path = page[1].format(**ids)

    response = visit(client, page, ids)

    assert response.status_code == 302
    assert response["Location"] == f"/connexion/?next={quote(path, safe='/')}"


@pytest.mark.parametrize("page", [*TEAM_PAGES, GRID, MY_SLOTS])
def test_the_candidate_gets_a_404_on_team_pages_even_for_their_own_audition(
    client, alice, ids, page
):
    client.force_login(alice)

    assert visit(client, page, ids).status_code == 404


@pytest.mark.parametrize("page", TEAM_PAGES)
def test_a_panel_member_gets_a_404_on_team_pages(client, dan, ids, page):
    client.force_login(dan)

    assert visit(client, page, ids).status_code == 404


@pytest.mark.parametrize("page", [page for page in [*TEAM_PAGES, GRID] if page[0] == "get"])
def test_the_programme_team_opens_the_team_pages(client, carol, ids, page):
    client.force_login(carol)

    assert visit(client, page, ids).status_code == 200


def test_the_programme_team_deletes_a_free_slot(client, carol, ids):
    client.force_login(carol)

    response = visit(client, ("post", "/equipe/auditions/creneaux/{free_slot}/supprimer/"), ids)

    assert response["Location"] == "/equipe/auditions/"
    assert not InterviewSlot.objects.filter(pk=ids["free_slot"]).exists()


def test_a_panel_member_opens_the_grid_of_their_auditions(client, dan, ids):
    client.force_login(dan)

    assert visit(client, GRID, ids).status_code == 200


def test_a_panel_member_lists_their_slots_with_a_link_to_each_grid(client, dan, ids, cohort):
    elsewhere = InterviewFactory(slot__cohort=cohort)
    client.force_login(dan)

    page = visit(client, MY_SLOTS, ids).content.decode()

    assert f"/equipe/auditions/{ids['interview']}/grille/" in page
    assert str(elsewhere.public_id) not in page


def test_the_panel_list_is_a_404_for_anyone_on_no_panel(client, carol, ids):
    client.force_login(carol)

    assert visit(client, MY_SLOTS, ids).status_code == 404


def test_a_panel_member_gets_a_404_on_another_panels_audition(client, dan, cohort):
    other = InterviewFactory(slot__cohort=cohort, slot__panel=[CandidateFactory()])
    client.force_login(dan)

    assert client.get(f"/equipe/auditions/{other.public_id}/grille/").status_code == 404


@pytest.mark.parametrize("page", CANDIDATE_PAGES)
def test_the_candidate_opens_their_audition_pages(client, alice, ids, page):
    client.force_login(alice)

    assert visit(client, page, ids).status_code == 200


@pytest.mark.parametrize("page", CANDIDATE_PAGES)
@pytest.mark.parametrize("who", ["erin", "carol", "dan"])
def test_anyone_else_gets_a_404_on_a_candidates_audition(client, request, ids, page, who):
    client.force_login(request.getfixturevalue(who))

    assert visit(client, page, ids).status_code == 404


def test_the_ics_is_a_404_before_any_booking(client, alice, invited):
    client.force_login(alice)

    assert client.get(f"/mon-espace/audition/{invited.public_id}/audition.ics").status_code == 404


def test_a_panel_member_in_conflict_neither_grades_nor_sees_the_candidate(client, interview, dan):
    from eig.audit.models import Action, AuditEntry
    from eig.selection.models import Conflict
    from tests.factories import ReviewerFactory

    reviewer = ReviewerFactory(cohort=interview.application.cohort, user=dan)
    Conflict.objects.create(
        reviewer=reviewer, application=interview.application, kind="declared", reason="Voisine"
    )
    client.force_login(dan)

    grid = client.get(f"/equipe/auditions/{interview.public_id}/grille/")
    slots = client.get("/equipe/auditions/jury/")

    assert grid.status_code == 404
    refused = AuditEntry.objects.get(action=Action.APPLICATION_ACCESS_DENIED, actor=dan)
    assert refused.target_id == str(interview.application.public_id)
    assert slots.status_code == 200
    assert "Conflit d’intérêts avec la personne auditionnée" in slots.text
    assert interview.application.last_name not in slots.text


def test_a_consented_conflict_no_longer_keeps_the_member_out(client, interview, dan):
    from eig.selection.models import Conflict
    from tests.factories import ReviewerFactory

    reviewer = ReviewerFactory(cohort=interview.application.cohort, user=dan)
    Conflict.objects.create(
        reviewer=reviewer,
        application=interview.application,
        kind="detected",
        reason="Même administration",
        consented_by_team=True,
    )
    client.force_login(dan)

    assert client.get(f"/equipe/auditions/{interview.public_id}/grille/").status_code == 200
