"""Aggregation, calibration and ranking, on worked examples computed by hand in the comments,
then on random juries (hypothesis)."""

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eig.selection.scoring import (
    DEFAULT_CRITERIA,
    ApplicationScores,
    Criterion,
    Review,
    aggregate,
    calibrate,
    rank_for_challenge,
    validate_criteria,
    validate_review,
)

ONE = (Criterion("c", "Critère unique"),)


def review(reviewer, application, verdict="neutre", recommended=(), **scores):
    return Review(reviewer, application, scores, verdict, recommended)


def full_review(reviewer="r", application=1, score=3, **overrides):
    scores = {c.key: score for c in DEFAULT_CRITERIA if c.scored}
    fields = {"scores": scores, "verdict": "neutre", "checks": {"disponibilite": True}}
    fields |= overrides
    return Review(reviewer, application, **fields)


# --- The grid -------------------------------------------------------------------------------


def test_default_grid_has_five_scored_criteria_of_weight_one_and_the_availability_check():
    validate_criteria(DEFAULT_CRITERIA)
    scored = [c for c in DEFAULT_CRITERIA if c.scored]
    assert len(scored) == 5 and all(c.weight == 1 for c in scored)
    assert [c.key for c in DEFAULT_CRITERIA if not c.scored] == ["disponibilite"]
    assert "intérêt général" in DEFAULT_CRITERIA[2].label


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ((Criterion("a", "A"), Criterion("a", "B")), "« a » apparaît deux fois"),
        ((Criterion("a", "A", weight=0),), "« a » a un poids invalide"),
        ((Criterion("a", "A", weight=-1),), "« a » a un poids invalide"),
        ((Criterion("a", "A", weight=math.nan),), "« a » a un poids invalide"),
        ((Criterion("a", "A", weight=True),), "« a » a un poids invalide"),
        ((Criterion("a", " "),), "« a » n'a pas de libellé"),
        ((Criterion("", "A"),), "critère 1 n'a pas de clé"),
        ((Criterion("a", "A", scored=False),), "au moins un critère noté"),
        (("a",), "l'élément 1 n'est pas un critère"),
    ],
)
def test_bad_grids_are_refused_naming_the_criterion(criteria, message):
    with pytest.raises(ValueError, match=message):
        validate_criteria(criteria)


# --- A review -------------------------------------------------------------------------------


def test_a_complete_review_is_valid_and_a_draft_may_be_partial():
    validate_review(full_review())
    validate_review(Review("r", 1, {"dynamisme": 4}, None), draft=True)
    with pytest.raises(ValueError, match="note manquante"):
        validate_review(Review("r", 1, {"dynamisme": 4}, "neutre"))


@pytest.mark.parametrize("value", [0, 6, -1, 50])
def test_a_score_outside_the_scale_names_the_criterion_and_the_value(value):
    bad = full_review(
        scores={c.key: 3 for c in DEFAULT_CRITERIA if c.scored} | {"integration": value}
    )
    with pytest.raises(ValueError) as error:
        validate_review(bad)
    message = str(error.value)
    assert "Capacité à s'intégrer dans une administration" in message
    assert f"la note {value} est hors de l'échelle 1 à 5" in message
    assert "évaluation de r sur la candidature 1" in message


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"scores": {"inconnu": 3}}, "critère inconnu « inconnu »"),
        ({"scores": {"disponibilite": 3}}, "vérification oui/non"),
        ({"scores": {"dynamisme": 3.0}}, "note entière attendue, reçu 3.0"),
        ({"scores": {"dynamisme": True}}, "note entière attendue, reçu True"),
        ({"checks": {"disponibilite": "oui"}}, "oui ou non attendu"),
        ({"checks": {"dynamisme": True}}, "se note de 1 à 5"),
        ({"verdict": "enthousiaste"}, "avis 'enthousiaste' inconnu"),
        ({"verdict": None}, "avis None inconnu"),
        ({"recommended": ("d1", "d1")}, "un défi recommandé apparaît deux fois"),
        ({"recommended": "d1"}, "doivent former une liste"),
    ],
)
def test_bad_reviews_are_refused(overrides, message):
    if "scores" in overrides:  # complete the other scores so only the bad entry is wrong
        overrides["scores"] = {c.key: 3 for c in DEFAULT_CRITERIA if c.scored} | overrides["scores"]
    with pytest.raises(ValueError, match=message):
        validate_review(full_review(**overrides))


