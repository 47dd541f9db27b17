"""E-mails to the jury: their assignments released, and a reminder before the deadline."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks.signals import task_enqueued

from eig.audit.models import Action, AuditEntry
from eig.selection.models import Review, ReviewGrid
from eig.selection.notices import remind_reviewers, schedule_reviewer_reminder
from eig.selection.wagtail_hooks import schedule_reminder_of_edited_grid
from tests.factories import AssignmentFactory, ReviewerFactory

NOW = timezone.now()


def deadline_in(cohort, delta):
    grid, _created = ReviewGrid.objects.update_or_create(
        cohort=cohort, defaults={"reviewing_deadline": NOW + delta}
    )
    return grid


def test_releasing_tells_each_reviewer_how_many_until_when_and_where(
    client, carol, cohort, bob, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://eig.example.gouv.fr"
    deadline_in(cohort, datetime.timedelta(days=20))
    AssignmentFactory.create_batch(2, reviewer=bob)
    idle = ReviewerFactory(cohort=cohort)  # nothing proposed to them: no e-mail
    client.force_login(carol)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("selection:assignment_release", args=[cohort.number]))

    [message] = [m for m in mailoutbox if "candidatures à évaluer" in m.subject]
    assert message.to == [bob.user.email or bob.user.username]
    assert "2 candidatures" in message.body
    assert "https://eig.example.gouv.fr/jury/" in message.body
    deadline = timezone.localtime(NOW + datetime.timedelta(days=20))
    assert date_format(deadline, "j F Y à H:i") in message.body
    assert idle.user.username not in [m.to[0] for m in mailoutbox]
    assert AuditEntry.objects.filter(
        action=Action.REVIEWER_ASSIGNMENTS_NOTIFIED, target_id=str(bob.pk)
    ).exists()


def test_the_reminder_goes_once_to_those_with_work_left(cohort, bob, mailoutbox, settings):
    settings.REVIEWER_REMINDER_DAYS = 3
    deadline_in(cohort, datetime.timedelta(days=2))
    AssignmentFactory(reviewer=bob, released=True)
    done = AssignmentFactory(reviewer=ReviewerFactory(cohort=cohort), released=True)
    Review.objects.create(assignment=done, status=Review.Status.SUBMITTED, submitted_at=NOW)
    unreleased = AssignmentFactory(reviewer=ReviewerFactory(cohort=cohort))

    assert remind_reviewers() == 1
    assert remind_reviewers() == 0  # a second run (the worker, then cron) sends nothing

    [message] = mailoutbox
    assert message.to == [bob.user.email or bob.user.username]
    assert "Il vous reste une évaluation à soumettre" in message.body
    assert "/jury/" in message.body
    assert unreleased.reviewer.user.username not in message.to
    bob.refresh_from_db()
    assert bob.reminder_sent_at is not None
    assert AuditEntry.objects.filter(action=Action.REVIEWER_REMINDED).count() == 1


def test_no_reminder_while_the_deadline_is_far_or_past(cohort, bob, mailoutbox, settings):
    settings.REVIEWER_REMINDER_DAYS = 3
    AssignmentFactory(reviewer=bob, released=True)
    deadline_in(cohort, datetime.timedelta(days=4))
    assert remind_reviewers() == 0
    deadline_in(cohort, -datetime.timedelta(hours=1))
    assert remind_reviewers() == 0
    assert mailoutbox == []


def test_the_command_is_the_idempotent_safety_net(cohort, bob, mailoutbox, capsys):
    deadline_in(cohort, datetime.timedelta(days=1))
    AssignmentFactory(reviewer=bob, released=True)

    call_command("send_reviewer_reminders")
    call_command("send_reviewer_reminders")

    out = capsys.readouterr().out
    assert "1 relance(s)" in out and "0 relance(s)" in out
    assert len(mailoutbox) == 1


@pytest.fixture
def enqueued():
    results = []

    def keep(sender, task_result, **kwargs):
        results.append(task_result)

    task_enqueued.connect(keep)
    yield results
    task_enqueued.disconnect(keep)


def test_the_worker_reminds_n_days_before_the_deadline(cohort, settings, enqueued):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.REVIEWER_REMINDER_DAYS = 5
    grid = deadline_in(cohort, datetime.timedelta(days=10))

    schedule_reminder_of_edited_grid(None, grid)  # the team saved the grid in the admin

    [result] = enqueued
    assert result.task.name == "remind_reviewers_task"
    assert result.task.run_after == grid.reviewing_deadline - datetime.timedelta(days=5)
    deadline_in(cohort, -datetime.timedelta(days=1))
    assert schedule_reviewer_reminder(cohort=cohort) is None
