import pytest
from hypothesis import given, settings

from eig.matching import explain, stable_match
from tests.matching.strategies import markets

CANDIDATES = {"ana": ["x", "y", "z", "w"], "bob": ["x"], "eve": ["x"], "zoe": ["y"]}
CHALLENGES = {"x": ["bob", "eve", "ana"], "y": ["zoe"], "z": ["ana"], "w": ["ana"]}
SEATS = {"x": 2, "y": 1, "z": 0, "w": 1}


def test_every_better_choice_lost_is_explained_in_french():
    matching = stable_match(CANDIDATES, CHALLENGES, SEATS)
    assert matching["ana"] == "w"
    result = explain("ana", matching, CANDIDATES, CHALLENGES, SEATS)
    assert (result.challenge, result.preference) == ("w", 4)
    assert [(r.challenge, r.reason) for r in result.refusals] == [
        ("x", "full"),
        ("y", "not_ranked"),
        ("z", "no_seat"),
    ]
    full = result.refusals[0]
    assert full.admitted == ("bob", "eve")
    assert (full.last_admitted_rank, full.candidate_rank) == (2, 3)
    assert str(result) == (
        "« ana » est affecté au défi « w », son 4e choix.\n"
        "- 1er choix, « x » : complet : ses 2 places sont prises par des candidats que ce défi "
        "classe mieux (bob et eve) ; le dernier admis y est classé 2e, « ana » 3e.\n"
        "- 2e choix, « y » : ce défi n'a pas classé « ana ».\n"
        "- 3e choix, « z » : ce défi n'ouvre aucune place."
    )


def test_first_choice_needs_no_refusal():
    matching = stable_match(CANDIDATES, CHALLENGES, SEATS)
    result = explain("bob", matching, CANDIDATES, CHALLENGES, SEATS)
    assert result.refusals == ()
    assert str(result) == "« bob » est affecté au défi « x », son 1er choix."


def test_unmatched_candidate_and_empty_list():
    prefs = {"ana": ["x"], "bob": ["x"], "cat": []}
    challenges = {"x": ["bob", "ana"]}
    matching = stable_match(prefs, challenges, {"x": 1})
    ana = explain("ana", matching, prefs, challenges, {"x": 1})
    assert ana.challenge is None and ana.preference is None
    assert str(ana).startswith(
        "« ana » n'a pas d'affectation.\n- 1er choix, « x » : complet : "
        "sa seule place est prise par un candidat que ce défi classe mieux (bob)"
    )
    assert str(explain("cat", matching, prefs, challenges, {"x": 1})) == (
        "« cat » n'a pas d'affectation.\nSa liste de choix est vide."
    )


def test_an_unstable_matching_is_called_out():
    prefs = {"ana": ["x", "y"], "bob": ["x"]}
    challenges = {"x": ["ana", "bob"], "y": ["ana"]}
    result = explain("ana", {"ana": "y", "bob": "x"}, prefs, challenges, {"x": 1, "y": 1})
    assert result.refusals[0].reason == "would_accept"
    assert "la répartition n'est pas stable" in str(result)


@settings(max_examples=60, deadline=None)
@given(markets(max_candidates=6, max_challenges=4))
def test_in_a_stable_matching_no_refusal_says_would_accept(market):
    matching = stable_match(*market)
    for candidate in market[0]:
        result = explain(candidate, matching, *market)
        assert all(r.reason != "would_accept" for r in result.refusals)
        assert str(result)


def test_unknown_candidate_is_refused():
    with pytest.raises(ValueError, match="candidat inconnu : 'nobody'"):
        explain("nobody", {}, CANDIDATES, CHALLENGES, SEATS)