def test_aggregate_validates_everything_before_any_work():
    with pytest.raises(ValueError, match="la note 9 est hors de l'échelle"):
        aggregate([review("a", 1, c=3), review("b", 1, c=9)], ONE)
    duplicate = "le membre du jury a a deux évaluations de la candidature 1"
    with pytest.raises(ValueError, match=duplicate):
        aggregate([review("a", 1, c=3), review("a", 1, c=4)], ONE)
    assert aggregate([], ONE) == {}


# --- Worked examples ------------------------------------------------------------------------


def test_weighted_mean_with_weights_two_and_one():
    # Criterion a weighs 2, b weighs 1. Reviewer x: a=5, b=2; reviewer y: a=3, b=2.
    # Means per criterion: a = (5+3)/2 = 4, b = 2. Overall = (2×4 + 1×2) / 3 = 10/3.
    # Same as the mean of each review's weighted mean: x (10+2)/3 = 4, y (6+2)/3 = 8/3,
    # (4 + 8/3) / 2 = 10/3.
    grid = (Criterion("a", "A", weight=2), Criterion("b", "B", weight=1))
    [result] = aggregate([review("x", 1, a=5, b=2), review("y", 1, a=3, b=2)], grid).values()
    assert result.raw == {"a": 4.0, "b": 2.0}
    assert result.raw_overall == pytest.approx(10 / 3)
    assert result.review_count == 2


def test_severe_and_lenient_reviewers_of_different_applications_weigh_the_same():
    # Severe s gives 2, 3, 2 to p1, p2, p3; lenient l gives 4, 5, 4 to q1, q2, q3.
    # Both: mean m + 1/3 above their low score, sd = sqrt(((1/3)² + (2/3)² + (1/3)²)/3)
    # = sqrt(2/9) = √2/3, so z = -1/√2, √2, -1/√2 for each of them.
    # Jury: scores 2,3,2,4,5,4, mean M = 20/6 = 10/3; squared deviations 16/9, 1/9, 16/9,
    # 4/9, 25/9, 4/9 sum to 66/9, so D² = 11/9 and D = √11/3.
    # Calibrated: low = 10/3 - (√11/3)/√2 = 10/3 - √22/6 ≈ 2.5516,
    #             high = 10/3 + (√11/3)·√2 = 10/3 + √22/3 ≈ 4.8968.
    reviews = [
        *(review("s", f"p{i}", c=v) for i, v in enumerate([2, 3, 2], start=1)),
        *(review("l", f"q{i}", c=v) for i, v in enumerate([4, 5, 4], start=1)),
    ]
    results = aggregate(reviews, ONE)
    low, high = 10 / 3 - math.sqrt(22) / 6, 10 / 3 + math.sqrt(22) / 3
    for severe, lenient, expected in [("p1", "q1", low), ("p2", "q2", high), ("p3", "q3", low)]:
        assert results[severe].raw_overall + 2 == results[lenient].raw_overall
        assert results[severe].calibrated_overall == pytest.approx(expected)
        assert results[lenient].calibrated_overall == pytest.approx(expected)
    assert results["p2"].standardised_overall == pytest.approx(math.sqrt(2))
    calibration = calibrate(reviews, ONE)
    assert calibration.mean == pytest.approx(10 / 3)
    assert calibration.sd == pytest.approx(math.sqrt(11) / 3)
    assert calibration.reviewers["s"].mean == pytest.approx(7 / 3)
    assert calibration.reviewers["l"].sd == pytest.approx(math.sqrt(2) / 3)


def test_severe_and_lenient_reviewers_of_the_same_applications_agree_once_calibrated():
    # Same scores, but both reviewers read p1, p2, p3. Raw: p1 = (2+4)/2 = 3, p2 = 4, p3 = 3.
    # Calibrated: each review of p1 is 10/3 - √22/6, so p1 is too; p2 is 10/3 + √22/3.
    # Every criterion differs by exactly 2 points: all three applications are flagged.
    reviews = [
        *(review("s", f"p{i}", c=v) for i, v in enumerate([2, 3, 2], start=1)),
        *(review("l", f"p{i}", c=v) for i, v in enumerate([4, 5, 4], start=1)),
    ]
    calibration = calibrate(reviews, ONE)
    for i in (1, 2, 3):
        assert calibration.calibrated[("s", f"p{i}")]["c"] == pytest.approx(
            calibration.calibrated[("l", f"p{i}")]["c"]
        )
    results = aggregate(reviews, ONE)
    assert [results[f"p{i}"].raw_overall for i in (1, 2, 3)] == [3.0, 4.0, 3.0]
    assert results["p1"].calibrated_overall == pytest.approx(10 / 3 - math.sqrt(22) / 6)
    assert results["p2"].calibrated_overall == pytest.approx(10 / 3 + math.sqrt(22) / 3)
    [reason] = results["p2"].disagreements
    assert (reason.kind, reason.criterion, reason.reviewers, reason.values) == (
        "score",
        "c",
        ("l", "s"),  # reviewers in id order, values in the same order
        (5, 3),
    )
    assert str(reason) == "« Critère unique » : notes 5 (l) et 3 (s), écart de 2"


