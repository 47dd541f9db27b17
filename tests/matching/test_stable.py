import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eig.matching import blocking_pairs, stable_match
from tests.matching.brute import naive_blocking_pairs, stable_matchings
from tests.matching.strategies import markets


def is_valid(matching, candidate_prefs, challenge_prefs, capacities):
    held = dict.fromkeys(challenge_prefs, 0)
    for c, d in matching.items():
        if d is not None:
            assert d in candidate_prefs[c] and c in challenge_prefs[d]  # mutually acceptable
            held[d] += 1
    assert all(held[d] <= capacities[d] for d in held)
    assert list(matching) == list(candidate_prefs)


@settings(max_examples=100, deadline=None)
@given(markets(max_candidates=7, max_challenges=4), st.sampled_from(["candidate", "challenge"]))
def test_result_is_stable_within_capacities_and_individually_rational(market, optimal):
    matching = stable_match(*market, optimal=optimal)
    is_valid(matching, *market)
    assert blocking_pairs(matching, *market) == []


@settings(max_examples=120, deadline=None)
@given(markets())
def test_candidate_optimal_gives_each_candidate_their_best_stable_partner(market):
    candidate_prefs = market[0]
    every = stable_matchings(*market)
    mine = stable_match(*market)

    def position(c, d):
        return candidate_prefs[c].index(d) if d is not None else len(candidate_prefs[c])

    assert mine in every
    for c in candidate_prefs:
        assert position(c, mine[c]) == min(position(c, m[c]) for m in every)


@settings(max_examples=120, deadline=None)
@given(markets())
def test_challenge_optimal_is_the_worst_stable_matching_for_every_candidate(market):
    candidate_prefs, challenge_prefs, _ = market
    every = stable_matchings(*market)
    theirs = stable_match(*market, optimal="challenge")

    def position(c, d):
        return candidate_prefs[c].index(d) if d is not None else len(candidate_prefs[c])

    assert theirs in every
    for c in candidate_prefs:
        assert position(c, theirs[c]) == max(position(c, m[c]) for m in every)
    # and each défi holds, seat by seat, candidates it ranks at least as high as elsewhere
    for d, ranking in challenge_prefs.items():
        mine = sorted(ranking.index(c) for c, x in theirs.items() if x == d)
        for other in every:
            elsewhere = sorted(ranking.index(c) for c, x in other.items() if x == d)
            assert all(a <= b for a, b in zip(mine, elsewhere, strict=False))


@settings(max_examples=100, deadline=None)
@given(markets(max_candidates=6, max_challenges=4), st.data())
def test_blocking_pairs_matches_the_definition_on_any_valid_matching(market, data):
    candidate_prefs, challenge_prefs, capacities = market
    matching, seats = {}, dict(capacities)
    for c, prefs in candidate_prefs.items():
        options = [None] + [d for d in prefs if c in challenge_prefs[d] and seats[d] > 0]
        matching[c] = data.draw(st.sampled_from(options))
        if matching[c] is not None:
            seats[matching[c]] -= 1
    assert blocking_pairs(matching, *market) == naive_blocking_pairs(matching, *market)


def test_same_as_the_matching_package_on_random_instances():
    import random

    from matching.games import HospitalResident

    rng = random.Random(7)
    for _ in range(5):
        challenges = [f"d{j}" for j in range(12)]
        candidate_prefs = {f"c{i}": rng.sample(challenges, rng.randint(1, 5)) for i in range(60)}
        chosen_by = {d: [c for c, p in candidate_prefs.items() if d in p] for d in challenges}
        challenge_prefs = {d: rng.sample(cs, len(cs)) for d, cs in chosen_by.items() if cs}
        candidate_prefs = {
            c: [d for d in p if d in challenge_prefs] for c, p in candidate_prefs.items()
        }
        capacities = {d: rng.randint(1, 4) for d in challenge_prefs}
        for optimal, theirs in (("candidate", "resident"), ("challenge", "hospital")):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                game = HospitalResident.create_from_dictionaries(
                    candidate_prefs, challenge_prefs, capacities
                )
                solved = game.solve(optimal=theirs)
            expected = dict.fromkeys(candidate_prefs)
            for hospital, residents in solved.items():
                for resident in residents:
                    expected[resident.name] = hospital.name
            assert (
                stable_match(candidate_prefs, challenge_prefs, capacities, optimal=optimal)
                == expected
            )


