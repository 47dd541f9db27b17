"""The mentor rule: a mentor reads the applications that chose their défi, once opened to them."""

import pytest

from eig.applications.models import Application
from eig.audit.models import AuditEntry
from eig.selection.access import applications_visible_to
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CandidateFactory,
    ChallengeChoiceFactory,
    ChallengeFactory,
    MentorFactory,
    OpenCallCohortFactory,
)

Status = Application.Status


@pytest.fixture
def cohort(db):
    return OpenCallCohortFactory(mentors_see_from_stage="shortlisted")


def application_choosing(challenge, status, name="Alice"):
    application = ApplicationFactory(
        cohort=challenge.cohort,
        candidate=CandidateFactory(username=f"{name.lower()}@example.fr"),
        submitted=True,
        first_name=name,
    )
    ChallengeChoiceFactory(application=application, challenge=challenge, rank=3)
    Application.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()
    return application


def visible(user):
    return set(applications_visible_to(user))


def test_mentor_sees_applications_of_their_defi_from_the_opened_stage(challenge, mentor):
    shortlisted = application_choosing(challenge, Status.SHORTLISTED, "Alice")
    invited = application_choosing(challenge, Status.INVITED, "Bruno")
    selected = application_choosing(challenge, Status.SELECTED, "Chloe")
    assert visible(mentor.user) == {shortlisted, invited, selected}


def test_mentor_sees_nothing_before_the_opened_stage(challenge, mentor):
    for status, name in [(Status.SUBMITTED, "Alice"), (Status.ELIGIBLE, "Bruno")]:
        application_choosing(challenge, status, name)
    assert visible(mentor.user) == set()


def test_mentor_never_sees_drafts_withdrawn_or_rejected(challenge, mentor):
    for status, name in [
        (Status.DRAFT, "Alice"),
        (Status.WITHDRAWN, "Bruno"),
        (Status.REJECTED, "Chloe"),
        (Status.INELIGIBLE, "Denis"),
    ]:
        application_choosing(challenge, status, name)
    assert visible(mentor.user) == set()


def test_mentor_sees_nothing_while_the_cohort_has_not_opened_them(cohort, challenge, mentor):
    application_choosing(challenge, Status.SELECTED)
    cohort.mentors_see_from_stage = ""
    cohort.save()
    assert visible(mentor.user) == set()


def test_mentor_does_not_see_other_defis(cohort, challenge, mentor):
    other = application_choosing(ChallengeFactory(cohort=cohort), Status.INVITED)
    assert other not in visible(mentor.user)


def test_mentor_without_account_gives_access_to_nobody(challenge):
    MentorFactory(challenge=challenge, user=None)
    application_choosing(challenge, Status.INVITED)
    assert visible(CandidateFactory(username="quelqu.un@example.fr")) == set()


def test_mentor_area_lists_applications_grouped_by_defi(client, challenge, mentor):
    shown = application_choosing(challenge, Status.INVITED, "Alice")
    hidden = application_choosing(challenge, Status.ELIGIBLE, "Bruno")
    client.force_login(mentor.user)
    response = client.get("/mentor/")
    assert response.status_code == 200
    page = response.content.decode()
    assert challenge.name in page
    assert str(shown.public_id) in page
    assert str(hidden.public_id) not in page


def test_mentor_reads_an_application_and_its_cv_and_the_view_is_recorded(client, challenge, mentor):
    application = application_choosing(challenge, Status.INVITED)
    client.force_login(mentor.user)
    response = client.get(f"/mentor/candidatures/{application.public_id}/")
    assert response.status_code == 200
    assert "Évaluer cette candidature" not in response.content.decode()
    assert AuditEntry.objects.filter(action="application.viewed", actor=mentor.user).exists()
    cv = client.get(f"/mentor/candidatures/{application.public_id}/cv/")
    assert cv.status_code == 200


@pytest.mark.parametrize("status", [Status.ELIGIBLE, Status.DRAFT, Status.WITHDRAWN])
def test_mentor_reaching_an_application_they_may_not_see_gets_a_404_recorded(
    client, challenge, mentor, status
):
    application = application_choosing(challenge, status)
    client.force_login(mentor.user)
    response = client.get(f"/mentor/candidatures/{application.public_id}/")
    assert response.status_code == 404
    assert AuditEntry.objects.filter(action="application.access_denied", actor=mentor.user).exists()
    cv = client.get(f"/mentor/candidatures/{application.public_id}/cv/")
    assert cv.status_code == 404


def test_mentor_reaching_another_defis_application_gets_a_404_recorded(client, cohort, mentor):
    application = application_choosing(ChallengeFactory(cohort=cohort), Status.SELECTED)
    client.force_login(mentor.user)
    response = client.get(f"/mentor/candidatures/{application.public_id}/")
    assert response.status_code == 404
    entry = AuditEntry.objects.get(action="application.access_denied", actor=mentor.user)
    assert entry.data["public_id"] == str(application.public_id)


@pytest.mark.parametrize("page", ["/mentor/", "/mentor/candidatures/{public_id}/"])
def test_visitors_are_asked_to_sign_in(client, challenge, page):
    application = application_choosing(challenge, Status.INVITED)
    response = client.get(page.format(public_id=application.public_id))
    assert response.status_code == 302
    assert response.url.startswith("/connexion/")


@pytest.mark.parametrize("page", ["/mentor/", "/mentor/candidatures/{public_id}/"])
def test_candidates_get_a_404_in_the_mentor_area(client, challenge, page):
    application = application_choosing(challenge, Status.INVITED)
    client.force_login(application.candidate)
    response = client.get(page.format(public_id=application.public_id))
    assert response.status_code == 404


def test_existing_roles_are_unaffected(cohort, challenge, mentor, bob, carol):
    application = application_choosing(challenge, Status.INVITED, "Alice")
    other = application_choosing(ChallengeFactory(cohort=cohort), Status.INVITED, "Bruno")
    assert {application, other} <= visible(carol)
    assert visible(application.candidate) == {application}
    AssignmentFactory(reviewer=bob, application=other, released=True)
    assert visible(bob.user) == {other}
    assert mentor.user not in {application.candidate, bob.user}