def test_a_gap_of_two_is_flagged_and_a_gap_of_one_is_not():
    # On p: a differs by 2 (1 vs 3), b by 1 (4 vs 5): one reason, on a. On q: gaps of 1 only.
    grid = (Criterion("a", "A"), Criterion("b", "B"))
    results = aggregate(
        [
            review("x", "p", a=1, b=4),
            review("y", "p", a=3, b=5),
            review("x", "q", a=2, b=4),
            review("y", "q", a=3, b=5),
        ],
        grid,
    )
    assert results["p"].disagreement and not results["q"].disagreement
    assert [(r.criterion, r.values) for r in results["p"].disagreements] == [("a", (1, 3))]


def test_every_pair_of_three_reviewers_is_examined():
    # Scores 1, 3, 5: the pairs (x, y) and (y, z) differ by 2, (x, z) by 4: three reasons.
    results = aggregate([review("x", 1, c=1), review("y", 1, c=3), review("z", 1, c=5)], ONE)
    assert [r.reviewers for r in results[1].disagreements] == [("x", "y"), ("x", "z"), ("y", "z")]


def test_opposite_verdicts_are_flagged_but_neutral_ones_are_not():
    # Same scores everywhere: only verdicts can disagree.
    results = aggregate(
        [
            review("a", 1, "coup_de_coeur", c=4),
            review("b", 1, "defavorable", c=4),
            review("a", 2, "coup_de_coeur", c=4),
            review("b", 2, "neutre", c=4),
            review("a", 3, "defavorable", c=4),
            review("b", 3, "neutre", c=4),
        ],
        ONE,
    )
    [reason] = results[1].disagreements
    assert (reason.kind, reason.criterion, reason.values) == (
        "verdict",
        None,
        ("coup_de_coeur", "defavorable"),
    )
    assert str(reason) == "Avis opposés : Coup de cœur (a) et Avis défavorable (b)"
    assert results[1].verdicts == {"coup_de_coeur": 1, "neutre": 0, "defavorable": 1}
    assert not results[2].disagreement and not results[3].disagreement


def test_a_reviewer_without_variance_or_with_a_single_score_gives_the_jury_mean():
    # Flat f gives 3 and 3 to x and y; d gives 1 to x and 5 to y; single o gives 5 to z.
    # Jury: 3, 3, 1, 5, 5: M = 17/5 = 3.4; squared deviations 0.16, 0.16, 5.76, 2.56, 2.56
    # sum to 11.2, D² = 2.24. f and o: z = 0, calibrated = M. d: mean 3, sd 2, z = -1, +1.
    # x: calibrated (3.4 + 3.4 - √2.24) / 2 = 3.4 - √2.24 / 2 ≈ 2.6517, raw (3+1)/2 = 2.
    # y: 3.4 + √2.24 / 2 ≈ 4.1483, raw 4. z: 3.4, raw 5.
    reviews = [
        review("f", "x", c=3),
        review("f", "y", c=3),
        review("d", "x", c=1),
        review("d", "y", c=5),
        review("o", "z", c=5),
    ]
    calibration = calibrate(reviews, ONE)
    assert calibration.reviewers["f"].sd == 0 and calibration.reviewers["o"].count == 1
    assert calibration.standardised[("f", "x")] == {"c": 0.0}
    assert calibration.standardised[("o", "z")] == {"c": 0.0}
    results = aggregate(reviews, ONE)
    assert results["x"].raw_overall == 2.0
    assert results["x"].calibrated_overall == pytest.approx(3.4 - math.sqrt(2.24) / 2)
    assert results["y"].calibrated_overall == pytest.approx(3.4 + math.sqrt(2.24) / 2)
    assert results["z"].calibrated_overall == pytest.approx(3.4)
    assert results["z"].standardised_overall == 0.0


