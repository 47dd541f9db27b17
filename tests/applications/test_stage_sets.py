"""The named sets of stages on `Application` and the QuerySet methods every app asks."""

import datetime

import pytest
from django.utils import timezone

from eig.applications.models import Application
from eig.cohorts.models import MENTOR_STAGES
from tests.applications.test_stages import at_stage
from tests.factories import CohortFactory, OpenCallCohortFactory

S = Application.Status
EVERY_STAGE_ALONG = {S.ELIGIBLE, S.SHORTLISTED, S.INVITED, S.INTERVIEWED, S.WAITLISTED, S.SELECTED}


def one_per_stage(cohort):
    return {status: at_stage(status, cohort=cohort) for status in S}


@pytest.mark.django_db
def test_the_jury_assesses_every_submitted_application_but_ineligible_and_withdrawn_ones():
    cohort = OpenCallCohortFactory()
    applications = one_per_stage(cohort)

    assessed = set(Application.objects.assessable())

    assert assessed == {
        applications[status] for status in S if status not in {S.DRAFT, S.INELIGIBLE, S.WITHDRAWN}
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("opened_from", "seen"),
    [
        ("eligible", EVERY_STAGE_ALONG),
        ("shortlisted", EVERY_STAGE_ALONG - {S.ELIGIBLE}),
        ("invited", {S.INVITED, S.INTERVIEWED, S.WAITLISTED, S.SELECTED}),
        ("interviewed", {S.INTERVIEWED, S.WAITLISTED, S.SELECTED}),
        ("selected", {S.SELECTED}),
        ("", set()),
    ],
)
def test_mentors_see_the_applications_from_the_stage_their_cohort_opened(opened_from, seen):
    cohort = OpenCallCohortFactory(mentors_see_from_stage=opened_from)
    one_per_stage(cohort)

    visible = Application.objects.visible_to_mentors()

    assert {application.status for application in visible} == seen


@pytest.mark.django_db
def test_each_cohort_opens_its_own_applications_to_mentors():
    early = OpenCallCohortFactory(mentors_see_from_stage="eligible")
    late = OpenCallCohortFactory(mentors_see_from_stage="interviewed")
    shortlisted_early = at_stage(S.SHORTLISTED, cohort=early)
    at_stage(S.SHORTLISTED, cohort=late)
    interviewed_late = at_stage(S.INTERVIEWED, cohort=late)

    visible = set(Application.objects.visible_to_mentors())

    assert visible == {shortlisted_early, interviewed_late}


def test_the_stages_a_cohort_may_open_to_mentors_are_stages_of_the_process_in_its_order():
    codes = [code for code, _label in MENTOR_STAGES]

    assert set(codes) <= set(Application.PROGRESS)
    assert codes == sorted(codes, key=Application.PROGRESS.index)
    assert [str(label) for _code, label in MENTOR_STAGES] == [str(S(code).label) for code in codes]


@pytest.mark.django_db
def test_teams_are_formed_from_the_retained_and_on_request_those_awaiting_the_decision():
    cohort = OpenCallCohortFactory()
    applications = one_per_stage(cohort)

    assert set(Application.objects.retained()) == {applications[S.SELECTED]}
    assert set(Application.objects.retained(or_pending=True)) == {
        applications[S.SELECTED],
        applications[S.INTERVIEWED],
        applications[S.WAITLISTED],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("status", list(S))
def test_until_the_call_closes_the_candidate_may_change_it_whatever_its_stage_unless_withdrawn(
    status,
):
    application = at_stage(status, cohort=OpenCallCohortFactory())

    assert application.is_editable() is (status != S.WITHDRAWN)
    assert (application.why_read_only() is None) is application.is_editable()


@pytest.mark.django_db
@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.INELIGIBLE])
def test_nothing_is_editable_once_the_call_closed(status):
    now = timezone.now()
    cohort = CohortFactory(
        application_call_opens_at=now - datetime.timedelta(days=30),
        application_call_closes_at=now - datetime.timedelta(days=1),
    )
    application = at_stage(status, cohort=cohort)

    assert not application.is_editable()
    assert "est clos depuis" in application.why_read_only()
    assert application.is_editable(now=now - datetime.timedelta(days=2))


@pytest.mark.django_db
def test_a_withdrawn_application_says_it_was_withdrawn():
    application = at_stage(S.WITHDRAWN, cohort=OpenCallCohortFactory())

    assert application.why_read_only() == (
        "Vous avez retiré cette candidature : elle ne peut plus être modifiée."
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "button"),
    [
        (S.DRAFT, "Reprendre ma candidature"),
        (S.SUBMITTED, "Modifier ma candidature"),
        (S.INELIGIBLE, "Modifier ma candidature"),
        (S.WITHDRAWN, "Voir ma candidature"),
    ],
)
def test_the_start_page_offers_changes_only_while_the_application_is_editable(
    client, status, button
):
    application = at_stage(status, cohort=OpenCallCohortFactory())
    client.force_login(application.candidate)

    page = client.get("/candidater/").content.decode()

    assert button in page
