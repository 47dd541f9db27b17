from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory

from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from eig.audit.models import Action, AuditEntry
from eig.audit.services import record, record_view_by_someone_else
from tests.factories import ApplicationFactory


def make_user(email, *, team=False):
    user = get_user_model().objects.create(username=email, email=email)
    if team:
        user.groups.add(Group.objects.get_or_create(name=PROGRAMME_TEAM_GROUP)[0])
    return user


def request_by(user):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7")
    request.user = user
    return request


def test_views_by_others_are_recorded_not_the_owners(db):
    application = ApplicationFactory()
    team = make_user("equipe@exemple.fr", team=True)

    record_view_by_someone_else(request=request_by(application.candidate), application=application)
    record_view_by_someone_else(request=request_by(team), application=application)

    [entry] = AuditEntry.objects.all()
    assert entry.action == "application.viewed"
    assert entry.actor == team and entry.actor_label == "equipe@exemple.fr"
    assert entry.target_type == "applications.application"
    assert entry.target_id == str(application.public_id)
    assert entry.ip == "203.0.113.7"


def test_team_sees_who_looked_at_what(client, db):
    application = ApplicationFactory(first_name="Alice", last_name="Candidate")
    other = ApplicationFactory(first_name="Bob", last_name="Autre")
    team = make_user("equipe@exemple.fr", team=True)
    reviewer = make_user("jury@exemple.fr", team=True)
    record(action="application.viewed", actor=reviewer, target=application)
    record(action="application.cv_downloaded", actor=reviewer, target=application)
    record(action="application.viewed", actor=reviewer, target=other)
    client.force_login(team)

    html = client.get("/equipe/journal/").content.decode()
    assert html.count("jury@exemple.fr") == 3
    assert "a téléchargé le CV" in html

    html = client.get(f"/equipe/journal/?objet={application.public_id}").content.decode()
    assert html.count("jury@exemple.fr") == 2
    assert "Bob Autre" not in html


def test_only_the_team_reads_the_journal(client, db):
    anonymous = client.get("/equipe/journal/")
    assert anonymous.status_code == 302 and anonymous.url.startswith("/connexion/")

    client.force_login(make_user("candidat@exemple.fr"))
    assert client.get("/equipe/journal/").status_code == 404


def test_back_office_records_views_cv_downloads_and_exports(client, db):
    application = ApplicationFactory(complete=True, submitted=True)
    team = make_user("equipe@exemple.fr", team=True)
    client.force_login(team)

    client.get(f"/equipe/candidatures/{application.public_id}/")
    client.get(f"/equipe/candidatures/{application.public_id}/cv/")
    client.get("/equipe/candidatures/export.csv?etat=toutes")

    # Signing in is journaled too, but that is another test's concern.
    entries = AuditEntry.objects.exclude(action=Action.SIGNED_IN).order_by("pk")
    actions = list(entries.values_list("action", "actor__email"))
    assert actions == [
        ("application.viewed", "equipe@exemple.fr"),
        ("application.cv_downloaded", "equipe@exemple.fr"),
        ("application.exported", "equipe@exemple.fr"),
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
