"""Retention: drafts deleted, applications not retained anonymised, the pool kept two years at
most, candidates told before, the journal forgetting names; idempotent, by command or worker."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError

from eig.applications.models import Application, RetentionRun, StageTransition, Submission
from eig.applications.retention import apply_retention, plan_retention, schedule_retention
from eig.applications.storage import private_storage
from eig.applications.tasks import apply_retention_task
from eig.audit.models import Action, AuditEntry
from eig.audit.services import record
from eig.auditions.models import InterviewScore
from eig.backoffice import stats
from eig.decisions.models import DecisionNotice
from eig.selection.models import Conflict, Review, ReviewScore
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CandidateFactory,
    CohortFactory,
    InterviewFactory,
    InterviewSlotFactory,
    ReviewerFactory,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def at(year, month, day, hour=0):
    return datetime.datetime(year, month, day, hour, tzinfo=PARIS)


# The call closes on 27 October 2017 at 17:00 and the programme starts on 15 January 2018: a
# draft goes 30 days after the close (26 November, 17:00, in winter time as the close was in
# summer time), an application not retained 180 days after the start (14 July 2018), one in the
# pool 730 days after it (15 January 2020).
DRAFT_DUE = at(2017, 11, 26, 17)
REJECTED_DUE = at(2018, 7, 14)
POOL_DUE = at(2020, 1, 15)


@pytest.fixture
def cohort(db, settings):
    settings.RETENTION_NOTICE_DAYS = 30
    settings.RETENTION_JOURNAL_DAYS = 365
    return CohortFactory(
        number=12,
        year=2018,
        application_call_opens_at=at(2017, 9, 27),
        application_call_closes_at=at(2017, 10, 27, 17),
        starts_on=datetime.date(2018, 1, 15),
        draft_retention_days=30,
        rejected_retention_days=180,
        pool_retention_days=730,
    )


def decided(cohort, status, email, **fields):
    """A complete application of `cohort` at `status`, by a candidate of that address."""
    application = ApplicationFactory(
        cohort=cohort,
        candidate=CandidateFactory(username=email, first_name="Prénom", last_name="Nom"),
        submitted=True,
        submitted_at=at(2017, 10, 20),
        status=status,
        **fields,
    )
    application.experiences.create(
        position=1, title="Développeuse", organisation="Mairie de Lyon", description="Des API."
    )
    StageTransition.objects.create(
        application=application,
        from_status="submitted",
        to_status=status,
        at=at(2017, 12, 12),
        reason="Motif rédigé par l'équipe, qui nomme Alice Martin.",
    )
    return application


def draft(cohort, email):
    return ApplicationFactory(
        cohort=cohort, candidate=CandidateFactory(username=email), complete=True
    )


def test_the_plan_says_what_is_due_at_a_date_and_changes_nothing(cohort):
    a_draft = draft(cohort, "brouillon@exemple.fr")
    rejected = decided(cohort, "rejected", "non-retenue@exemple.fr")
    pooled = decided(cohort, "rejected", "vivier@exemple.fr", pool_consent=True)
    decided(cohort, "selected", "retenue@exemple.fr")

    def due(moment):
        return {(due.application_id, due.kind) for due in plan_retention(now=moment).erase}

    assert due(DRAFT_DUE - datetime.timedelta(minutes=1)) == set()
    assert due(DRAFT_DUE) == {(a_draft.pk, "deleted")}
    assert due(REJECTED_DUE) == {(a_draft.pk, "deleted"), (rejected.pk, "anonymised")}
    assert due(POOL_DUE) == {
        (a_draft.pk, "deleted"),
        (rejected.pk, "anonymised"),
        (pooled.pk, "anonymised"),
    }
    assert Application.objects.count() == 4
    assert not Application.objects.filter(anonymised_at__isnull=False).exists()


def test_a_draft_is_deleted_with_its_cv_once_its_period_is_over(
    cohort, django_capture_on_commit_callbacks
):
    a_draft = draft(cohort, "brouillon@exemple.fr")
    cv_name = a_draft.cv.name
    assert private_storage.exists(cv_name)

    apply_retention(now=DRAFT_DUE - datetime.timedelta(days=1))
    assert Application.objects.filter(pk=a_draft.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        report = apply_retention(now=DRAFT_DUE)

    assert not Application.objects.filter(pk=a_draft.pk).exists()
    assert not private_storage.exists(cv_name)
    assert report.per_cohort["Promotion 12"]["deleted"] == 1


def test_applications_not_retained_are_anonymised_and_the_retained_ones_untouched(
    cohort, django_capture_on_commit_callbacks
):
    not_retained = [
        decided(cohort, status, f"{status}@exemple.fr", preferred_teammate="Bob Durand")
        for status in ("rejected", "ineligible", "withdrawn", "waitlisted", "shortlisted")
    ]
    retained = decided(cohort, "selected", "retenue@exemple.fr")
    retained.refresh_from_db()
    before = serializers.serialize("json", [retained, *retained.choices.all()])
    cv_names = [application.cv.name for application in not_retained]

    with django_capture_on_commit_callbacks(execute=True):
        report = apply_retention(now=REJECTED_DUE)

    assert report.per_cohort["Promotion 12"]["anonymised"] == 5
    for application in not_retained:
        application.refresh_from_db()
        assert application.anonymised_at is not None
        assert application.first_name == application.last_name == application.email == ""
        assert application.phone == application.city == ""
        assert application.motivation == application.administration_fit == ""
        assert application.background == application.experiences_text == ""
        assert application.code_forge_url == application.preferred_teammate == ""
        assert not application.cv and application.cv_filename == ""
        [experience] = application.experiences.all()
        assert experience.title == experience.organisation == experience.description == ""
        assert [choice.contribution for choice in application.choices.all()] == [""]
        assert [transition.reason for transition in application.transitions.all()] == [""]
        # What the statistics count stays.
        assert application.profile == "development"
        assert application.submitted_at == at(2017, 10, 20)
        assert application.choices.count() == 1
    assert not any(private_storage.exists(name) for name in cv_names)
    retained.refresh_from_db()
    assert serializers.serialize("json", [retained, *retained.choices.all()]) == before


def test_the_copy_of_what_was_submitted_goes_with_the_answers(cohort):
    rejected = decided(cohort, "rejected", "refusee@exemple.fr")
    retained = decided(cohort, "selected", "retenue@exemple.fr")
    for application in (rejected, retained):
        Submission.of(application, at=application.submitted_at).save()
    [kept] = retained.submissions.all()
    assert rejected.email in str(rejected.submissions.get().snapshot)

    apply_retention(now=REJECTED_DUE)

    [erased] = rejected.submissions.all()
    assert erased.snapshot is None
    assert (erased.at, len(erased.digest)) == (rejected.submitted_at, 64)  # the dates count
    assert retained.submissions.get().snapshot == kept.snapshot


def test_the_statistics_stay_the_same_after_the_anonymisation(cohort):
    for index, status in enumerate(["rejected", "selected", "ineligible", "waitlisted"]):
        decided(cohort, status, f"personne-{index}@exemple.fr")
    applications = Application.objects.all()
    counts = (
        stats.choices_per_challenge(applications, cohort),
        stats.submissions_per_day(applications, cohort),
        sorted(applications.values_list("status", "profile")),
    )

    apply_retention(now=REJECTED_DUE)

    assert Application.objects.filter(anonymised_at__isnull=False).count() == 3
    assert (
        stats.choices_per_challenge(applications, cohort),
        stats.submissions_per_day(applications, cohort),
        sorted(applications.values_list("status", "profile")),
    ) == counts


def test_the_pool_is_kept_its_own_period_two_years_at_most(cohort):
    pooled = decided(cohort, "rejected", "vivier@exemple.fr", pool_consent=True)

    apply_retention(now=REJECTED_DUE)
    pooled.refresh_from_db()
    assert pooled.anonymised_at is None and pooled.last_name == "Martin"

    apply_retention(now=POOL_DUE)
    pooled.refresh_from_db()
    assert pooled.anonymised_at is not None and pooled.last_name == ""


def test_a_decision_after_the_start_of_the_programme_ends_the_selection_later(cohort):
    rejected = decided(cohort, "rejected", "non-retenue@exemple.fr")
    late = decided(cohort, "selected", "liste-attente@exemple.fr")
    StageTransition.objects.create(
        application=late, from_status="waitlisted", to_status="selected", at=at(2018, 3, 1)
    )

    apply_retention(now=REJECTED_DUE)

    rejected.refresh_from_db()
    assert rejected.anonymised_at is None
    apply_retention(now=at(2018, 3, 1) + datetime.timedelta(days=180))
    rejected.refresh_from_db()
    assert rejected.anonymised_at is not None


def test_without_a_start_date_nothing_is_anonymised_and_the_report_says_why(cohort):
    cohort.starts_on = None
    cohort.save()
    rejected = decided(cohort, "rejected", "non-retenue@exemple.fr")

    report = apply_retention(now=POOL_DUE)

    rejected.refresh_from_db()
    assert rejected.anonymised_at is None
    assert any("sans date de début du programme" in line for line in report.lines())


def test_the_journal_forgets_the_names_and_deletes_entries_past_their_period(cohort, carol):
    rejected = decided(cohort, "rejected", "alice@exemple.fr")
    alice = rejected.candidate
    kept = decided(cohort, "selected", "bob@exemple.fr")
    viewed = record(action=Action.APPLICATION_VIEWED, actor=carol, target=rejected)
    moved = record(
        action=Action.APPLICATION_MOVED,
        actor=carol,
        target=rejected,
        data={"from": "eligible", "to": "rejected", "reason": "Alice Martin : pas retenue."},
    )
    submitted = record(action=Action.APPLICATION_SUBMITTED, actor=alice, target=rejected)
    signed_in = record(action=Action.SIGNED_IN, actor=alice, target=alice)
    failed = record(
        action=Action.SIGN_IN_FAILED, actor=None, data={"identifier": "Alice@Exemple.fr"}
    )
    other = record(action=Action.APPLICATION_VIEWED, actor=carol, target=kept)
    old = record(action=Action.APPLICATION_VIEWED, actor=carol, target=kept)
    AuditEntry.objects.filter(pk=old.pk).update(created_at=REJECTED_DUE - datetime.timedelta(366))

    report = apply_retention(now=REJECTED_DUE)

    for entry in (viewed, moved, submitted, signed_in, failed, other):
        entry.refresh_from_db()
    assert viewed.target_label == moved.target_label == submitted.target_label
    assert viewed.target_label == "candidature anonymisée"
    assert moved.data == {"from": "eligible", "to": "rejected", "reason": ""}
    assert submitted.actor_label == signed_in.actor_label == signed_in.target_label
    assert "alice" not in signed_in.target_label.lower()
    assert failed.data["identifier"] == ""
    assert viewed.actor_label == "carol@equipe.example"  # the team member keeps her name
    assert other.target_label == str(kept)  # an application kept keeps its name
    assert not AuditEntry.objects.filter(pk=old.pk).exists()
    assert report.journal_deleted == 1
    assert not AuditEntry.objects.filter(target_label__icontains="alice@").exists()


def test_accounts_are_anonymised_deleted_or_kept_as_they_hold_something_else(cohort):
    User = get_user_model()
    only_anonymised = decided(cohort, "rejected", "anonymisee@exemple.fr").candidate
    only_draft = draft(cohort, "brouillon@exemple.fr").candidate
    also_retained = decided(cohort, "rejected", "deux@exemple.fr").candidate
    ApplicationFactory(
        cohort=CohortFactory(number=14, year=2020),
        candidate=also_retained,
        submitted=True,
        status="selected",
    )
    reviewer = decided(cohort, "rejected", "jury@exemple.fr").candidate
    ReviewerFactory(cohort=CohortFactory(number=15, year=2021), user=reviewer)

    report = apply_retention(now=REJECTED_DUE)

    anonymised = User.objects.get(pk=only_anonymised.pk)
    assert anonymised.username.startswith("anonyme-")
    assert anonymised.email == anonymised.first_name == anonymised.last_name == ""
    assert not anonymised.is_active and not anonymised.has_usable_password()
    assert not User.objects.filter(username="anonymisee@exemple.fr").exists()
    assert not User.objects.filter(pk=only_draft.pk).exists()
    assert User.objects.get(pk=also_retained.pk).email == "deux@exemple.fr"
    assert User.objects.get(pk=reviewer.pk).email == "jury@exemple.fr"
    assert (report.accounts_anonymised, report.accounts_deleted) == (1, 1)


def test_the_jury_work_and_the_decisions_lose_their_free_texts_not_their_scores(cohort):
    application = decided(cohort, "rejected", "non-retenue@exemple.fr")
    assignment = AssignmentFactory(
        reviewer=ReviewerFactory(cohort=cohort), application=application, released=True
    )
    review = Review.objects.create(
        assignment=assignment, verdict="neutre", comment="Alice Martin, profil solide."
    )
    ReviewScore.objects.create(review=review, key="motivation", score=4, comment="Très motivée.")
    conflict = Conflict.objects.create(
        reviewer=assignment.reviewer,
        application=application,
        kind="detected",
        reason="même domaine de messagerie (mairie-lyon.fr) que la personne candidate",
    )
    interview = InterviewFactory(slot=InterviewSlotFactory(cohort=cohort), application=application)
    panel = CandidateFactory(username="panel@jury.example.org")
    InterviewScore.objects.create(
        interview=interview, member=panel, criterion="motivation", score=3, comment="Claire."
    )
    notice = DecisionNotice.objects.create(
        application=application,
        outcome="rejected",
        subject="Votre candidature à la Promotion 2",
        body="Bonjour Alice, ...",
        decided_at=at(2017, 12, 12),
        sent_at=at(2017, 12, 12),
    )

    apply_retention(now=REJECTED_DUE)

    review.refresh_from_db()
    notice.refresh_from_db()
    conflict.refresh_from_db()
    assert review.comment == "" and review.verdict == "neutre"
    assert list(ReviewScore.objects.values_list("score", "comment")) == [(4, "")]
    assert list(InterviewScore.objects.values_list("score", "comment")) == [(3, "")]
    assert "mairie-lyon" not in conflict.reason
    assert (notice.subject, notice.body, notice.outcome) == ("", "", "rejected")


def test_a_second_run_changes_nothing(cohort):
    draft(cohort, "brouillon@exemple.fr")
    decided(cohort, "rejected", "non-retenue@exemple.fr")
    decided(cohort, "selected", "retenue@exemple.fr")
    first = apply_retention(now=REJECTED_DUE)
    assert first.did_anything
    snapshot = serializers.serialize("json", Application.objects.order_by("pk"))
    entries = AuditEntry.objects.count()

    second = apply_retention(now=REJECTED_DUE)

    assert not second.did_anything
    assert serializers.serialize("json", Application.objects.order_by("pk")) == snapshot
    assert AuditEntry.objects.count() == entries
    assert AuditEntry.objects.filter(action=Action.RETENTION_APPLIED).count() == 1


def test_candidates_are_told_once_before_the_anonymisation(
    cohort, mailoutbox, django_capture_on_commit_callbacks
):
    rejected = decided(cohort, "rejected", "non-retenue@exemple.fr")

    apply_retention(now=REJECTED_DUE - datetime.timedelta(days=31))
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        report = apply_retention(now=REJECTED_DUE - datetime.timedelta(days=29))
    [message] = mailoutbox
    assert message.to == ["non-retenue@exemple.fr"]
    assert "anonymisée le 14 juillet 2018" in message.body
    assert "/mon-espace/mes-donnees/" in message.body
    assert report.per_cohort["Promotion 12"]["warned"] == 1

    with django_capture_on_commit_callbacks(execute=True):
        apply_retention(now=REJECTED_DUE - datetime.timedelta(days=29))
        apply_retention(now=REJECTED_DUE - datetime.timedelta(days=1))
        apply_retention(now=REJECTED_DUE)
    assert len(mailoutbox) == 1
    rejected.refresh_from_db()
    assert rejected.anonymised_at is not None


def test_a_draft_is_told_once_its_call_has_closed(
    cohort, mailoutbox, django_capture_on_commit_callbacks
):
    cohort.draft_retention_days = 10  # shorter than the notice
    cohort.save()
    draft(cohort, "brouillon@exemple.fr")

    with django_capture_on_commit_callbacks(execute=True):
        apply_retention(now=at(2017, 10, 27, 16))
        assert mailoutbox == []
        apply_retention(now=at(2017, 10, 27, 18))
    [message] = mailoutbox
    assert "supprimé, avec son CV, le 6 novembre 2017" in message.body


def test_a_dry_run_says_what_would_be_done_and_does_nothing(
    cohort, mailoutbox, django_capture_on_commit_callbacks
):
    draft(cohort, "brouillon@exemple.fr")
    decided(cohort, "rejected", "non-retenue@exemple.fr")
    decided(cohort, "rejected", "vivier@exemple.fr", pool_consent=True)
    snapshot = serializers.serialize("json", Application.objects.order_by("pk"))

    with django_capture_on_commit_callbacks(execute=True):
        report = apply_retention(now=POOL_DUE - datetime.timedelta(days=1), dry_run=True)

    assert dict(report.per_cohort["Promotion 12"]) == {"deleted": 1, "anonymised": 1, "warned": 1}
    assert (report.accounts_anonymised, report.accounts_deleted) == (1, 1)
    assert serializers.serialize("json", Application.objects.order_by("pk")) == snapshot
    assert mailoutbox == []


def test_the_command_applies_it_at_a_date_and_prints_what_it_did(cohort, capsys):
    draft(cohort, "brouillon@exemple.fr")
    decided(cohort, "rejected", "non-retenue@exemple.fr")

    call_command("apply_retention", "--date", "2018-07-14", "--dry-run")
    assert "simulation" in capsys.readouterr().out
    assert Application.objects.count() == 2

    call_command("apply_retention", "--date", "2018-07-14")

    out = capsys.readouterr().out
    assert "Conservation des données au 14 juillet 2018." in out
    assert "Promotion 12 : 1 brouillon(s) supprimé(s), 1 candidature(s) anonymisée(s)" in out
    assert "Comptes : 1 anonymisé(s) et désactivé(s), 1 supprimé(s)." in out
    with pytest.raises(CommandError, match="Date illisible"):
        call_command("apply_retention", "--date", "14/07/2018")


def test_the_worker_runs_it_every_night_and_each_night_once(cohort, settings):
    settings.TASKS = DUMMY_TASKS
    day = datetime.date(2030, 5, 1)

    result = schedule_retention(day=day)

    assert result.task.run_after == at(2030, 5, 1, 3)
    assert result.args == [] and result.kwargs == {"day": "2030-05-01"}
    assert schedule_retention(day=day) is None
    assert RetentionRun.objects.filter(day=day).count() == 1
    # Each run enqueues the next night's.
    apply_retention_task.call(day="2030-05-01")
    assert RetentionRun.objects.filter(day=datetime.date(2030, 5, 2)).exists()


def test_the_command_restarts_the_nightly_runs(cohort, settings, capsys):
    settings.TASKS = DUMMY_TASKS

    call_command("apply_retention")
    call_command("apply_retention")

    assert capsys.readouterr().out.count("Prochain passage du worker") == 1
    assert RetentionRun.objects.count() == 1
