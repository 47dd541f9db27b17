import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eig.matching import Infeasible, form_teams
from tests.matching.brute import best_teams

LABELS = ["dev", "data"]


@st.composite
def team_instances(draw):
    n = draw(st.integers(1, 5))
    m = draw(st.integers(1, 3))
    cells = st.lists(st.booleans(), min_size=n * m, max_size=n * m)
    score = np.array(draw(st.lists(st.integers(-2, 6), min_size=n * m, max_size=n * m)), float)
    allowed = np.array(draw(cells)).reshape(n, m)
    seats_min = draw(st.lists(st.integers(0, 2), min_size=m, max_size=m))
    seats_max = [low + draw(st.integers(0, 2)) for low in seats_min]
    profiles = draw(st.lists(st.sampled_from(LABELS), min_size=n, max_size=n))
    minimums = draw(
        st.dictionaries(
            st.integers(0, m - 1),
            st.dictionaries(st.sampled_from(LABELS), st.integers(0, 1)),
            max_size=m,
        )
    )
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, m - 1))
    pinned = sorted(draw(st.sets(pairs, max_size=2)))
    forbidden = sorted(draw(st.sets(pairs, max_size=3)))
    return score.reshape(n, m), allowed, seats_min, seats_max, profiles, minimums, pinned, forbidden


def check_constraints(
    result, score, allowed, seats_min, seats_max, profiles, minimums, pinned, forbidden
):
    assert len(result) == score.shape[0]
    for i, j in enumerate(result):
        if j is not None:
            assert allowed[i, j] and (i, j) not in forbidden
    assert all(result[i] == j for i, j in pinned)
    for j in range(score.shape[1]):
        members = [i for i, x in enumerate(result) if x == j]
        assert seats_min[j] <= len(members) <= seats_max[j]
        for label, count in minimums.get(j, {}).items():
            assert sum(profiles[i] == label for i in members) >= count


@settings(max_examples=150, deadline=None)
@given(team_instances())
def test_optimal_against_brute_force_and_respects_every_constraint(instance):
    score, allowed, seats_min, seats_max, profiles, minimums, pinned, forbidden = instance
    best = best_teams(
        score, allowed, seats_min, seats_max, profiles, minimums, pinned, set(forbidden)
    )
    call = {
        "allowed": allowed,
        "seats_min": seats_min,
        "seats_max": seats_max,
        "profiles": profiles,
        "min_per_profile": minimums,
        "pinned": pinned,
        "forbidden": forbidden,
    }
    if best is None:
        with pytest.raises(Infeasible):
            form_teams(score, **call)
        return
    result = form_teams(score, **call)
    check_constraints(
        result, score, allowed, seats_min, seats_max, profiles, minimums, pinned, set(forbidden)
    )
    assert sum(score[i, j] for i, j in enumerate(result) if j is not None) == best
    assert form_teams(score, **call) == result  # deterministic


def test_float_scores_and_a_larger_instance_are_proven_optimal():
    rng = np.random.default_rng(3)
    n, m = 120, 10
    score = rng.normal(size=(n, m))
    allowed = rng.random((n, m)) < 0.4
    profiles = rng.choice(LABELS, n).tolist()
    result = form_teams(
        score,
        allowed=allowed,
        seats_min=2,
        seats_max=4,
        profiles=profiles,
        min_per_profile={j: {"dev": 1} for j in range(m)},
    )
    check_constraints(
        result,
        score,
        allowed,
        [2] * m,
        [4] * m,
        profiles,
        {j: {"dev": 1} for j in range(m)},
        [],
        set(),
    )
    # a negative score is only taken when a minimum needs it
    for i, j in enumerate(result):
        if j is not None and score[i, j] < 0:
            members = [k for k, x in enumerate(result) if x == j]
            assert len(members) <= 2 or profiles[i] == "dev"


def test_a_defi_with_seats_min_zero_may_stay_empty():
    score = np.array([[1.0, -1.0]])
    allowed = np.ones((1, 2), bool)
    assert form_teams(score, allowed=allowed, seats_min=[0, 0], seats_max=1) == [0]
    assert form_teams(-score, allowed=allowed, seats_min=[0, 0], seats_max=1) == [1]
    assert form_teams(np.array([[-1.0, -2.0]]), allowed=allowed, seats_min=0, seats_max=1) == [None]


