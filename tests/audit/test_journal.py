from django.test import RequestFactory

from eig.audit.models import Action, AuditEntry
from eig.audit.services import record, record_view_by_someone_else
from tests.factories import ApplicationFactory


def request_by(user):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7")
    request.user = user
    return request


def test_views_by_others_are_recorded_not_the_owners(carol):
    application = ApplicationFactory()

    record_view_by_someone_else(request=request_by(application.candidate), application=application)
    record_view_by_someone_else(request=request_by(carol), application=application)

    [entry] = AuditEntry.objects.all()
    assert entry.action == "application.viewed"
    assert entry.actor == carol and entry.actor_label == "carol@equipe.example"
    assert entry.target_type == "applications.application"
    assert entry.target_id == str(application.public_id)
    assert entry.ip == "203.0.113.7"


def test_team_sees_who_looked_at_what(team_client, bob):
    application = ApplicationFactory(first_name="Alice", last_name="Candidate")
    other = ApplicationFactory(first_name="Erin", last_name="Autre")
    record(action="application.viewed", actor=bob.user, target=application)
    record(action="application.cv_downloaded", actor=bob.user, target=application)
    record(action="application.viewed", actor=bob.user, target=other)

    html = team_client.get("/equipe/journal/").content.decode()
    assert html.count("bob@jury.example.org") == 3
    assert "a téléchargé le CV" in html

    html = team_client.get(f"/equipe/journal/?objet={application.public_id}").content.decode()
    assert html.count("bob@jury.example.org") == 2
    assert "Erin Autre" not in html


def test_only_the_team_reads_the_journal(client, alice):
    anonymous = client.get("/equipe/journal/")
    assert anonymous.status_code == 302 and anonymous.url.startswith("/connexion/")

    client.force_login(alice)
    assert client.get("/equipe/journal/").status_code == 404


def test_back_office_records_views_cv_downloads_and_exports(team_client):
    application = ApplicationFactory(complete=True, submitted=True)

    team_client.get(f"/equipe/candidatures/{application.public_id}/")
    team_client.get(f"/equipe/candidatures/{application.public_id}/cv/")
    team_client.get("/equipe/candidatures/export.csv?etat=toutes")

    # Signing in is journaled too, but that is another test's concern.
    entries = AuditEntry.objects.exclude(action=Action.SIGNED_IN).order_by("pk")
    actions = list(entries.values_list("action", "actor__email"))
    assert actions == [
        ("application.viewed", "carol@equipe.example"),
        ("application.cv_downloaded", "carol@equipe.example"),
        ("application.exported", "carol@equipe.example"),
    ]


def test_candidates_own_actions_are_recorded(client, db, django_capture_on_commit_callbacks):
    from eig.applications.services import submit_application, withdraw_application
    from tests.factories import OpenCallCohortFactory

    application = ApplicationFactory(complete=True, cohort=OpenCallCohortFactory())
    candidate = application.candidate

    submit_application(application=application, by=candidate)
    withdraw_application(application=application, by=candidate)

    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "actor"))
    assert actions == [
        ("application.submitted", candidate.pk),
        ("application.withdrawn", candidate.pk),
    ]
