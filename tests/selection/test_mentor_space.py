"""The mentors' area: the stages they see, a filter by stage, a short opinion the team reads."""

import pytest
from django.urls import reverse

from eig.applications.models import Application
from eig.audit.models import Action, AuditEntry
from eig.selection.models import OPINION_MAX_LENGTH, MentorOpinion
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    ChallengeChoiceFactory,
    MentorFactory,
    OpenCallCohortFactory,
)

Status = Application.Status


@pytest.fixture
def cohort(db):
    return OpenCallCohortFactory(mentors_see_from_stage="shortlisted")


def application_choosing(challenge, status, name):
    application = ApplicationFactory(
        cohort=challenge.cohort,
        candidate=CandidateFactory(username=f"{name.lower()}@example.fr"),
        submitted=True,
        first_name=name,
        last_name="Test",
    )
    ChallengeChoiceFactory(application=application, challenge=challenge, rank=3)
    Application.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()
    return application


@pytest.fixture
def mentor_client(client, mentor):
    client.force_login(mentor.user)
    return client


@pytest.fixture
def shortlisted(challenge):
    return application_choosing(challenge, Status.SHORTLISTED, "Alice")


def opinion_url(application):
    return reverse("mentor:application", args=[application.public_id])


def test_home_explains_the_stage_opened_to_mentors(mentor_client, shortlisted):
    html = mentor_client.get(reverse("mentor:home")).content.decode()

    assert "à partir de l’étape « présélectionnée »" in html
    assert "Alice Test" in html
    assert "À donner" in html


def test_home_filters_by_stage(mentor_client, challenge, shortlisted):
    application_choosing(challenge, Status.INVITED, "Bruno")

    html = mentor_client.get(reverse("mentor:home"), {"stage": "invited"}).content.decode()

    assert "Bruno Test" in html
    assert "Alice Test" not in html


def test_an_unknown_stage_in_the_filter_is_said_and_lists_everything(mentor_client, shortlisted):
    response = mentor_client.get(reverse("mentor:home"), {"stage": "n-importe-quoi"})

    assert response.status_code == 200
    assert "Alice Test" in response.content.decode()
    assert response.context["form"].errors["stage"]


def test_mentor_gives_an_opinion_journalled_and_then_changes_it(mentor_client, mentor, shortlisted):
    response = mentor_client.post(
        opinion_url(shortlisted), {"text": "Très bon profil pour le défi.", "stance": "favourable"}
    )

    assert response.status_code == 302
    opinion = MentorOpinion.objects.get(application=shortlisted)
    assert (opinion.author, opinion.stance) == (mentor.user, "favourable")
    assert AuditEntry.objects.filter(action=Action.MENTOR_OPINION_GIVEN, actor=mentor.user).exists()

    mentor_client.post(opinion_url(shortlisted), {"text": "Des réserves finalement.", "stance": ""})

    opinion.refresh_from_db()
    assert (opinion.text, opinion.stance) == ("Des réserves finalement.", "")
    assert MentorOpinion.objects.count() == 1
    assert AuditEntry.objects.filter(action=Action.MENTOR_OPINION_CHANGED).count() == 1
    html = mentor_client.get(reverse("mentor:home")).content.decode()
    assert "Donné" in html


def test_a_too_long_opinion_is_refused_with_what_was_typed_kept(mentor_client, shortlisted):
    typed = "x" * (OPINION_MAX_LENGTH + 1)

    response = mentor_client.post(opinion_url(shortlisted), {"text": typed, "stance": "reserved"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "1000 caractères" in html
    assert typed in html
    assert not MentorOpinion.objects.exists()


def test_an_empty_opinion_is_refused(mentor_client, shortlisted):
    response = mentor_client.post(opinion_url(shortlisted), {"text": "", "stance": "favourable"})

    assert response.status_code == 200
    assert response.context["opinion_form"].errors["text"]
    assert not MentorOpinion.objects.exists()


def test_each_mentor_edits_only_their_own_opinion(client, challenge, mentor, shortlisted):
    other = MentorFactory(challenge=challenge, signs_in=True)
    MentorOpinion.objects.create(application=shortlisted, author=mentor.user, text="Le mien")
    client.force_login(other.user)

    response = client.get(opinion_url(shortlisted))
    client.post(opinion_url(shortlisted), {"text": "Le mien, autre", "stance": ""})

    assert "Le mien" not in response.content.decode()
    assert set(MentorOpinion.objects.values_list("author", "text")) == {
        (mentor.user.pk, "Le mien"),
        (other.user.pk, "Le mien, autre"),
    }


def test_a_mentor_cannot_give_an_opinion_before_the_opened_stage(mentor_client, challenge, cohort):
    early = application_choosing(challenge, Status.ELIGIBLE, "Chloe")

    response = mentor_client.post(opinion_url(early), {"text": "Avis", "stance": ""})

    assert response.status_code == 404
    assert not MentorOpinion.objects.exists()


def test_the_team_reads_the_opinions_on_the_application_page(team_client, mentor, shortlisted):
    MentorOpinion.objects.create(
        application=shortlisted, author=mentor.user, text="Solide en données.", stance="reserved"
    )

    html = team_client.get(
        reverse("backoffice:application_detail", args=[shortlisted.public_id])
    ).content.decode()

    assert "Avis des mentors" in html
    assert "Solide en données." in html
    assert f"{mentor.full_name} ({mentor.challenge.name})" in html
    assert "Réservé" in html


def test_anonymisation_blanks_the_opinions(mentor, shortlisted):
    from eig.selection.personal_data import JuryWork

    MentorOpinion.objects.create(application=shortlisted, author=mentor.user, text="Nommé")

    JuryWork().erase([shortlisted.pk])

    assert MentorOpinion.objects.get().text == ""