def test_checks_and_recommendations_are_counted_but_never_scored():
    reviews = [
        full_review("a", 1, 4, recommended=("d1", "d2")),
        full_review("b", 1, 4, recommended=("d2",), checks={"disponibilite": False}),
        full_review("c", 1, 4, checks={}),
    ]
    [result] = aggregate(reviews).values()
    assert result.checks == {"disponibilite": (1, 1)}
    assert result.recommendations == {"d1": 1, "d2": 2}
    assert "disponibilite" not in result.raw and result.raw_overall == 4.0


# --- Ranking per défi -----------------------------------------------------------------------


def test_ranking_with_ties_broken_by_choice_rank_then_recommendations_then_id():
    # Raw scores: 1 → 4, 2 → 4, 3 → 4, 4 → 4, 5 → 5, 6 → 2; 7 has no review; 8 chose only d2.
    # 5 is first (best score). Among the four at 4: 2 put d first, 3 and 4 too, 1 second;
    # 3 and 4 have one recommendation each, 2 none → 3, 4 (by id), then 2, then 1.
    # Then 6 (score 2), then 7 (no review). 8 is not in the ranking.
    choices = {
        1: ["d2", "d"],
        2: ["d"],
        3: ["d", "d2"],
        4: ["d"],
        5: ["d3", "d2", "d"],
        6: ["d"],
        7: ["d"],
        8: ["d2"],
    }
    reviews = [
        review("r", 1, c=4, recommended=("d",)),
        review("r", 2, c=4),
        review("r", 3, c=4, recommended=("d",)),
        review("r", 4, c=4, recommended=("d", "d2")),
        review("r", 5, c=5),
        review("r", 6, c=2),
        review("r", 8, c=5),
    ]
    scores = aggregate(reviews, ONE)
    ranking = rank_for_challenge("d", choices, scores, calibrated=False)
    assert [
        (e.position, e.application, e.score, e.choice_rank, e.recommendations) for e in ranking
    ] == [
        (1, 5, 5.0, 3, 0),
        (2, 3, 4.0, 1, 1),
        (3, 4, 4.0, 1, 1),
        (4, 2, 4.0, 1, 0),
        (5, 1, 4.0, 2, 1),
        (6, 6, 2.0, 1, 0),
        (7, 7, None, 1, 0),
    ]
    calibrated = rank_for_challenge("d", choices, scores)
    assert [e.application for e in calibrated] == [e.application for e in ranking]
    assert calibrated[0].score == scores[5].calibrated_overall


def test_calibration_can_reorder_a_ranking():
    # Severe s: p1 = 3 (his best), p2 = 1. Lenient l: q1 = 5, q2 = 4 (her worst).
    # Raw order: q1, q2, p1, p2. Calibrated: each reviewer's best gets z = +1, worst -1,
    # so p1 and q1 tie (first by choice rank: p1 chose d first), then q2 and p2 tie.
    choices = {"p1": ["d"], "p2": ["d"], "q1": ["e", "d"], "q2": ["d"]}
    reviews = [review("s", "p1", c=3), review("s", "p2", c=1)]
    reviews += [review("l", "q1", c=5), review("l", "q2", c=4)]
    scores = aggregate(reviews, ONE)
    raw = rank_for_challenge("d", choices, scores, calibrated=False)
    assert [e.application for e in raw] == ["q1", "q2", "p1", "p2"]
    assert [e.application for e in rank_for_challenge("d", choices, scores)] == [
        "p1",
        "q1",
        "p2",
        "q2",
    ]


def test_ranking_refuses_a_choice_list_naming_a_defi_twice():
    with pytest.raises(ValueError, match="candidature 3 : un défi apparaît deux fois"):
        rank_for_challenge("d", {3: ["d", "d"]}, {})
    with pytest.raises(ValueError, match="candidature 3 : résultat d'aggregate attendu"):
        rank_for_challenge("d", {3: ["d"]}, {3: 4.0})


# --- Properties on random juries ------------------------------------------------------------

GRIDS = st.lists(st.integers(1, 3), min_size=1, max_size=3).map(
    lambda weights: tuple(Criterion(f"c{i}", f"Critère {i}", w) for i, w in enumerate(weights))
)


@st.composite
def juries(draw, top=5):
    """A grid and reviews: up to 4 reviewers, 4 applications, each pair reviewed or not."""
    grid = draw(GRIDS)
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=10, unique=True
        )
    )
    reviews = [
        Review(
            f"r{reviewer}",
            application,
            {c.key: draw(st.integers(1, top)) for c in grid},
            draw(st.sampled_from(["coup_de_coeur", "neutre", "defavorable"])),
            draw(st.lists(st.sampled_from(["d0", "d1"]), unique=True)),
        )
        for reviewer, application in pairs
    ]
    return grid, reviews