ONES = np.ones((4, 3))
EVERYWHERE = np.ones((4, 3), bool)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"pinned": [(0, 0)], "forbidden": [(0, 0)]},
            "le candidat 0 est à la fois imposé et interdit sur le défi 0",
        ),
        (
            {
                "pinned": [(0, 0)],
                "allowed": np.eye(4, 3, k=1, dtype=bool) | np.eye(4, 3, k=2, dtype=bool),
            },
            "le candidat 0 est imposé sur le défi 0, qui ne lui est pas permis",
        ),
        ({"pinned": [(0, 0), (0, 1)]}, "le candidat 0 est imposé sur deux défis : 0 et 1"),
        (
            {"pinned": [(0, 0), (1, 0)], "seats_max": 1},
            "défi 0 : 2 candidats imposés pour 1 place(s) au plus",
        ),
        (
            {"forbidden": [(0, 2), (1, 2), (2, 2)], "seats_min": [0, 0, 2]},
            "défi 2 : au moins 2 candidats requis, pour seulement 1 candidat éligible "
            "(autorisé sur ce défi, non interdit, non imposé ailleurs)",
        ),
        (
            {"min_per_profile": {1: {"dev": 2}}},
            "défi 1 : au moins 2 « dev » requis, pour seulement 1 candidat éligible de ce profil",
        ),
        (
            {"min_per_profile": {1: {"design": 1}}},
            "défi 1 : au moins 1 « design » requis, "
            "pour seulement 0 candidat éligible de ce profil",
        ),
        (
            {
                "seats_max": 2,
                "min_per_profile": {0: {"dev": 1, "data": 1}},
                "pinned": [(1, 0), (2, 0)],
            },
            "défi 0 : les profils exigés ({'dev': 1, 'data': 1}) et les 2 candidat(s) imposé(s) "
            "demandent 3 places, pour 2 au plus",
        ),
        (
            {"seats_min": [2, 2, 1], "seats_max": 2},
            "les défis demandent au moins 5 candidats au total, il n'y en a que 4",
        ),
    ],
)
def test_cheap_checks_name_the_cause(kwargs, message):
    call = {
        "allowed": EVERYWHERE,
        "seats_min": 0,
        "seats_max": 3,
        "profiles": ["dev", "data", "data", "data"],
    }
    call.update(kwargs)
    with pytest.raises(Infeasible) as raised:
        form_teams(ONES, **call)
    assert message in str(raised.value)


def test_competing_defis_are_named_when_the_solver_finds_no_solution():
    allowed = np.array([[1, 0, 0], [1, 0, 0], [0, 1, 1], [1, 0, 0]], bool)
    with pytest.raises(Infeasible) as raised:
        form_teams(ONES, allowed=allowed, seats_min=1, seats_max=3)
    assert str(raised.value) == (
        "les défis 1 (1 candidat) et 2 (1 candidat) demandent ensemble au moins 2 candidats, "
        "pour seulement 1 candidat éligible : 2"
    )


def test_competing_profile_minimums_are_named():
    allowed = np.array([[1, 1, 0], [1, 1, 0], [1, 1, 1], [0, 0, 1]], bool)
    profiles = ["dev", "data", "data", "data"]
    with pytest.raises(Infeasible) as raised:
        form_teams(
            ONES,
            allowed=allowed,
            seats_min=1,
            seats_max=3,
            profiles=profiles,
            min_per_profile={0: {"dev": 1}, 1: {"dev": 1}},
        )
    assert str(raised.value) == (
        "les défis 0 (1 « dev ») et 1 (1 « dev ») demandent ensemble au moins 2 candidats, "
        "pour seulement 1 candidat éligible : 0"
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"score": np.ones(4)}, "score : tableau à 2 dimensions attendu"),
        ({"score": [[1, 2], [3]]}, "score : tableau de nombres attendu"),
        ({"score": np.array([[1, np.nan, 1]] * 4)}, "score[0, 1] n'est pas un nombre fini : nan"),
        ({"allowed": np.ones((4, 3), int)}, "allowed : tableau de booléens attendu"),
        ({"allowed": np.ones((3, 4), bool)}, "allowed : forme (3, 4) attendue (4, 3)"),
        ({"seats_min": [0, -1, 0]}, "seats_min[1] : valeur négative (-1)"),
        ({"seats_min": [0, 1]}, "seats_min : un entier ou une liste de 3 entiers attendu"),
        ({"seats_max": [1.0, 2.0, 3.0]}, "seats_max : entiers attendus"),
        ({"seats_max": True}, "seats_max : entier attendu, reçu True"),
        ({"seats_min": 2, "seats_max": [3, 1, 3]}, "défi 1 : seats_min (2) dépasse seats_max (1)"),
        ({"profiles": ["dev"]}, "profiles : 4 étiquettes attendues, reçu 1"),
        ({"profiles": "dddd"}, "profiles : une séquence d'étiquettes"),
        ({"profiles": [[], "a", "a", "a"]}, "profiles[0] : étiquette invalide []"),
        ({"min_per_profile": {3: {"dev": 1}}}, "min_per_profile : indice de défi invalide 3"),
        (
            {"min_per_profile": {0: {"dev": -1}}},
            "min_per_profile[0]['dev'] : entier positif ou nul attendu",
        ),
        (
            {"min_per_profile": {0: 1}},
            "min_per_profile[0] : dictionnaire profil -> minimum attendu",
        ),
        ({"min_per_profile": [{"dev": 1}]}, "min_per_profile : dictionnaire indice de défi"),
        ({"profiles": None, "min_per_profile": {0: {"dev": 1}}}, "mais profiles n'est pas fourni"),
        ({"pinned": [(4, 0)]}, "pinned : candidat 4 hors limites dans (4, 0)"),
        ({"forbidden": [(0, 0), (0, 0)]}, "forbidden : le couple (0, 0) apparaît deux fois"),
        ({"forbidden": [(0,)]}, "forbidden : couple (candidat, défi) attendu"),
        ({"pinned": [(0, True)]}, "pinned : indice de défi entier attendu"),
    ],
)
def test_bad_input_is_refused_naming_the_entry(kwargs, message):
    call = {
        "score": ONES,
        "allowed": EVERYWHERE,
        "seats_min": 0,
        "seats_max": 3,
        "profiles": ["dev"] * 4,
    }
    call.update(kwargs)
    score = call.pop("score")
    with pytest.raises(ValueError) as raised:
        form_teams(score, **call)
    assert not isinstance(raised.value, Infeasible)
    assert message in str(raised.value)
