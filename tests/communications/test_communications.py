import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.signals import task_enqueued

from eig.applications.models import Application
from eig.communications.models import Announcement
from eig.communications.services import (
    AlreadySent,
    remind_draft_holders,
    schedule_deadline_reminder,
    send_announcement,
)
from tests.factories import CandidateFactory, CohortFactory

NOW = timezone.make_aware(datetime.datetime(2027, 10, 20, 12, 0))


def make_application(cohort, email, status=Application.Status.DRAFT):
    submitted = None if status == Application.Status.DRAFT else NOW
    return Application.objects.create(
        cohort=cohort,
        candidate=CandidateFactory(username=email),
        email=email,
        first_name="Camille",
        status=status,
        submitted_at=submitted,
    )


def cohort_closing_in(delta, **kwargs):
    return CohortFactory(
        application_call_opens_at=NOW - datetime.timedelta(days=30),
        application_call_closes_at=NOW + delta,
        **kwargs,
    )


def test_drafts_are_reminded_once_when_the_call_closes_within_48_hours(db, mailoutbox):
    cohort = cohort_closing_in(datetime.timedelta(hours=47))
    make_application(cohort, "brouillon@exemple.fr")
    make_application(cohort, "deposee@exemple.fr", Application.Status.SUBMITTED)

    assert remind_draft_holders(now=NOW) == 1
    assert remind_draft_holders(now=NOW + datetime.timedelta(hours=1)) == 0

    assert [mail.to for mail in mailoutbox] == [["brouillon@exemple.fr"]]
    assert "n'est pas encore déposée" in mailoutbox[0].body
    assert "(heure de Paris)" in mailoutbox[0].body
    assert "/candidater/" in mailoutbox[0].body


def test_no_reminder_earlier_than_48_hours_or_after_closing(db, mailoutbox):
    early = cohort_closing_in(datetime.timedelta(hours=48, seconds=1))
    closed = cohort_closing_in(-datetime.timedelta(seconds=1))
    make_application(early, "tot@exemple.fr")
    make_application(closed, "tard@exemple.fr")

    assert remind_draft_holders(now=NOW) == 0
    assert mailoutbox == []


def test_command_reports_the_reminders(db, capsys):
    now = timezone.now()
    cohort = CohortFactory(
        application_call_opens_at=now - datetime.timedelta(days=30),
        application_call_closes_at=now + datetime.timedelta(hours=2),
    )
    make_application(cohort, "brouillon@exemple.fr")

    call_command("send_deadline_reminders")

    assert "1 relance(s)" in capsys.readouterr().out