def transformed(reviews, reviewer, change):
    return [
        replace(r, scores={k: change(v) for k, v in r.scores.items()})
        if r.reviewer == reviewer
        else r
        for r in reviews
    ]


def assert_same_standardised(before, after):
    assert before.keys() == after.keys()
    for application, result in before.items():
        other = after[application]
        assert other.standardised_overall == pytest.approx(result.standardised_overall, abs=1e-9)
        for key, value in result.standardised.items():
            assert other.standardised[key] == pytest.approx(value, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(juries(), st.data())
def test_standardised_scores_ignore_a_reviewer_shifting_all_their_scores(jury, data):
    grid, reviews = jury
    reviewer = data.draw(st.sampled_from(sorted({r.reviewer for r in reviews})))
    given_scores = [v for r in reviews if r.reviewer == reviewer for v in r.scores.values()]
    shift = data.draw(st.integers(1 - min(given_scores), 5 - max(given_scores)))
    before = aggregate(reviews, grid)
    after = aggregate(transformed(reviews, reviewer, lambda v: v + shift), grid)
    assert_same_standardised(before, after)
    choices = {a: ["d0"] for a in range(4)}
    assert [e.application for e in rank_for_challenge("d0", choices, before)] == [
        e.application for e in rank_for_challenge("d0", choices, after)
    ]


@settings(max_examples=100, deadline=None)
@given(juries(top=3), st.data())
def test_standardised_scores_ignore_a_positive_affine_change_of_a_reviewer(jury, data):
    grid, reviews = jury
    reviewer = data.draw(st.sampled_from(sorted({r.reviewer for r in reviews})))
    before = aggregate(reviews, grid)
    after = aggregate(transformed(reviews, reviewer, lambda v: 2 * v - 1), grid)  # 1..3 → 1..5
    assert_same_standardised(before, after)


@settings(max_examples=150, deadline=None)
@given(juries())
def test_results_stay_within_their_bounds(jury):
    grid, reviews = jury
    calibration = calibrate(reviews, grid)
    results = aggregate(reviews, grid)
    assert sum(r.review_count for r in results.values()) == len(reviews)
    for result in results.values():
        assert all(1 <= v <= 5 for v in result.raw.values())
        assert min(result.raw.values()) - 1e-12 <= result.raw_overall
        assert result.raw_overall <= max(result.raw.values()) + 1e-12
        expected = calibration.mean + calibration.sd * result.standardised_overall
        assert result.calibrated_overall == pytest.approx(expected, abs=1e-9)
        assert sum(result.verdicts.values()) == result.review_count
        assert all(0 < n <= result.review_count for n in result.recommendations.values())
    for (reviewer, _), z in calibration.standardised.items():
        bound = math.sqrt(calibration.reviewers[reviewer].count - 1)
        assert all(abs(v) <= bound + 1e-9 for v in z.values())
    # Mapping back keeps the jury's mean, and its spread when every reviewer varies.
    values = [v for scores in calibration.calibrated.values() for v in scores.values()]
    mean = math.fsum(values) / len(values)
    assert mean == pytest.approx(calibration.mean, abs=1e-9)
    if all(scale.sd > 0 for scale in calibration.reviewers.values()):
        sd = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))
        assert sd == pytest.approx(calibration.sd, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(juries(), st.randoms(use_true_random=False))
def test_same_input_in_any_order_gives_the_same_result(jury, random):
    grid, reviews = jury
    shuffled = list(reviews)
    random.shuffle(shuffled)
    assert aggregate(shuffled, grid) == aggregate(reviews, grid)
    scores = aggregate(reviews, grid)
    choices = {a: ["d1", "d0"] if a % 2 else ["d0"] for a in range(4)}
    reordered = dict(reversed(list(choices.items())))
    ranking = rank_for_challenge("d0", choices, scores)
    assert ranking == rank_for_challenge("d0", reordered, dict(reversed(scores.items())))
    assert [e.position for e in ranking] == list(range(1, 5))
    for before, after in zip(ranking, ranking[1:], strict=False):
        if before.score is not None and after.score is not None:
            assert before.score >= after.score - 1e-9
        else:
            assert after.score is None


def test_application_scores_is_what_ranking_reads():
    [result] = aggregate([review("a", 1, c=4)], ONE).values()
    assert isinstance(result, ApplicationScores)
    assert result.overall(calibrated=False) == 4.0 and result.overall() == result.calibrated_overall
