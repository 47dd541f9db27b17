"""An agent writes a proposal in steps: drafts, validation messages, submission, deadline."""

import datetime

import pytest
from django.utils import timezone

from eig.audit.models import Action, AuditEntry
from eig.proposals import services, steps
from eig.proposals.models import Proposal, ProposalTransition
from tests.factories import HostOrganisationFactory
from tests.proposals.conftest import complete, draft

pytestmark = pytest.mark.django_db


def step_url(proposal, slug):
    return f"/administration/propositions/{proposal.public_id}/{slug}/"


def review_url(proposal):
    return f"/administration/propositions/{proposal.public_id}/recapitulatif/"


def test_starting_creates_a_draft_with_its_author_and_opens_the_first_step(
    agent_client, agent, call
):
    page = agent_client.get("/administration/proposer/").content.decode()
    assert "Commencer la proposition" in page
    response = agent_client.post("/administration/proposer/")
    proposal = Proposal.objects.get(created_by=agent)
    assert response["Location"] == step_url(proposal, "administration")
    assert proposal.status == Proposal.Status.DRAFT and proposal.call == call
    assert list(proposal.authors.values_list("user", flat=True)) == [agent.pk]
    assert AuditEntry.objects.filter(action=Action.PROPOSAL_CREATED).count() == 1