def test_reminder_is_scheduled_48_hours_before_the_deadline(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    cohort = cohort_closing_in(datetime.timedelta(days=10))

    result = schedule_deadline_reminder(cohort=cohort, now=NOW)

    assert result.task.run_after == cohort.application_call_closes_at - datetime.timedelta(hours=48)
    closed = cohort_closing_in(-datetime.timedelta(hours=1))
    assert schedule_deadline_reminder(cohort=closed, now=NOW) is None


def test_announcement_goes_once_to_every_candidate_but_the_withdrawn(
    carol, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = cohort_closing_in(datetime.timedelta(days=5))
    other = cohort_closing_in(datetime.timedelta(days=5))
    make_application(cohort, "a@exemple.fr")
    make_application(cohort, "b@exemple.fr", Application.Status.SUBMITTED)
    make_application(cohort, "c@exemple.fr", Application.Status.WITHDRAWN)
    make_application(other, "d@exemple.fr")
    announcement = Announcement.objects.create(
        cohort=cohort, subject="Report de la date", body="L'appel est prolongé.", created_by=carol
    )

    with django_capture_on_commit_callbacks(execute=True):
        send_announcement(announcement=announcement, by=carol)
    with pytest.raises(AlreadySent):
        send_announcement(announcement=announcement, by=carol)

    assert sorted(mail.to[0] for mail in mailoutbox) == ["a@exemple.fr", "b@exemple.fr"]
    assert all(len(mail.to) == 1 for mail in mailoutbox)
    assert "L'appel est prolongé." in mailoutbox[0].body
    announcement.refresh_from_db()
    assert announcement.recipients_count == 2 and announcement.sent_by == carol


def test_team_writes_previews_and_sends_an_announcement(
    team_client, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = cohort_closing_in(datetime.timedelta(days=5))
    make_application(cohort, "a@exemple.fr")

    response = team_client.post(
        "/equipe/annonces/nouvelle/",
        {"cohort": cohort.pk, "subject": "Nouvelle date", "body": "<b>Prolongation</b>"},
    )
    announcement = Announcement.objects.get()
    assert response.url == f"/equipe/annonces/{announcement.pk}/"
    preview = team_client.get(response.url).content.decode()
    assert "&lt;b&gt;Prolongation&lt;/b&gt;" in preview
    assert "Confirmer l’envoi à 1 candidat·e" in preview
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        team_client.post(f"/equipe/annonces/{announcement.pk}/envoyer/")
    again = team_client.post(f"/equipe/annonces/{announcement.pk}/envoyer/", follow=True)

    assert len(mailoutbox) == 1
    assert "déjà été envoyée" in again.content.decode()


def test_invalid_announcement_keeps_what_was_typed(team_client):
    response = team_client.post(
        "/equipe/annonces/nouvelle/", {"cohort": "", "subject": "", "body": "Mon texte"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mon texte" in html
    assert "fr-input-group--error" in html or "fr-select-group--error" in html
    assert Announcement.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    ["/equipe/annonces/", "/equipe/annonces/nouvelle/", "/equipe/annonces/1/"],
)
def test_only_the_programme_team_sees_announcements(client, alice, carol, url):
    Announcement.objects.create(
        pk=1, cohort=CohortFactory(), subject="S", body="B", created_by=carol
    )

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous.url.startswith("/connexion/")
    client.force_login(alice)
    assert client.get(url).status_code == 404
    client.force_login(carol)
    assert client.get(url).status_code == 200


def test_only_the_programme_team_sends(client, alice, carol, mailoutbox):
    announcement = Announcement.objects.create(
        cohort=CohortFactory(), subject="S", body="B", created_by=carol
    )
    client.force_login(alice)

    assert client.post(f"/equipe/annonces/{announcement.pk}/envoyer/").status_code == 404
    # The wrong method is told only to those who may see the page: the team.
    assert client.get(f"/equipe/annonces/{announcement.pk}/envoyer/").status_code == 404
    client.force_login(carol)
    assert client.get(f"/equipe/annonces/{announcement.pk}/envoyer/").status_code == 405
    announcement.refresh_from_db()
    assert announcement.sent_at is None


def test_editing_a_cohort_in_the_admin_schedules_its_reminder(db, settings):
    from eig.communications.wagtail_hooks import schedule_reminder_of_edited_cohort

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    now = timezone.now()
    cohort = CohortFactory(
        application_call_opens_at=now, application_call_closes_at=now + datetime.timedelta(days=9)
    )

    enqueued = []

    def record(sender, task_result, **kwargs):
        enqueued.append(task_result)

    task_enqueued.connect(record)
    try:
        schedule_reminder_of_edited_cohort(None, cohort)
    finally:
        task_enqueued.disconnect(record)

    [result] = enqueued
    assert result.task.name == "remind_draft_holders_task"
    assert result.task.run_after == cohort.application_call_closes_at - datetime.timedelta(days=2)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Bonjour à toutes et à tous,\n\nL'appel est prolongé.", "Retirez la salutation"),
        ("Madame, Monsieur,\nL'appel est prolongé.", "Retirez la salutation"),
        ("L'appel est prolongé.\n\nL’équipe du programme EIG", "Retirez la signature"),
    ],
)
def test_an_announcement_that_greets_or_signs_itself_is_refused_with_its_body_kept(
    team_client, body, message
):
    cohort = cohort_closing_in(datetime.timedelta(days=5))

    response = team_client.post(
        "/equipe/annonces/nouvelle/", {"cohort": cohort.pk, "subject": "Report", "body": body}
    )

    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert "L'appel est prolongé." in page or "L&#x27;appel est prolongé." in page
    assert not Announcement.objects.exists()


def test_a_candidate_without_a_first_name_is_greeted_without_a_stray_space(
    carol, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = cohort_closing_in(datetime.timedelta(days=5))
    make_application(cohort, "a@exemple.fr").__class__.objects.update(first_name="")
    announcement = Announcement.objects.create(
        cohort=cohort, subject="Report", body="L'appel est prolongé.", created_by=carol
    )

    with django_capture_on_commit_callbacks(execute=True):
        send_announcement(announcement=announcement, by=carol)

    body = mailoutbox[0].body
    assert body.startswith("Bonjour,\n")
    assert body.count("Bonjour") == 1
    assert body.strip().endswith("L'équipe du programme")
