"""The final score: the written reviews combined with the audition, wherever scores are used.

(1 − w) × calibrated written mean + w × audition mean, w = cohort.audition_weight / 100, for
an auditioned person; the written score alone for the others.
"""

import math

import pytest

from eig.auditions import services as auditions
from eig.auditions.criteria import CRITERIA
from eig.selection import score_tables, scoring
from eig.selection.reviews import cohort_scores, final_scores
from eig.teams.services import propose_teams
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    ChallengeFactory,
    InterviewFactory,
    InterviewSlotFactory,
    ReviewerFactory,
)
from tests.selection.test_reviews_scores import review

# --- The maths, on plain numbers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "audition", "weight", "expected"),
    [
        (3.0, 5.0, 50, 4.0),
        (3.0, 5.0, 25, 3.5),
        (4.2, 2.0, 0, 4.2),  # the audition does not count
        (4.2, 2.0, 100, 2.0),  # only the audition counts
        (5.6, 4.0, 50, 4.8),  # a calibrated score above 5 is combined as it is
        (3.7, None, 50, 3.7),  # not auditioned: the written score
        (3.7, None, 100, 3.7),
        (None, 4.5, 50, 4.5),  # auditioned without written review: the audition
        (None, None, 50, None),
    ],
)
def test_the_final_score_weighs_the_audition(written, audition, weight, expected):
    result = scoring.final_score(written, audition, audition_weight=weight)
    assert result == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize("weight", [-1, 101, "50", None, True, math.nan])
def test_a_weight_outside_0_to_100_is_refused(weight):
    with pytest.raises(ValueError, match="poids des auditions"):
        scoring.final_score(3.0, 4.0, audition_weight=weight)


def test_the_audition_mean_weighs_each_member_the_same():
    # One member's mean is 4, the other's 2: the audition is 3, whatever the number of scores.
    assert scoring.audition_mean([{"a": 4, "b": 4, "c": 4}, {"a": 2}]) == 3
    assert scoring.audition_mean([{"a": 5, "b": 4}, {}]) == 4.5  # an empty grid is left out
    assert scoring.audition_mean([]) is None
    with pytest.raises(ValueError, match="hors de l'échelle"):
        scoring.audition_mean([{"a": 6}])


def test_the_ranking_follows_the_final_scores_given():
    reviews = [
        scoring.Review("r", 1, dict.fromkeys(SCORED, 4), "neutre"),
        scoring.Review("r", 2, dict.fromkeys(SCORED, 3), "neutre"),
    ]
    scores = scoring.aggregate(reviews)
    choices = {1: ["d"], 2: ["d"], 3: ["d"]}

    by_reviews = scoring.rank_for_challenge("d", choices, scores)
    by_final = scoring.rank_for_challenge("d", choices, scores, final={1: 3.5, 2: 4.0, 3: 4.8})

    assert [entry.application for entry in by_reviews] == [1, 2, 3]
    assert [entry.application for entry in by_final] == [3, 2, 1]
    assert [entry.score for entry in by_final] == [4.8, 4.0, 3.5]


# --- Everywhere the scores are used ------------------------------------------------------------

SCORED = [c.key for c in scoring.DEFAULT_CRITERIA if c.scored]


def grade(application, *marks):
    """An audition for `application`, each member of its panel giving one mark to everything."""
    members = [CandidateFactory() for _mark in marks]
    slot = InterviewSlotFactory(cohort=application.cohort, panel=members)
    interview = InterviewFactory(slot=slot, application=application)
    for member, mark in zip(members, marks, strict=True):
        auditions.save_grid(
            interview=interview, member=member, scores={key: (mark, "") for key, _l in CRITERIA}
        )
    return interview


@pytest.fixture
def two_candidates(cohort):
    """Written: the first 4, the second 3 (one reviewer, so calibrated = raw here: ranks hold).
    Audition: only the second, 5 from one member and 4 from the other (mean 4.5)."""
    reviewer = ReviewerFactory(cohort=cohort)
    challenge = ChallengeFactory(cohort=cohort, slug="defi")
    first, second = ApplicationFactory.create_batch(
        2, cohort=cohort, submitted=True, choice__challenge=challenge
    )
    review(reviewer, first, 4)
    review(reviewer, second, 3)
    grade(second, 5, 4)
    return first, second, challenge


def expected(cohort, application, weight):
    written = cohort_scores(cohort)[1][application.pk].calibrated_overall
    return (1 - weight / 100) * written + weight / 100 * 4.5


@pytest.mark.parametrize("weight", [0, 50, 100])
def test_final_scores_combine_the_audition_of_the_auditioned_only(cohort, two_candidates, weight):
    first, second, _challenge = two_candidates
    cohort.audition_weight = weight
    cohort.save()
    _criteria, scores = cohort_scores(cohort)

    finals = final_scores(cohort, scores)

    assert finals[first.pk].audition is None
    assert finals[first.pk].final == scores[first.pk].calibrated_overall
    assert finals[second.pk].audition == 4.5
    assert finals[second.pk].final == pytest.approx(expected(cohort, second, weight))


def test_the_scores_page_and_ranking_put_the_auditioned_first(
    client, carol, cohort, two_candidates
):
    first, second, challenge = two_candidates
    cohort.audition_weight = 100
    cohort.save()
    client.force_login(carol)

    scores_page = client.get(f"/equipe/selection/{cohort.number}/notes/")
    ranking = client.get(f"/equipe/selection/{cohort.number}/notes/defis/{challenge.slug}/")

    assert [row["application"] for row in scores_page.context["rows"]] == [second, first]
    assert [row["application"] for row in ranking.context["rows"]] == [second, first]
    assert ranking.context["rows"][0]["entry"].score == pytest.approx(4.5)
    assert "4,50" in scores_page.text and "4,50" in ranking.text
    assert "Comment la note finale est calculée" in scores_page.text
    assert "peut dépasser 5 ou descendre sous 1" in scores_page.text
    assert "100 % de la note d’audition" in scores_page.text


def test_without_weight_the_written_reviews_rank(client, carol, cohort, two_candidates):
    first, second, challenge = two_candidates
    cohort.audition_weight = 0
    cohort.save()

    rows = score_tables.ranking_rows(cohort, challenge, cohort_scores(cohort)[1], calibrated=False)

    assert [row["application"] for row in rows] == [first, second]
    assert [row["entry"].score for row in rows] == [4, 3]


def test_the_raw_ranking_combines_the_raw_written_score(cohort, two_candidates):
    _first, second, challenge = two_candidates  # weight 50 by default
    rows = score_tables.ranking_rows(cohort, challenge, cohort_scores(cohort)[1], calibrated=False)
    by_application = {row["application"]: row for row in rows}
    assert by_application[second]["entry"].score == pytest.approx(0.5 * 3 + 0.5 * 4.5)
    assert by_application[second]["final"].written == 3


def test_the_teams_are_formed_on_the_final_score(cohort, two_candidates):
    first, second, challenge = two_candidates
    challenge.fellows_sought = 1
    challenge.status = "open"
    challenge.save()
    cohort.audition_weight = 100
    cohort.save()
    type(first).objects.filter(pk__in=[first.pk, second.pk]).update(status="selected")

    proposal = propose_teams(cohort=cohort)

    placed = proposal.members.get(challenge=challenge)
    assert placed.application == second  # 4.5 at the audition beats 4 on paper
    assert placed.score == pytest.approx(4.5 + 0.5)  # plus the first-choice bonus
