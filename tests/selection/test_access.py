import pytest
from django.utils import timezone

from eig.audit.models import AuditEntry
from eig.selection.access import applications_visible_to
from eig.selection.models import Conflict
from tests.factories import ApplicationFactory, AssignmentFactory, CandidateFactory

TEAM_PAGES = ["jury/", "affectation/"]
JURY_PAGES = ["/jury/", "/jury/{number}/expertise/", "/jury/{number}/conflits/"]


@pytest.fixture
def released(bob, alice_application):
    return AssignmentFactory(reviewer=bob, application=alice_application, released=True)


@pytest.mark.parametrize("page", TEAM_PAGES)
def test_team_pages_ask_visitors_to_sign_in(client, cohort, page):
    response = client.get(f"/equipe/selection/{cohort.number}/{page}")
    assert response.status_code == 302
    assert response.url.startswith("/connexion/")


@pytest.mark.parametrize("page", TEAM_PAGES)
def test_team_pages_are_hidden_from_candidates_and_reviewers(
    client, cohort, alice_application, bob, page
):
    for user in (alice_application.candidate, bob.user):
        client.force_login(user)
        assert client.get(f"/equipe/selection/{cohort.number}/{page}").status_code == 404


@pytest.mark.parametrize("page", TEAM_PAGES)
def test_team_pages_open_to_the_team(client, cohort, carol, page):
    client.force_login(carol)
    assert client.get(f"/equipe/selection/{cohort.number}/{page}").status_code == 200


@pytest.mark.parametrize("action", ["affectation/ajouter/", "affectation/publier/"])
def test_team_actions_are_refused_to_reviewers(client, cohort, bob, action):
    client.force_login(bob.user)
    assert client.post(f"/equipe/selection/{cohort.number}/{action}").status_code == 404


@pytest.mark.parametrize("page", JURY_PAGES)
def test_jury_pages_ask_visitors_to_sign_in(client, cohort, page):
    response = client.get(page.format(number=cohort.number))
    assert response.status_code == 302
    assert response.url.startswith("/connexion/")


@pytest.mark.parametrize("page", JURY_PAGES)
def test_jury_pages_are_hidden_from_candidates(client, cohort, alice_application, page):
    client.force_login(alice_application.candidate)
    assert client.get(page.format(number=cohort.number)).status_code == 404


@pytest.mark.parametrize("page", JURY_PAGES)
def test_jury_pages_open_to_reviewers(client, cohort, bob, page):
    client.force_login(bob.user)
    assert client.get(page.format(number=cohort.number)).status_code == 200


def test_the_reviewer_reads_an_application_released_to_them(client, released):
    client.force_login(released.reviewer.user)

    response = client.get(f"/jury/candidatures/{released.application.public_id}/")

    assert response.status_code == 200
    assert "Le logiciel libre" in response.text
    assert AuditEntry.objects.filter(action="application.viewed", actor=released.reviewer.user)


def test_the_reviewer_downloads_its_cv(client, released):
    client.force_login(released.reviewer.user)

    response = client.get(f"/jury/candidatures/{released.application.public_id}/cv/")

    assert response.status_code == 200
    assert AuditEntry.objects.filter(action="application.cv_downloaded")
    # The candidate's own address is theirs alone.
    own = f"/mon-espace/candidatures/{released.application.public_id}/cv/"
    assert client.get(own).status_code == 404


def test_a_missing_cv_file_is_a_404_not_a_500(client, released):
    released.application.cv.storage.delete(released.application.cv.name)
    client.force_login(released.reviewer.user)

    response = client.get(f"/jury/candidatures/{released.application.public_id}/cv/")

    assert response.status_code == 404


def test_another_application_is_a_recorded_404(client, released):
    other = ApplicationFactory(cohort=released.application.cohort, submitted=True)
    client.force_login(released.reviewer.user)

    response = client.get(f"/jury/candidatures/{other.public_id}/")

    assert response.status_code == 404
    entry = AuditEntry.objects.get(action="application.access_denied")
    assert entry.actor == released.reviewer.user
    assert entry.target_id == str(other.public_id)
    assert client.get(f"/jury/candidatures/{other.public_id}/cv/").status_code == 404


def test_a_conflict_hides_even_an_assigned_application(client, released):
    Conflict.objects.create(
        reviewer=released.reviewer,
        application=released.application,
        kind="declared",
        reason="Proche",
    )
    client.force_login(released.reviewer.user)

    assert client.get(f"/jury/candidatures/{released.application.public_id}/").status_code == 404
    assert released.application.full_name not in client.get("/jury/").text


def test_a_consented_host_conflict_lets_the_reviewer_read(released):
    Conflict.objects.create(
        reviewer=released.reviewer,
        application=released.application,
        kind="detected",
        reason="Administration d'accueil",
        consented_by_team=True,
    )
    assert released.application in applications_visible_to(released.reviewer.user)


def test_a_proposed_assignment_stays_hidden(bob, alice_application):
    AssignmentFactory(reviewer=bob, application=alice_application)
    assert not applications_visible_to(bob.user).exists()


def test_the_candidate_cannot_use_the_jury_page_for_their_own(client, alice_application):
    client.force_login(alice_application.candidate)
    assert client.get(f"/jury/candidatures/{alice_application.public_id}/").status_code == 404


def test_the_team_reads_any_application_in_the_jury_area(client, carol, alice_application):
    client.force_login(carol)
    assert client.get(f"/jury/candidatures/{alice_application.public_id}/").status_code == 200


def test_visibility_per_role(released, carol):
    application = released.application
    assert application in applications_visible_to(carol)
    assert application in applications_visible_to(application.candidate)
    assert application in applications_visible_to(released.reviewer.user)
    assert application not in applications_visible_to(CandidateFactory())


def test_a_started_assignment_is_still_hidden_by_a_conflict(released):
    released.started_at = timezone.now()
    released.save()
    Conflict.objects.create(
        reviewer=released.reviewer, application=released.application, kind="detected", reason="x"
    )
    assert not applications_visible_to(released.reviewer.user).exists()


def test_the_jury_home_needs_few_queries_however_many_assignments(
    client, bob, django_assert_max_num_queries
):
    # Session and user, one question per role for the header, then the dashboard's own reads.
    client.force_login(bob.user)
    for batch in (1, 20):
        AssignmentFactory.create_batch(batch, reviewer=bob, released=True)
        with django_assert_max_num_queries(20):
            client.get("/jury/")