def test_without_an_open_call_nothing_starts(agent_client, agent, call):
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save()
    response = agent_client.post("/administration/proposer/")
    assert response.status_code == 403
    assert "est clos depuis le" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_draft_step_keeps_what_is_valid_and_says_what_is_not(agent_client, agent, call):
    proposal = draft(call, agent)
    response = agent_client.post(
        step_url(proposal, "defi"),
        {"title": "x" * 121, "summary": "Un résumé", "problem": "", "navigation": "next"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 réponse est à corriger" in page
    assert "Assurez-vous que cette valeur comporte au plus 120 caractères" in page
    assert "x" * 121 in page  # what was typed stays on the page
    proposal.refresh_from_db()
    assert proposal.summary == "Un résumé" and proposal.title == ""


def test_a_draft_may_leave_blanks_and_moves_on(agent_client, agent, call):
    proposal = draft(call, agent)
    response = agent_client.post(
        step_url(proposal, "defi"), {"title": "Mon défi", "navigation": "next"}
    )
    assert response["Location"] == step_url(proposal, "donnees")
    proposal.refresh_from_db()
    assert proposal.title == "Mon défi"


def test_administration_from_the_list_or_a_new_one(agent_client, agent, call):
    host = HostOrganisationFactory()
    proposal = draft(call, agent)
    agent_client.post(step_url(proposal, "administration"), {"host": host.pk})
    proposal.refresh_from_db()
    assert proposal.host == host
    agent_client.post(
        step_url(proposal, "administration"),
        {"host": "", "new_host_ministry": "Ministère de la Mer", "new_host_directorate": "DPMA"},
    )
    proposal.refresh_from_db()
    assert proposal.host is None and proposal.host_name == "Ministère de la Mer, DPMA"


def team_data(agents=(), mentors=(), prefix_counts=None):
    data = {"navigation": "next"}
    for prefix, rows in (("agents", agents), ("mentors", mentors)):
        data.update({f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": 0})
        for index, row in enumerate(rows):
            data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def test_the_team_step_saves_agents_and_mentors(agent_client, agent, call):
    proposal = draft(call, agent)
    response = agent_client.post(
        step_url(proposal, "equipe"),
        team_data(
            agents=[{"full_name": "Anne", "role": "Cheffe de projet", "time_share": "2 jours"}],
            mentors=[
                {"role": "operational", "full_name": "Odile"},
                {"role": "strategic", "full_name": "Serge"},
            ],
        ),
    )
    assert response.status_code == 302
    assert proposal.agents.get().full_name == "Anne"
    assert set(proposal.mentors.values_list("role", flat=True)) == {"operational", "strategic"}


def test_a_started_agent_row_needs_its_fields(agent_client, agent, call):
    proposal = draft(call, agent)
    response = agent_client.post(
        step_url(proposal, "equipe"), team_data(agents=[{"full_name": "Anne"}])
    )
    page = response.content.decode()
    assert "réponse" in page and "à corriger" in page
    assert "Anne" in page
    assert not proposal.agents.exists()


def seats_data(profiles, **fields):
    data = {"seats-TOTAL_FORMS": len(profiles), "seats-INITIAL_FORMS": 0, "navigation": "next"}
    for index, profile in enumerate(profiles):
        data[f"seats-{index}-profile"] = profile
    return {**data, **fields}


def test_the_number_of_fellows_sought_follows_the_seats(agent_client, agent, call):
    proposal = draft(call, agent)
    agent_client.post(
        step_url(proposal, "postes"),
        seats_data(["dev", "data", "design"], location="Lyon", remote_policy="partial"),
    )
    proposal.refresh_from_db()
    assert proposal.seats.count() == 3 and proposal.fellows_sought == 3
    assert proposal.location == "Lyon"


def test_more_than_three_seats_are_refused(agent_client, agent, call):
    proposal = draft(call, agent)
    response = agent_client.post(
        step_url(proposal, "postes"), seats_data(["a", "b", "c", "d"], location="Lyon")
    )
    assert "Veuillez soumettre au plus 3 formulaires" in response.content.decode()
    assert not proposal.seats.exists()


def test_the_review_lists_what_is_missing_to_submit(agent_client, agent, call):
    proposal = draft(call, agent)
    page = agent_client.get(review_url(proposal)).content.decode()
    for label in (
        "Votre administration",
        "Nom du défi",
        "Au moins un agent de l’équipe",
        "Un mentor opérationnel",
        "Un mentor stratégique",
        "Deux ou trois postes d’EIG",
        "Lieu de travail des EIG",
    ):
        assert label in page
    assert "Déposer la proposition" not in page
    response = agent_client.post(review_url(proposal))
    assert response.status_code == 400
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DRAFT


def test_one_seat_is_not_enough_to_submit(agent, call):
    proposal = complete(draft(call, agent))
    proposal.seats.first().delete()
    labels = [item.label for item in steps.missing_items(proposal)]
    assert labels == ["Deux ou trois postes d’EIG, chacun avec son profil"]


def test_submission_is_idempotent_and_confirmed_to_every_author(
    agent_client, agent, colleague, call, mailoutbox
):
    proposal = complete(draft(call, agent))
    proposal.authors.create(email=colleague.email, user=colleague)
    response = agent_client.post(review_url(proposal), follow=True)
    assert "Votre proposition est déposée" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED and proposal.submitted_at
    transition = ProposalTransition.objects.get(proposal=proposal)
    assert (transition.from_status, transition.to_status, transition.actor) == (
        "draft",
        "submitted",
        agent,
    )
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert sorted(mail.to) == sorted([agent.email, colleague.email])
    assert f"http://testserver/administration/propositions/{proposal.public_id}/" in mail.body or (
        f"/administration/propositions/{proposal.public_id}/recapitulatif/" in mail.body
    )
    submitted_at = proposal.submitted_at

    again = agent_client.post(review_url(proposal), follow=True)
    assert "déjà déposée : rien n’a changé" in again.content.decode()
    proposal.refresh_from_db()
    assert proposal.submitted_at == submitted_at
    assert ProposalTransition.objects.filter(proposal=proposal).count() == 1
    assert len(mailoutbox) == 1


def test_the_confirmation_links_are_absolute(agent, call, mailoutbox, settings):
    settings.SITE_URL = "https://eig.example.gouv.fr"
    proposal = complete(draft(call, agent))
    services.submit(proposal=proposal, user=agent)
    body = mailoutbox[0].body
    assert f"https://eig.example.gouv.fr/administration/propositions/{proposal.public_id}/" in body
    assert "https://eig.example.gouv.fr/administration/\n" in body


def test_an_edit_after_submission_becomes_the_submitted_version(agent_client, agent, call):
    proposal = complete(draft(call, agent))
    services.submit(proposal=proposal, user=agent, now=timezone.now() - datetime.timedelta(hours=1))
    first = Proposal.objects.get(pk=proposal.pk).submitted_at
    response = agent_client.post(step_url(proposal, "donnees"), {"data_and_resources": "Plus."})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.data_and_resources == "Plus." and proposal.submitted_at > first
    assert AuditEntry.objects.filter(action=Action.PROPOSAL_EDITED_AFTER_SUBMISSION).exists()


def test_a_submitted_proposal_stays_complete(agent_client, agent, call):
    proposal = complete(draft(call, agent))
    services.submit(proposal=proposal, user=agent)
    response = agent_client.post(step_url(proposal, "donnees"), {"data_and_resources": ""})
    assert "Renseignez ce champ pour déposer la proposition." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.data_and_resources == "Dix ans de contrôles, en base."
    # Removing the only agent would leave it incomplete: nothing changes.
    agent_row = proposal.agents.get()
    data = {
        "agents-TOTAL_FORMS": 1,
        "agents-INITIAL_FORMS": 1,
        "agents-0-id": agent_row.pk,
        "agents-0-full_name": agent_row.full_name,
        "agents-0-role": agent_row.role,
        "agents-0-time_share": agent_row.time_share,
        "agents-0-DELETE": "on",
        "mentors-TOTAL_FORMS": 0,
        "mentors-INITIAL_FORMS": 0,
    }
    page = agent_client.post(step_url(proposal, "equipe"), data).content.decode()
    assert "Au moins un agent de l’équipe" in page
    assert proposal.agents.exists()


def test_after_the_deadline_everything_is_read_only_and_a_post_is_refused(
    agent_client, agent, call
):
    proposal = draft(call, agent, title="Avant la clôture")
    call.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    call.save()
    page = agent_client.get(step_url(proposal, "defi")).content.decode()
    assert "Proposition en lecture seule" in page and "est clos depuis le" in page
    assert "<textarea" not in page
    response = agent_client.post(step_url(proposal, "defi"), {"title": "Après la clôture"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Après la clôture" in page  # what was typed is shown again, not lost
    assert "n’est pas enregistrée" in page
    proposal.refresh_from_db()
    assert proposal.title == "Avant la clôture"
    complete(proposal)
    assert agent_client.post(review_url(proposal)).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DRAFT


def test_once_the_team_moved_it_the_proposal_is_read_only(agent_client, agent, call):
    proposal = draft(call, agent, status=Proposal.Status.ADMISSIBLE)
    response = agent_client.post(step_url(proposal, "defi"), {"title": "Changé"})
    assert response.status_code == 403
    assert "entre les mains de l’équipe du programme" in response.content.decode()


def test_the_space_lists_the_proposals_in_words_of_an_agent(agent_client, agent, call):
    draft(call, agent, title="Mon brouillon")
    draft(call, agent, title="Ma proposition déposée", status=Proposal.Status.SUBMITTED)
    draft(
        call,
        agent,
        title="Celle du jury",
        status=Proposal.Status.NOT_RETAINED,
    )
    page = agent_client.get("/administration/").content.decode()
    assert "Mon brouillon" in page and "Brouillon : pas encore déposée" in page
    assert "Déposée : l’équipe du programme l’examinera" in page
    # The jury's outcome is told only once the decision is sent.
    assert "En cours d’examen : décision à venir" in page
    assert "Non retenue" not in page
