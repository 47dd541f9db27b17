"""Decisions that cannot mislead: the défi of each one's team, a confirmation page before any
send, the people left out named with their reason."""

import pytest
from django.utils import timezone

from eig.applications.models import Application, ChallengeChoice
from eig.audit.models import Action, AuditEntry
from eig.decisions.models import DecisionNotice, DecisionTemplate, Placement
from eig.decisions.services import (
    SendingRefused,
    decision_templates,
    place_retained,
    send_decisions,
)
from eig.teams.services import lock, propose_teams, publish
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory

Status = Application.Status


@pytest.fixture
def cohort(db):
    return CohortFactory(is_published=True, team_size_min=1, team_size_max=3)


@pytest.fixture
def challenges(cohort):
    return [ChallengeFactory(cohort=cohort, name=name) for name in ("Albatros", "Boréal", "Cyan")]


def person(cohort, first_name, choices, status=Status.SELECTED, last_name="Martin"):
    application = ApplicationFactory(
        cohort=cohort, submitted=True, status=status, first_name=first_name, last_name=last_name
    )
    application.choices.all().delete()
    for rank, challenge in enumerate(choices, start=1):
        ChallengeChoice.objects.create(
            application=application, challenge=challenge, rank=rank, contribution="x"
        )
    return application


def send_url(cohort, outcome):
    return f"/equipe/decisions/{cohort.number}/{outcome}/envoyer/"


def confirm(team_client, cohort, outcome, **fields):
    """Open the confirmation page, then post it as the team would."""
    page = team_client.get(send_url(cohort, outcome))
    data = {"recipients": page.context["form"]["recipients"].value(), **fields}
    return team_client.post(send_url(cohort, outcome), data)


def test_published_teams_give_each_retained_person_the_one_défi_of_their_team(
    cohort, challenges, carol, mailoutbox, django_capture_on_commit_callbacks
):
    zoe = person(cohort, "Zoé", challenges)  # three défis chosen
    proposal = propose_teams(cohort=cohort, by=carol)
    lock(proposal, by=carol)
    publish(proposal, by=carol)
    placed = Placement.objects.get(application=zoe).challenge
    assert placed in challenges
    decision_templates(cohort)

    with django_capture_on_commit_callbacks(execute=True):
        send_decisions(cohort=cohort, outcome=Status.SELECTED, by=carol)

    [mail] = mailoutbox
    assert f"pour le défi suivant : {placed.name}." in mail.body
    for other in challenges:
        if other != placed:
            assert other.name not in mail.body
    assert not AuditEntry.objects.filter(action=Action.DECISIONS_SENT_BEFORE_TEAMS).exists()


def test_the_retained_template_refuses_the_list_of_chosen_défis(team_client, cohort):
    response = team_client.post(
        f"/equipe/decisions/{cohort.number}/selected/modele/",
        {"selected-subject": "Retenue", "selected-body": "Bravo pour {défis} !"},
    )

    html = response.content.decode()
    assert "utilisez {défi}, le défi de son équipe" in html
    assert "Bravo pour {défis} !" in html  # what was typed stays
    assert "{défis}" not in DecisionTemplate.objects.get(cohort=cohort, outcome="selected").body
    # The other outcomes keep the list of chosen défis, and refuse the team's défi.
    refused = team_client.post(
        f"/equipe/decisions/{cohort.number}/waitlisted/modele/",
        {"waitlisted-subject": "Attente", "waitlisted-body": "Défi : {défi}"},
    )
    assert "Champ inconnu : {défi}" in refused.content.decode()


