"""Each write that matters, driven through its page, leaves one journal entry with its own code."""

from io import StringIO

import pytest
from django.core.management import call_command

from eig.applications.models import Application, ChallengeChoice
from eig.audit.models import Action, AuditEntry
from eig.communications.models import Announcement
from eig.decisions.services import decision_templates, send_decisions
from eig.teams.models import TeamProposal
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    ChallengeFactory,
    CohortFactory,
    SkillFactory,
)

Status = Application.Status
IP = "198.51.100.23"


@pytest.fixture
def cohort(db):
    return CohortFactory(is_published=True, team_size_min=1, team_size_max=3)


def the_entry(action):
    """The one entry with `action`: there must be exactly one."""
    [entry] = AuditEntry.objects.filter(action=action)
    return entry


def selected_candidate(cohort, challenge):
    application = ApplicationFactory(cohort=cohort, submitted=True, status=Status.SELECTED)
    application.choices.all().delete()
    ChallengeChoice.objects.create(
        application=application, challenge=challenge, rank=1, contribution="x"
    )
    return application


def test_an_announcement_sent_is_recorded_once(team_client, carol, cohort):
    ApplicationFactory(cohort=cohort, submitted=True)
    announcement = Announcement.objects.create(
        cohort=cohort, subject="Report du jury", body="Le jury est reporté.", created_by=carol
    )
    url = f"/equipe/annonces/{announcement.pk}/envoyer/"

    team_client.post(url, REMOTE_ADDR=IP)
    team_client.post(url, REMOTE_ADDR=IP)  # refused: an announcement goes once

    entry = the_entry(Action.ANNOUNCEMENT_SENT)
    assert (entry.actor, entry.ip, entry.target_label) == (carol, IP, "Report du jury")
    assert entry.data == {"recipients": 1}


def test_an_edited_decision_template_is_recorded_not_a_refused_one(team_client, carol, cohort):
    url = f"/equipe/decisions/{cohort.number}/{Status.SELECTED}/modele/"
    prefix = Status.SELECTED

    team_client.post(url, {f"{prefix}-subject": "Objet", f"{prefix}-body": "{inconnu}"})
    assert not AuditEntry.objects.filter(action=Action.DECISION_TEMPLATE_EDITED).exists()

    team_client.post(
        url,
        {f"{prefix}-subject": "Bienvenue", f"{prefix}-body": "Bonjour {prénom}"},
        REMOTE_ADDR=IP,
    )

    entry = the_entry(Action.DECISION_TEMPLATE_EDITED)
    assert (entry.actor, entry.ip, entry.data) == (carol, IP, {"outcome": "selected"})
    assert decision_templates(cohort)[Status.SELECTED].subject == "Bienvenue"
    assert entry.target_id == str(decision_templates(cohort)[Status.SELECTED].pk)


def test_decisions_sent_are_recorded_once_per_send(team_client, carol, cohort):
    ApplicationFactory.create_batch(2, cohort=cohort, submitted=True, status=Status.REJECTED)
    decision_templates(cohort)
    url = f"/equipe/decisions/{cohort.number}/{Status.REJECTED}/envoyer/"
    confirmed = {"recipients": team_client.get(url).context["form"]["recipients"].value()}

    team_client.post(url, confirmed, REMOTE_ADDR=IP)
    team_client.post(url, confirmed, REMOTE_ADDR=IP)  # nothing left to send: no entry

    entry = the_entry(Action.DECISIONS_SENT_REJECTED)
    assert (entry.actor, entry.ip, entry.target_label) == (carol, IP, str(cohort))
    assert entry.data == {"count": 2, "left_out": 0}


