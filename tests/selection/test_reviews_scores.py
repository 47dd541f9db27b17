"""The team's view of the scores: raw and calibrated side by side, disagreements, rankings."""

import math

import pytest

from eig.selection import scoring
from eig.selection.reviews import cohort_scores, save_review
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    ChallengeChoiceFactory,
    ChallengeFactory,
    ReviewerFactory,
)

SCORED = [c.key for c in scoring.DEFAULT_CRITERIA if c.scored]


def review(reviewer, application, value, verdict="neutre", **scores):
    pair = AssignmentFactory(reviewer=reviewer, application=application, released=True)
    data = {"scores": dict.fromkeys(SCORED, value) | scores, "verdict": verdict}
    return save_review(assignment=pair, by=reviewer.user, data=data, submit=True)


@pytest.fixture
def example(cohort):
    """A severe reviewer gives 2 and 1, a lenient one 5 and 4: same judgement, other levels.

    All four chose the défi as their second choice.
    """
    severe = ReviewerFactory(cohort=cohort, full_name="Sévère")
    lenient = ReviewerFactory(cohort=cohort, full_name="Indulgent")
    apps = ApplicationFactory.create_batch(4, cohort=cohort, submitted=True)
    challenge = ChallengeFactory(cohort=cohort, slug="defi-commun", name="Défi commun")
    for application in apps:
        ChallengeChoiceFactory(application=application, challenge=challenge, rank=2)
    review(severe, apps[0], 2)
    review(severe, apps[1], 1)
    review(lenient, apps[2], 5)
    review(lenient, apps[3], 4)
    return apps, challenge


def url(cohort):
    return f"/equipe/selection/{cohort.number}/notes/"


def test_severe_and_lenient_reviewers_weigh_the_same_once_calibrated(cohort, example):
    apps, _challenge = example
    _criteria, scores = cohort_scores(cohort)
    assert scores[apps[0].pk].raw_overall == 2
    assert scores[apps[2].pk].raw_overall == 5
    expected = 3 + math.sqrt(2.5)  # jury mean 3, sd √2.5; both reviewers' best is z = +1
    assert scores[apps[0].pk].calibrated_overall == pytest.approx(expected)
    assert scores[apps[2].pk].calibrated_overall == pytest.approx(expected)


def test_the_team_sees_raw_and_calibrated_side_by_side(client, carol, cohort, example):
    apps, _challenge = example
    client.force_login(carol)
    response = client.get(url(cohort))
    assert response.status_code == 200
    rows = {row["application"].pk: row for row in response.context["rows"]}
    assert rows[apps[0].pk]["scores"].review_count == 1
    text = response.text
    assert "2,00" in text and "5,00" in text and "4,58" in text
    assert "Note globale brute" in text and "Note globale calibrée" in text
    assert "Notes" in text  # the team navigation


def test_a_disagreement_is_flagged_with_its_reasons(client, carol, cohort):
    application = ApplicationFactory(cohort=cohort, submitted=True)
    first = ReviewerFactory(cohort=cohort, full_name="Anne")
    second = ReviewerFactory(cohort=cohort, full_name="Bruno")
    review(first, application, 3, verdict="coup_de_coeur", dynamisme=1)
    review(second, application, 3, verdict="defavorable", dynamisme=4)
    client.force_login(carol)
    text = client.get(url(cohort)).text
    assert "Désaccord" in text
    assert "notes 1 (Anne) et 4 (Bruno), écart de 3" in text
    assert "Avis opposés : Coup de cœur (Anne) et Avis défavorable (Bruno)" in text


def test_a_draft_is_not_counted(cohort, bob):
    pair = AssignmentFactory(reviewer=bob, released=True)
    save_review(assignment=pair, by=bob.user, data={"scores": {"dynamisme": 5}}, submit=False)
    assert cohort_scores(cohort)[1] == {}


def test_the_ranking_per_defi_calibrated_by_default_raw_on_request(client, carol, cohort, example):
    apps, challenge = example
    unreviewed = ApplicationFactory(cohort=cohort, submitted=True)
    ChallengeChoiceFactory(application=unreviewed, challenge=challenge, rank=2)
    ranking = f"{url(cohort)}defis/{challenge.slug}/"
    client.force_login(carol)

    response = client.get(ranking)
    assert response.status_code == 200
    order = [row["application"].pk for row in response.context["rows"]]
    assert order == [apps[0].pk, apps[2].pk, apps[1].pk, apps[3].pk, unreviewed.pk]
    assert "non évaluée" in response.text

    raw = client.get(ranking + "?brut=1")
    order = [row["application"].pk for row in raw.context["rows"]]
    assert order == [apps[2].pk, apps[3].pk, apps[0].pk, apps[1].pk, unreviewed.pk]
    assert client.get(f"{url(cohort)}defis/inconnu/").status_code == 404


@pytest.mark.parametrize("path", ["", "defis/defi-commun/"])
def test_team_pages_access_for_every_role(client, cohort, example, bob, carol, path):
    alice = ApplicationFactory(cohort=cohort, submitted=True).candidate
    page = url(cohort) + path

    response = client.get(page)
    assert response.status_code == 302
    assert "/connexion/" in response.url

    client.force_login(alice)
    assert client.get(page).status_code == 404
    client.force_login(bob.user)
    assert client.get(page).status_code == 404
    client.force_login(carol)
    assert client.get(page).status_code == 200