@settings(max_examples=50, deadline=None)
@given(markets(max_candidates=7, max_challenges=4), st.randoms(use_true_random=False))
def test_deterministic_and_independent_of_input_order(market, rng):
    candidate_prefs, challenge_prefs, capacities = market
    first = stable_match(*market)
    assert stable_match(*market) == first
    shuffled = list(candidate_prefs.items())
    rng.shuffle(shuffled)
    reordered = stable_match(dict(shuffled), challenge_prefs, dict(reversed(capacities.items())))
    assert reordered == first


def test_small_example_both_sides():
    candidate_prefs = {"ana": ["x", "y"], "bob": ["y", "x"]}
    challenge_prefs = {"x": ["bob", "ana"], "y": ["ana", "bob"]}
    capacities = {"x": 1, "y": 1}
    assert stable_match(candidate_prefs, challenge_prefs, capacities) == {"ana": "x", "bob": "y"}
    assert stable_match(candidate_prefs, challenge_prefs, capacities, optimal="challenge") == {
        "ana": "y",
        "bob": "x",
    }


def test_unstable_matching_has_its_blocking_pairs_listed():
    candidate_prefs = {"ana": ["x", "y"], "bob": ["x"]}
    challenge_prefs = {"x": ["ana", "bob"], "y": ["ana"]}
    capacities = {"x": 1, "y": 1}
    matching = {"ana": "y", "bob": "x"}
    assert blocking_pairs(matching, candidate_prefs, challenge_prefs, capacities) == [("ana", "x")]
    # a candidate left out of the matching counts as unmatched
    assert blocking_pairs({}, candidate_prefs, challenge_prefs, capacities) == [
        ("ana", "x"),
        ("ana", "y"),
        ("bob", "x"),
    ]


GOOD = ({"c1": ["d1"]}, {"d1": ["c1"]}, {"d1": 1})


@pytest.mark.parametrize(
    ("candidate_prefs", "challenge_prefs", "capacities", "message"),
    [
        ({"c1": ["d9"]}, GOOD[1], GOOD[2], "classe un défi inconnu : 'd9'"),
        (GOOD[0], {"d1": ["c9"]}, GOOD[2], "classe un candidat inconnu : 'c9'"),
        ({"c1": ["d1", "d1"]}, GOOD[1], GOOD[2], "le candidat 'c1' classe deux fois 'd1'"),
        (GOOD[0], {"d1": ["c1", "c1"]}, GOOD[2], "le défi 'd1' classe deux fois 'c1'"),
        ({"c1": "d1"}, GOOD[1], GOOD[2], "le candidat 'c1' doit avoir une liste de défis"),
        ({"c1": [["d1"]]}, GOOD[1], GOOD[2], "classe un défi inconnu : ['d1']"),
        (GOOD[0], GOOD[1], {"d1": -1}, "capacité négative pour le défi 'd1' (-1)"),
        (GOOD[0], GOOD[1], {}, "capacité manquante pour le défi 'd1'"),
        (GOOD[0], GOOD[1], {"d1": 1, "d2": 1}, "défi inconnu 'd2'"),
        (GOOD[0], GOOD[1], {"d1": 1.5}, "nombre entier de places, reçu 1.5"),
        (GOOD[0], GOOD[1], {"d1": True}, "nombre entier de places, reçu True"),
        ([("c1", ["d1"])], GOOD[1], GOOD[2], "candidate_prefs : dictionnaire attendu"),
    ],
)
def test_bad_input_is_refused_naming_the_entry(
    candidate_prefs, challenge_prefs, capacities, message
):
    with pytest.raises(
        ValueError,
        match=message.replace("(", r"\(")
        .replace(")", r"\)")
        .replace("[", r"\[")
        .replace("]", r"\]"),
    ):
        stable_match(candidate_prefs, challenge_prefs, capacities)


def test_bad_optimal_is_refused():
    with pytest.raises(ValueError, match="optimal : 'candidate' ou 'challenge' attendu"):
        stable_match(*GOOD, optimal="hospital")


@pytest.mark.parametrize(
    ("matching", "message"),
    [
        ({"c9": None}, "candidat inconnu 'c9'"),
        ({"c1": "d9"}, "affecté à un défi inconnu 'd9'"),
        ({"c2": "d1"}, "ne se classent pas mutuellement"),
        ({"c1": "d1", "c3": "d1"}, "le défi 'd1' reçoit 2 candidats pour 1 place"),
        ([("c1", "d1")], "matching : dictionnaire attendu"),
    ],
)
def test_bad_matching_is_refused_by_blocking_pairs(matching, message):
    candidate_prefs = {"c1": ["d1"], "c2": ["d1"], "c3": ["d1"]}
    challenge_prefs = {"d1": ["c1", "c3"]}
    with pytest.raises(ValueError, match=message):
        blocking_pairs(matching, candidate_prefs, challenge_prefs, {"d1": 1})