def test_the_confirmation_page_counts_previews_real_people_and_sends_nothing(
    team_client, cohort, challenges, mailoutbox
):
    one = person(cohort, "Ugo", challenges[:1], status=Status.REJECTED, last_name="Abel")
    three = person(cohort, "Véra", challenges, status=Status.REJECTED, last_name="Zola")
    person(cohort, "Will", challenges[1:2], status=Status.REJECTED, last_name="Bach")
    person(cohort, "Inès", challenges[:1], status=Status.WAITLISTED)
    template = decision_templates(cohort)[Status.REJECTED]
    template.body += "\n(Défis : {défis})"
    template.save()

    response = team_client.get(send_url(cohort, "rejected"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "3 personnes recevront cet e-mail" in html
    previews = response.context["previews"]
    assert [preview["application"] for preview in previews][0] == three
    assert len(previews) == 3 and one in [preview["application"] for preview in previews]
    assert "Pour Véra Zola (3 défis choisis)" in html
    assert "(Défis : Albatros, Boréal, Cyan)" in html
    summary = {row["label"]: row["pending"] for row in response.context["summary"]}
    assert summary == {"retenue": 0, "liste d'attente": 1, "non retenue": 3}
    assert "Envoyer à 3 candidat·e·s" in html
    assert mailoutbox == [] and not DecisionNotice.objects.exists()


def test_retained_waits_for_the_teams_unless_the_team_confirms_and_is_journalled(
    team_client, cohort, challenges, carol, mailoutbox, django_capture_on_commit_callbacks
):
    person(cohort, "Zoé", challenges)
    decision_templates(cohort)

    page = team_client.get(send_url(cohort, "selected")).content.decode()
    assert "Les équipes ne sont pas publiées" in page
    assert "peut se retrouver sans équipe" in page
    assert "à confirmer lors de la formation des équipes" in page  # the preview says it

    refused = confirm(team_client, cohort, "selected")
    assert refused.status_code == 200
    assert "Cochez cette case pour envoyer avant la publication des équipes" in (
        refused.content.decode()
    )
    assert not DecisionNotice.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        sent = confirm(team_client, cohort, "selected", before_teams="on")
    assert sent.status_code == 302
    [mail] = mailoutbox
    assert "pour le défi suivant : à confirmer lors de la formation des équipes." in mail.body
    override = AuditEntry.objects.get(action=Action.DECISIONS_SENT_BEFORE_TEAMS)
    assert (override.actor, override.data) == (carol, {"count": 1})
    assert AuditEntry.objects.get(action=Action.DECISIONS_SENT_SELECTED).data == {
        "count": 1,
        "left_out": 0,
    }


def test_retained_people_without_a_team_are_left_out_by_name_with_the_reason(
    team_client, cohort, challenges, mailoutbox, django_capture_on_commit_callbacks
):
    placed = person(cohort, "Zoé", challenges)
    unplaced = person(cohort, "Yann", challenges[:1], last_name="Sanséquipe")
    place_retained(
        members=[(placed.pk, challenges[1].pk), (unplaced.pk, None)],
        published_at=timezone.now(),
    )
    late = person(cohort, "Xavier", challenges[:1], last_name="Tardif")  # after publication
    decision_templates(cohort)

    page = team_client.get(send_url(cohort, "selected")).content.decode()
    assert "1 personne recevra cet e-mail" in page
    assert "2 personnes ne la recevront pas" in page
    assert "Yann Sanséquipe" in page
    assert "sans équipe dans la proposition d’équipes publiée" in page
    assert "Xavier Tardif" in page
    assert "retenue après la publication des équipes" in page

    with django_capture_on_commit_callbacks(execute=True):
        confirm(team_client, cohort, "selected")
    assert [mail.to for mail in mailoutbox] == [[placed.email]]
    assert not DecisionNotice.objects.filter(application__in=[unplaced, late]).exists()


def test_a_send_goes_only_to_the_people_the_team_confirmed(
    team_client, cohort, challenges, mailoutbox
):
    person(cohort, "Ugo", challenges[:1], status=Status.REJECTED)
    decision_templates(cohort)
    page = team_client.get(send_url(cohort, "rejected"))
    digest = page.context["form"]["recipients"].value()
    person(cohort, "Véra", challenges[:1], status=Status.REJECTED)  # moved meanwhile

    response = team_client.post(send_url(cohort, "rejected"), {"recipients": digest}, follow=True)

    assert "La liste des destinataires a changé" in response.content.decode()
    assert "2 personnes recevront cet e-mail" in response.content.decode()
    assert mailoutbox == [] and not DecisionNotice.objects.exists()


def test_an_outcome_without_its_template_is_refused_with_the_reason(
    team_client, cohort, challenges, carol, mailoutbox
):
    person(cohort, "Ugo", challenges[:1], status=Status.REJECTED)

    page = team_client.get(send_url(cohort, "rejected")).content.decode()
    assert "n’existe pas encore : ouvrez la page des décisions" in page
    assert "Envoyer à" not in page
    with pytest.raises(SendingRefused, match="n’existe pas encore"):
        send_decisions(cohort=cohort, outcome=Status.REJECTED, by=carol)
    assert not DecisionTemplate.objects.exists() and mailoutbox == []


def test_someone_told_they_are_retained_is_not_sent_another_outcome(
    cohort, challenges, carol, mailoutbox, django_capture_on_commit_callbacks
):
    application = person(cohort, "Zoé", challenges[:1])
    decision_templates(cohort)
    with django_capture_on_commit_callbacks(execute=True):
        send_decisions(cohort=cohort, outcome=Status.SELECTED, by=carol, before_teams=True)
    Application.objects.filter(pk=application.pk).update(status=Status.REJECTED)

    with pytest.raises(SendingRefused, match="ne peut la recevoir"):
        send_decisions(cohort=cohort, outcome=Status.REJECTED, by=carol)
    assert len(mailoutbox) == 1


def test_the_candidate_space_shows_the_défi_of_their_team_once_told(
    client, cohort, challenges, carol, django_capture_on_commit_callbacks
):
    application = person(cohort, "Zoé", challenges)
    place_retained(members=[(application.pk, challenges[2].pk)], published_at=timezone.now())
    decision_templates(cohort)
    client.force_login(application.candidate)
    assert "Votre défi" not in client.get("/mon-espace/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        send_decisions(cohort=cohort, outcome=Status.SELECTED, by=carol)

    html = client.get("/mon-espace/").content.decode()
    assert "Votre défi :</strong> Cyan" in html
    assert "Albatros" not in html


def test_the_rejection_e_mail_links_to_the_site_with_its_full_address(
    cohort, challenges, carol, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://eig.example.gouv.fr"
    person(cohort, "Ugo", challenges[:1], status=Status.REJECTED)
    decision_templates(cohort)

    with django_capture_on_commit_callbacks(execute=True):
        send_decisions(cohort=cohort, outcome=Status.REJECTED, by=carol)

    [mail] = mailoutbox
    assert "vos données : https://eig.example.gouv.fr/donnees-personnelles/" in mail.body
