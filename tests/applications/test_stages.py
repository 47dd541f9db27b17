"""The selection stages: the state machine, the moves, their history and what candidates see."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from eig.applications import services
from eig.applications.candidate_status import candidate_status_label
from eig.applications.models import Application, StageTransition
from eig.audit.models import AuditEntry
from tests.factories import ApplicationFactory, CohortFactory

S = Application.Status
ALLOWED = {
    (S.SUBMITTED, S.ELIGIBLE),
    (S.SUBMITTED, S.INELIGIBLE),
    (S.INELIGIBLE, S.ELIGIBLE),
    (S.ELIGIBLE, S.SHORTLISTED),
    (S.ELIGIBLE, S.REJECTED),
    (S.SHORTLISTED, S.INVITED),
    (S.SHORTLISTED, S.REJECTED),
    (S.INVITED, S.INTERVIEWED),
    (S.INVITED, S.REJECTED),
    (S.INTERVIEWED, S.SELECTED),
    (S.INTERVIEWED, S.WAITLISTED),
    (S.INTERVIEWED, S.REJECTED),
    (S.WAITLISTED, S.SELECTED),
    (S.WAITLISTED, S.REJECTED),
}
REFUSED = [
    (current, target)
    for current in S
    for target in Application.TEAM_STAGES
    if (current, target) not in ALLOWED
]
MOMENT = datetime.datetime(2017, 11, 3, 9, 0, tzinfo=datetime.UTC)


def at_stage(status, **fields):
    """An application at `status`, without the answers (the stages do not look at them)."""
    if status != S.DRAFT:
        fields.setdefault("submitted_at", MOMENT)
    return ApplicationFactory(status=status, **fields)


def test_the_team_stages_follow_the_process():
    assert [str(status) for status in Application.TEAM_STAGES] == [
        "eligible",
        "ineligible",
        "shortlisted",
        "invited",
        "interviewed",
        "selected",
        "waitlisted",
        "rejected",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED))
def test_every_allowed_move_is_made_and_recorded(carol, current, target):
    application = at_stage(current)

    services.move_application(
        application=application, to=target, by=carol, reason="Motif de test", now=MOMENT
    )

    application.refresh_from_db()
    assert application.status == target
    [transition] = StageTransition.objects.filter(application=application)
    assert (transition.from_status, transition.to_status) == (current, target)
    assert (transition.by, transition.at, transition.reason) == (carol, MOMENT, "Motif de test")
    entry = AuditEntry.objects.get(action="application.moved")
    assert entry.actor == carol
    assert entry.target_id == str(application.public_id)
    assert entry.data == {"from": current, "to": target, "reason": "Motif de test"}


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "target"), REFUSED)
def test_a_move_the_state_machine_does_not_allow_changes_nothing(carol, current, target):
    application = at_stage(current)

    with pytest.raises(services.ApplicationRefused) as refused:
        services.move_application(application=application, to=target, by=carol, reason="x")

    assert application.get_status_display() in refused.value.message
    application.refresh_from_db()
    assert application.status == current
    assert not StageTransition.objects.filter(application=application).exists()
    assert not AuditEntry.objects.filter(action="application.moved").exists()


@pytest.mark.django_db
def test_the_refusal_names_both_stages(carol):
    application = at_stage(S.SUBMITTED)

    with pytest.raises(services.ApplicationRefused) as refused:
        services.move_application(application=application, to=S.SELECTED, by=carol)

    assert refused.value.message == (
        "Une candidature à l’état « déposée » ne peut pas passer à « retenue »."
    )


@pytest.mark.django_db
def test_moving_to_the_current_stage_says_so(carol):
    application = at_stage(S.ELIGIBLE)

    with pytest.raises(services.ApplicationRefused) as refused:
        services.move_application(application=application, to=S.ELIGIBLE, by=carol)

    assert refused.value.message == "La candidature est déjà à l’état « recevable »."


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["", "   "])
def test_ineligible_needs_a_reason(carol, reason):
    application = at_stage(S.SUBMITTED)

    with pytest.raises(services.ApplicationRefused) as refused:
        services.move_application(application=application, to=S.INELIGIBLE, by=carol, reason=reason)

    assert refused.value.message == (
        "Indiquez le motif : il est obligatoire pour passer à « irrecevable »."
    )
    application.refresh_from_db()
    assert application.status == S.SUBMITTED
    assert not StageTransition.objects.exists()


@pytest.mark.django_db
def test_only_the_programme_team_moves_applications(alice):
    application = at_stage(S.SUBMITTED, candidate=alice)

    with pytest.raises(services.ApplicationRefused):
        services.move_application(application=application, to=S.ELIGIBLE, by=alice)

    application.refresh_from_db()
    assert application.status == S.SUBMITTED


@pytest.mark.django_db
def test_the_team_does_not_submit_or_withdraw_for_the_candidate(carol):
    application = at_stage(S.ELIGIBLE, cohort=CohortFactory())  # no call open

    with pytest.raises(services.ApplicationRefused):
        services.move_application(application=application, to=S.WITHDRAWN, by=carol)

    assert application.next_stages() == [S.SHORTLISTED, S.REJECTED]


@pytest.mark.django_db
def test_a_bulk_move_moves_the_allowed_and_lists_the_others_with_why(carol):
    cohort = CohortFactory()  # no call open
    first, second = at_stage(S.SUBMITTED, cohort=cohort), at_stage(S.SUBMITTED, cohort=cohort)
    already, too_far = at_stage(S.ELIGIBLE, cohort=cohort), at_stage(S.SELECTED, cohort=cohort)

    result = services.move_applications(
        applications=[first, second, already, too_far], to=S.ELIGIBLE, by=carol
    )

    assert {application.pk for application in result.moved} == {first.pk, second.pk}
    assert {application.pk: message for application, message in result.refused} == {
        already.pk: "La candidature est déjà à l’état « recevable ».",
        too_far.pk: "Une candidature à l’état « retenue » ne peut pas passer à « recevable ».",
    }
    assert set(Application.objects.filter(status=S.ELIGIBLE).values_list("pk", flat=True)) >= {
        first.pk,
        second.pk,
        already.pk,
    }
    assert StageTransition.objects.filter(to_status=S.ELIGIBLE).count() == 2
    assert AuditEntry.objects.filter(action="application.moved").count() == 2


@pytest.mark.django_db
def test_a_bulk_move_to_ineligible_without_reason_moves_none(carol):
    applications = [at_stage(S.SUBMITTED), at_stage(S.SUBMITTED)]

    with pytest.raises(services.ApplicationRefused):
        services.move_applications(applications=applications, to=S.INELIGIBLE, by=carol)

    assert not StageTransition.objects.exists()


@pytest.mark.django_db
def test_submitting_and_withdrawing_are_in_the_history(alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, complete=True)

    services.submit_application(application=application, by=alice)
    services.withdraw_application(application=application, by=alice)

    moves = list(
        StageTransition.objects.filter(application=application).values_list(
            "from_status", "to_status", "by"
        )
    )
    assert moves == [(S.DRAFT, S.SUBMITTED, alice.pk), (S.SUBMITTED, S.WITHDRAWN, alice.pk)]


@pytest.mark.django_db
@pytest.mark.parametrize("status", [S.SUBMITTED, S.ELIGIBLE, S.SHORTLISTED, S.INVITED])
def test_the_candidate_may_withdraw_until_invited_to_an_audition(alice, status):
    application = at_stage(status, candidate=alice)

    services.withdraw_application(application=application, by=alice)

    application.refresh_from_db()
    assert application.status == S.WITHDRAWN


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status", [S.INELIGIBLE, S.INTERVIEWED, S.SELECTED, S.WAITLISTED, S.REJECTED]
)
def test_the_candidate_may_not_withdraw_once_auditioned_or_decided(alice, status):
    application = at_stage(status, candidate=alice)

    with pytest.raises(services.ApplicationRefused) as refused:
        services.withdraw_application(application=application, by=alice)

    assert refused.value.message == services.WITHDRAWAL_REFUSED
    application.refresh_from_db()
    assert application.status == status


@pytest.mark.django_db
def test_submitting_again_once_the_call_closed_is_refused_and_changes_nothing(alice):
    now = timezone.now()
    cohort = CohortFactory(
        application_call_opens_at=now - datetime.timedelta(days=30),
        application_call_closes_at=now - datetime.timedelta(days=1),
    )
    application = at_stage(S.SHORTLISTED, candidate=alice, cohort=cohort)

    with pytest.raises(services.ApplicationRefused) as refused:
        services.submit_application(application=application, by=alice)

    assert "est clos depuis" in refused.value.message
    application.refresh_from_db()
    assert application.status == S.SHORTLISTED
    assert not StageTransition.objects.exists()
    assert not application.submissions.exists()


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (S.DRAFT, "brouillon"),
        (S.SUBMITTED, "déposée"),
        (S.ELIGIBLE, "en cours d’examen"),
        (S.INELIGIBLE, "en cours d’examen"),
        (S.SHORTLISTED, "en cours d’examen"),
        (S.INVITED, "admissible — invitée à une audition"),
        (S.INTERVIEWED, "en cours d’examen"),
        (S.SELECTED, "en cours d’examen"),
        (S.WAITLISTED, "en cours d’examen"),
        (S.REJECTED, "en cours d’examen"),
        (S.WITHDRAWN, "retirée"),
    ],
)
def test_candidates_are_told_no_more_than_the_team_publishes(status, label):
    assert candidate_status_label(Application(status=status)) == label


@pytest.mark.django_db
def test_the_candidate_space_and_data_export_hide_internal_stages(alice_client, alice):
    at_stage(S.REJECTED, candidate=alice)

    page = alice_client.get("/mon-espace/").content.decode()
    exported = alice_client.get("/mon-espace/mes-donnees/").json()["applications"][0]

    assert "en cours d’examen" in page
    assert "non retenue" not in page
    assert exported["status_label"] == "en cours d’examen"
    assert "rejected" not in str(exported)


@pytest.mark.django_db
def test_the_migration_turns_under_review_into_submitted():
    migration = importlib.import_module("eig.applications.migrations.0002_stages")
    under_review, draft = at_stage(S.SUBMITTED), at_stage(S.DRAFT)
    Application.objects.filter(pk=under_review.pk).update(status="under_review")

    migration.under_review_becomes_submitted(apps, None)

    under_review.refresh_from_db()
    draft.refresh_from_db()
    assert (under_review.status, draft.status) == (S.SUBMITTED, S.DRAFT)