def test_team_proposal_computed_locked_published_each_recorded(team_client, carol, cohort):
    challenge = ChallengeFactory(cohort=cohort)
    selected_candidate(cohort, challenge)
    url = f"/equipe/equipes/{cohort.number}/"

    team_client.post(f"{url}recalculer/", REMOTE_ADDR=IP)
    computed = the_entry(Action.TEAMS_COMPUTED)
    proposal = TeamProposal.objects.get(cohort=cohort)
    assert (computed.actor, computed.ip, computed.target_id) == (carol, IP, str(proposal.pk))
    assert computed.data == {
        "method": "optimal",
        "include_pending": False,
        "placed": 1,
        "unplaced": 0,
        "pinned": 0,
        "forbidden": 0,
    }

    team_client.post(f"{url}verrouiller/", REMOTE_ADDR=IP)
    team_client.post(f"{url}verrouiller/", REMOTE_ADDR=IP)  # refused: already locked
    team_client.post(f"{url}publier/", REMOTE_ADDR=IP)
    team_client.post(f"{url}publier/", REMOTE_ADDR=IP)  # refused: already published

    for action in (Action.TEAMS_LOCKED, Action.TEAMS_PUBLISHED):
        entry = the_entry(action)
        assert (entry.actor, entry.ip, entry.target_id) == (carol, IP, str(proposal.pk))


def test_the_match_command_records_its_proposal(cohort):
    challenge = ChallengeFactory(cohort=cohort)
    selected_candidate(cohort, challenge)

    call_command("match", str(cohort.number), "--include-pending", stdout=StringIO())

    entry = the_entry(Action.TEAMS_COMPUTED)
    assert entry.actor is None and entry.ip is None
    assert entry.target_id == str(TeamProposal.objects.get(cohort=cohort).pk)
    assert entry.data["include_pending"] is True


def test_a_reviewer_changing_expertise_and_load_is_recorded(client, bob):
    skill = SkillFactory(slug="donnees")
    client.force_login(bob.user)

    client.post(
        f"/jury/{bob.cohort.number}/expertise/",
        {"profiles": ["design"], "skills": [skill.pk], "max_load": 4},
        REMOTE_ADDR=IP,
    )

    entry = the_entry(Action.REVIEWER_EXPERTISE_CHANGED)
    assert (entry.actor, entry.ip, entry.target_id) == (bob.user, IP, str(bob.pk))
    assert entry.data == {
        "profiles": ["design"],
        "skills": ["donnees"],
        "max_load": 4,
        "previous_max_load": 10,
    }


def test_released_assignments_are_recorded(team_client, carol):
    pair = AssignmentFactory()
    cohort = pair.reviewer.cohort

    team_client.post(f"/equipe/selection/{cohort.number}/affectation/publier/", REMOTE_ADDR=IP)

    entry = the_entry(Action.ASSIGNMENT_RELEASED)
    assert (entry.actor, entry.ip, entry.target_label, entry.data) == (
        carol,
        IP,
        str(cohort),
        {"count": 1},
    )


def test_each_kind_of_export_has_its_own_code(team_client, carol, cohort):
    challenge = ChallengeFactory(cohort=cohort)
    selected_candidate(cohort, challenge)
    decision_templates(cohort)
    send_decisions(cohort=cohort, outcome=Status.SELECTED, by=carol, before_teams=True)
    downloads = {
        Action.APPLICATIONS_EXPORTED: "/equipe/candidatures/export.csv?etat=toutes",
        Action.SCORES_EXPORTED: f"/equipe/selection/{cohort.number}/notes/export.xlsx",
        Action.RANKING_EXPORTED: (
            f"/equipe/selection/{cohort.number}/notes/defis/{challenge.slug}/export.ods"
        ),
        Action.DECISIONS_EXPORTED: f"/equipe/decisions/{cohort.number}/export.csv",
    }

    for url in downloads.values():
        assert team_client.get(url, REMOTE_ADDR=IP).status_code == 200

    for action in downloads:
        entry = the_entry(action)
        assert (entry.actor, entry.ip) == (carol, IP)
    assert the_entry(Action.APPLICATIONS_EXPORTED).data == {
        "format": "csv",
        "filters": {"etat": "toutes"},
    }
    assert the_entry(Action.SCORES_EXPORTED).target_label == str(cohort)
    assert the_entry(Action.RANKING_EXPORTED).target_label == str(challenge)
    assert the_entry(Action.DECISIONS_EXPORTED).target_label == str(cohort)
