"""A défi's page tells what came out of it, once its promotion is over."""

import datetime

from eig.challenges.models import Challenge, KeyFigure, Outcome, ResultLink
from tests.factories import ChallengeFactory, CohortFactory


def finished_challenge(status=Challenge.Status.IN_PROGRESS):
    cohort = CohortFactory(ends_on=datetime.date(2018, 11, 30))
    challenge = ChallengeFactory(
        cohort=cohort,
        status=status,
        results_summary="Un outil de détection des entreprises en difficulté.",
        outcome=Outcome.MAINTAINED,
        outcome_details="La direction l’a reprise avec deux développeurs.",
    )
    ResultLink.objects.create(
        challenge=challenge,
        kind=ResultLink.Kind.CODE,
        title="Le dépôt du projet",
        url="https://code.example/signaux",
    )
    KeyFigure.objects.create(challenge=challenge, value="2 300", label="entreprises suivies")
    return challenge


def test_results_are_shown_once_the_promotion_is_over(client, db):
    challenge = finished_challenge()

    html = client.get(challenge.get_absolute_url()).content.decode()

    assert "Ce qui en est sorti" in html
    assert "Un outil de détection des entreprises en difficulté." in html
    assert 'href="https://code.example/signaux"' in html
    assert "2 300" in html and "entreprises suivies" in html
    assert "Maintenu par l’administration" in html
    assert "deux développeurs" in html


def test_results_stay_hidden_while_the_promotion_runs(client, db):
    challenge = finished_challenge()
    challenge.cohort.ends_on = datetime.date.today() + datetime.timedelta(days=30)
    challenge.cohort.save()

    html = client.get(challenge.get_absolute_url()).content.decode()

    assert "Ce qui en est sorti" not in html
    assert "code.example/signaux" not in html


def test_a_completed_challenge_shows_its_results_even_without_an_end_date(client, db):
    challenge = finished_challenge(status=Challenge.Status.COMPLETED)
    challenge.cohort.ends_on = None
    challenge.cohort.save()

    assert "Ce qui en est sorti" in client.get(challenge.get_absolute_url()).content.decode()


def test_a_finished_challenge_without_results_says_they_are_to_come(client, db):
    cohort = CohortFactory(ends_on=datetime.date(2018, 11, 30))
    challenge = ChallengeFactory(cohort=cohort, status=Challenge.Status.COMPLETED)

    html = client.get(challenge.get_absolute_url()).content.decode()

    assert "Les résultats de ce défi n’ont pas encore été publiés." in html


def test_the_team_edits_the_results_in_wagtail(team_client, db):
    challenge = finished_challenge()

    response = team_client.get(f"/admin/snippets/challenges/challenge/edit/{challenge.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Résultats (affichés une fois la promotion terminée)" in html
    assert "result_links-TOTAL_FORMS" in html and "key_figures-TOTAL_FORMS" in html


def test_the_demo_shows_the_code_of_promotion_1_defis_as_their_results(client, demo):
    challenge = (
        Challenge.objects.filter(status=Challenge.Status.COMPLETED, cohort__number=1)
        .exclude(source_code_url="")
        .first()
    )

    html = client.get(challenge.get_absolute_url()).content.decode()

    assert "Ce qui en est sorti" in html
    assert f'href="{challenge.source_code_url}"' in html
    assert challenge.result_links.filter(kind=ResultLink.Kind.CODE).count() == 1
