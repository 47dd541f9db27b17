from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from eig.applications.models import Application, ChallengeChoice
from eig.audit.models import AuditEntry
from eig.challenges.models import Challenge
from eig.teams.models import TeamProposal
from eig.teams.services import TeamsRefused, current_proposal, lock, propose_teams, publish
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory

Status = Application.Status


def candidate(cohort, *choices, status=Status.SELECTED, name="Alice"):
    application = ApplicationFactory(cohort=cohort, submitted=True, status=status, first_name=name)
    application.choices.all().delete()
    for rank, challenge in enumerate(choices, start=1):
        ChallengeChoice.objects.create(
            application=application, challenge=challenge, rank=rank, contribution="x"
        )
    return application


@pytest.fixture
def cohort(db):
    return CohortFactory(is_published=True, team_size_min=1, team_size_max=3)


def placements(proposal):
    return {m.application_id: m.challenge_id for m in proposal.members.all()}


def test_command_forms_teams_respecting_seats_and_choices(cohort):
    a = ChallengeFactory(cohort=cohort, fellows_sought=2)
    b = ChallengeFactory(cohort=cohort, fellows_sought=5)  # capped by team_size_max = 3
    draft = ChallengeFactory(cohort=cohort, status=Challenge.Status.DRAFT)
    people = [candidate(cohort, a, b, name=f"P{i}") for i in range(6)]
    only_draft = candidate(cohort, draft, name="Draft")
    other = candidate(cohort, a, status=Status.REJECTED, name="Rejected")

    out = StringIO()
    call_command("match", str(cohort.number), stdout=out)
    text = out.getvalue()
    assert "1/4 lecture des candidatures…" in text
    assert "4/4 enregistrement de la proposition…" in text
    assert "5 placé·e·s, 2 sans équipe" in text

    proposal = current_proposal(cohort)
    assert proposal.status == TeamProposal.Status.DRAFT
    placed = placements(proposal)
    assert other.pk not in placed
    assert placed[only_draft.pk] is None
    values = [placed[p.pk] for p in people]
    assert values.count(a.pk) == 2
    assert values.count(b.pk) == 3
    assert proposal.total_score == pytest.approx(2 * 0.5 + 3 * 0.25)
    ranks = {m.application_id: m.rank for m in proposal.members.exclude(challenge=None)}
    assert all(ranks[p.pk] == (1 if placed[p.pk] == a.pk else 2) for p in people if placed[p.pk])


def test_pending_candidates_only_with_the_option(cohort):
    a = ChallengeFactory(cohort=cohort)
    waiting = candidate(cohort, a, status=Status.WAITLISTED)
    assert waiting.pk not in placements(propose_teams(cohort=cohort))
    proposal = propose_teams(cohort=cohort, include_pending=True)
    assert placements(proposal)[waiting.pk] == a.pk
    assert TeamProposal.objects.filter(cohort=cohort).count() == 1  # the draft was replaced


def test_progress_callback_is_called_at_each_phase(cohort):
    calls = []
    propose_teams(cohort=cohort, progress=lambda step, total, label: calls.append((step, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_lock_prevents_recompute_and_publish_only_from_locked(cohort, carol):
    a = ChallengeFactory(cohort=cohort)
    candidate(cohort, a)
    proposal = propose_teams(cohort=cohort, by=carol)
    with pytest.raises(TeamsRefused, match="verrouillée"):
        publish(proposal, by=carol)
    lock(proposal, by=carol)
    with pytest.raises(TeamsRefused, match="recalculées"):
        propose_teams(cohort=cohort)
    with pytest.raises(CommandError, match="recalculées"):
        call_command("match", str(cohort.number))
    with pytest.raises(TeamsRefused):
        lock(proposal, by=carol)
    publish(proposal, by=carol)
    proposal.refresh_from_db()
    assert proposal.status == TeamProposal.Status.PUBLISHED
    assert proposal.locked_at and proposal.published_at
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"teams.locked", "teams.published"} <= actions


def test_unknown_cohort_exits_with_an_error(db):
    with pytest.raises(CommandError, match="Aucune promotion"):
        call_command("match", "999")


def test_access_anonymous_candidate_team(client, cohort, carol):
    url = f"/equipe/equipes/{cohort.number}/"
    response = client.get(url)
    assert response.status_code == 302 and "next=" in response.url
    client.force_login(ApplicationFactory(cohort=cohort).candidate)
    assert client.get(url).status_code == 404
    assert client.post(f"{url}recalculer/").status_code == 404
    client.force_login(carol)
    assert client.get(url).status_code == 200


def test_team_page_recompute_lock_publish(client, cohort, carol):
    a = ChallengeFactory(cohort=cohort, name="Défi des données")
    candidate(cohort, a, name="Zoé")
    client.force_login(carol)
    url = f"/equipe/equipes/{cohort.number}/"
    assert "Recalculer" in client.get(url).content.decode()
    html = client.post(f"{url}recalculer/", follow=True).content.decode()
    assert "Défi des données" in html and "Zoé" in html and "Verrouiller" in html
    html = client.post(f"{url}publier/", follow=True).content.decode()
    assert "Seule une proposition verrouillée" in html
    html = client.post(f"{url}verrouiller/", follow=True).content.decode()
    assert "Recalculer" not in html and "Publier" in html
    client.post(f"{url}publier/")
    assert current_proposal(cohort).status == TeamProposal.Status.PUBLISHED
