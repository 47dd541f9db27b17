"""/mon-espace/mes-donnees/: everything the platform holds about the person, reviews and
audition scores excepted (the privacy page says why)."""

import datetime
import json

from django.utils import timezone

from eig.applications.models import AddressConfirmation, StageTransition
from eig.audit.models import Action, AuditEntry
from eig.audit.services import record
from eig.auditions.models import InterviewScore
from eig.communications.models import Announcement
from eig.decisions.models import DecisionNotice
from eig.selection.models import Review
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CandidateFactory,
    InterviewFactory,
    InterviewSlotFactory,
    ReviewerFactory,
)


def export(client):
    response = client.get("/mon-espace/mes-donnees/")
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_the_export_holds_each_kind_of_data_held_about_the_person(alice_client, alice, cohort):
    now = timezone.now()
    application = ApplicationFactory(
        cohort=cohort,
        candidate=alice,
        submitted=True,
        status="rejected",
        email="alice.perso@exemple.org",
        pool_consent=True,
    )
    application.experiences.create(position=1, title="Développeuse", start_year=2018)
    for to_status in ("submitted", "eligible", "invited", "rejected"):
        StageTransition.objects.create(
            application=application, from_status="x", to_status=to_status, at=now
        )
    AddressConfirmation.objects.create(
        application=application,
        email="alice.perso@exemple.org",
        token_hash="0" * 64,
        created_at=now,
        expires_at=now + datetime.timedelta(hours=48),
    )
    Announcement.objects.create(
        cohort=cohort,
        subject="Report",
        body="L'appel est prolongé.",
        created_by=alice,
        sent_at=timezone.now(),
    )
    DecisionNotice.objects.create(
        application=application,
        outcome="rejected",
        subject="Votre candidature à la Promotion 3",
        body="Bonjour Alice, ...",
        decided_at=now,
        sent_at=now,
    )
    interview = InterviewFactory(slot=InterviewSlotFactory(cohort=cohort), application=application)
    panel = CandidateFactory(username="panel@jury.example.org")
    InterviewScore.objects.create(
        interview=interview, member=panel, criterion="motivation", score=2, comment="Hésitante."
    )
    assignment = AssignmentFactory(
        reviewer=ReviewerFactory(cohort=cohort), application=application, released=True
    )
    Review.objects.create(assignment=assignment, verdict="defavorable", comment="Trop junior.")
    record(action=Action.SIGNED_IN, actor=alice, target=alice)
    record(action=Action.SIGN_IN_FAILED, actor=None, data={"identifier": "ALICE@example.fr"})
    record(action=Action.APPLICATION_SUBMITTED, actor=alice, target=application)

    data = export(alice_client)

    assert data["account"]["email"] == "alice@example.fr"
    [exported] = data["applications"]
    assert exported["email"] == "alice.perso@exemple.org"
    assert exported["pool_consent"] is True
    assert exported["experiences"][0]["title"] == "Développeuse"
    assert exported["choices"][0]["rank"] == 1
    # The stages the candidate is told: not the internal ones, the decision with its e-mail.
    assert [stage["status"] for stage in exported["stage_history"]] == [
        "déposée",
        "admissible — invitée à une audition",
    ]
    assert [notice["body"] for notice in exported["decisions"]] == ["Bonjour Alice, ..."]
    assert [message["subject"] for message in exported["announcements"]] == ["Report"]
    assert exported["audition"]["place"] == "20 avenue de Ségur, Paris"
    assert exported["address_confirmations"][0]["email"] == "alice.perso@exemple.org"
    signed_in = AuditEntry.objects.filter(actor=alice, action=Action.SIGNED_IN)
    assert len(data["sign_ins"]) == signed_in.count() >= 1
    assert len(data["failed_sign_ins"]) == 1
    assert [entry["action"] for entry in data["journal"]] == ["a déposé sa candidature"]
    assert "secret des délibérations" in data["not_included"]
    # Reviews and audition scores are excepted.
    text = json.dumps(data, ensure_ascii=False)
    assert "Trop junior." not in text and "Hésitante." not in text


def test_the_export_holds_nothing_of_other_people(alice_client, alice, erin, cohort):
    ApplicationFactory(cohort=cohort, candidate=erin, submitted=True, last_name="Durand")
    record(action=Action.SIGNED_IN, actor=erin, target=erin)

    data = export(alice_client)

    signed_in = AuditEntry.objects.filter(actor=alice, action=Action.SIGNED_IN)
    assert data["applications"] == [] and len(data["sign_ins"]) == signed_in.count()
    assert "Durand" not in json.dumps(data)
