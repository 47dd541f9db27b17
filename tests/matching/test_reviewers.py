import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, linear_sum_assignment, milp
from scipy.sparse import csr_array

import eig.matching.reviewers as reviewers_module
from eig.matching import Infeasible, assign_reviewers
from tests.matching.brute import best_reviews


@st.composite
def review_instances(draw):
    n, m = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    affinity = np.array(draw(st.lists(st.integers(0, 3), min_size=n * m, max_size=n * m)), float)
    conflicts = np.array(draw(st.lists(st.booleans(), min_size=n * m, max_size=n * m)))
    demand = draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))
    max_load = draw(st.lists(st.integers(0, 3), min_size=m, max_size=m))
    min_load = [draw(st.integers(0, high)) for high in max_load]
    return affinity.reshape(n, m), conflicts.reshape(n, m), demand, min_load, max_load


def loads_of(result, n_reviewers):
    return np.bincount([r for group in result for r in group], minlength=n_reviewers)


def total_of(result, affinity):
    return sum(affinity[a, group].sum() for a, group in enumerate(result))


@settings(max_examples=150, deadline=None)
@given(review_instances())
def test_optimal_then_evenest_loads_against_brute_force(instance):
    affinity, conflicts, demand, min_load, max_load = instance
    expected = best_reviews(affinity, conflicts, demand, np.array(min_load), np.array(max_load))
    call = {
        "reviews_per_application": demand,
        "max_load": max_load,
        "min_load": min_load,
        "conflicts": conflicts,
    }
    if expected is None:
        with pytest.raises(Infeasible):
            assign_reviewers(affinity, **call)
        return
    result = assign_reviewers(affinity, **call)
    for a, group in enumerate(result):
        assert group == sorted(set(group)) and len(group) == demand[a]
        assert not conflicts[a, group].any()
    loads = loads_of(result, affinity.shape[1])
    assert (np.array(min_load) <= loads).all() and (loads <= np.array(max_load)).all()
    assert (total_of(result, affinity), int((loads**2).sum())) == expected
    assert assign_reviewers(affinity, **call) == result  # deterministic


def test_equal_affinities_spread_the_load():
    result = assign_reviewers(np.ones((6, 3)), reviews_per_application=1, max_load=6)
    assert loads_of(result, 3).tolist() == [2, 2, 2]


def test_one_review_each_agrees_with_scipy_assignment_solver():
    rng = np.random.default_rng(11)
    affinity = rng.random((30, 40))
    conflicts = rng.random((30, 40)) < 0.1
    result = assign_reviewers(affinity, reviews_per_application=1, max_load=1, conflicts=conflicts)
    rows, columns = linear_sum_assignment(np.where(conflicts, -1e6, affinity), maximize=True)
    assert abs(total_of(result, affinity) - affinity[rows, columns].sum()) < 1e-9


def full_model_optimum(affinity, conflicts, demand, min_load, max_load):
    """The whole LP at once (no column generation), as a 0-1 program."""
    rows, columns = np.nonzero(~conflicts)
    n, m = affinity.shape
    pair = np.arange(rows.size)
    matrix = csr_array(
        (
            np.ones(2 * rows.size),
            (np.concatenate([rows, n + columns]), np.concatenate([pair, pair])),
        ),
        shape=(n + m, rows.size),
    )
    result = milp(
        -affinity[rows, columns],
        integrality=np.ones(rows.size),
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(
            matrix, np.concatenate([demand, min_load]), np.concatenate([demand, max_load])
        ),
    )
    return -result.fun


def test_column_generation_reaches_the_full_optimum(monkeypatch):
    monkeypatch.setattr(reviewers_module, "_SPARE_CANDIDATES", 0)
    monkeypatch.setattr(reviewers_module, "_ENTERING_PER_APPLICATION", 1)
    rng = np.random.default_rng(5)
    # everyone prefers the same few reviewers: their loads push applications further down
    affinity = rng.random((80, 20)) + np.linspace(2, 0, 20)
    conflicts = rng.random((80, 20)) < 0.05
    demand, max_load = np.full(80, 2), np.full(20, 9)
    min_load = np.zeros(20, int)
    min_load[-1] = 5  # the least liked reviewer is in no starting column: needs a seed
    result = assign_reviewers(
        affinity,
        reviews_per_application=demand,
        max_load=max_load,
        min_load=min_load,
        conflicts=conflicts,
    )
    loads = loads_of(result, 20)
    assert loads[-1] >= 5 and loads.max() <= 9
    expected = full_model_optimum(affinity, conflicts, demand, min_load, max_load)
    assert abs(total_of(result, affinity) - expected) < 1e-6


@pytest.mark.parametrize(
    ("affinity", "kwargs", "message"),
    [
        (
            np.ones((2, 3)),
            {
                "reviews_per_application": 2,
                "max_load": 2,
                "conflicts": np.array([[1, 1, 0], [0, 0, 0]], bool),
            },
            "la candidature 0 demande 2 membres du jury, pour seulement 1 membre du jury possible "
            "(sans conflit, charge maximale non nulle) : 2",
        ),
        (
            np.ones((2, 3)),
            {
                "reviews_per_application": 1,
                "max_load": 2,
                "min_load": [0, 0, 1],
                "conflicts": np.array([[0, 0, 1], [0, 0, 1]], bool),
            },
            "le membre du jury 2 doit évaluer au moins 1 candidature, "
            "pour seulement 0 candidature sans conflit avec lui",
        ),
        (
            np.ones((4, 2)),
            {"reviews_per_application": 2, "max_load": [3, 4]},
            "les charges maximales totalisent 7 évaluations, moins que les 8 demandées",
        ),
        (
            np.ones((2, 2)),
            {"reviews_per_application": 1, "max_load": 2, "min_load": [2, 1]},
            "les charges minimales totalisent 3 évaluations, plus que les 2 à répartir",
        ),
        (
            np.ones((4, 4)),
            {
                "reviews_per_application": 2,
                "max_load": [1, 1, 5, 5],
                "conflicts": np.array(
                    [[0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 0, 0], [1, 1, 0, 0]], bool
                ),
            },
            "les candidatures 0 et 1 demandent ensemble 4 évaluations, mais leurs membres du jury "
            "sans conflit ne peuvent leur en fournir que 2 (chacun au plus une fois par "
            "candidature et dans la limite de sa charge maximale)",
        ),
        (
            np.ones((4, 4)),
            {
                "reviews_per_application": 1,
                "max_load": 2,
                "min_load": [2, 2, 0, 0],
                "conflicts": np.array(
                    [[0, 0, 0, 0], [0, 0, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0]], bool
                ),
            },
            "les membres du jury 0 et 1 doivent évaluer ensemble au moins 4 candidatures, mais les "
            "candidatures sans conflit avec eux ne peuvent leur en confier que 2",
        ),
    ],
)
def test_infeasibility_names_the_cause(affinity, kwargs, message):
    with pytest.raises(Infeasible) as raised:
        assign_reviewers(affinity, **kwargs)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"affinity": np.ones(3)}, "affinity : tableau à 2 dimensions attendu"),
        (
            {"affinity": np.array([[1.0, np.inf, 1.0]] * 2)},
            "affinity[0, 1] n'est pas un nombre fini : inf",
        ),
        ({"conflicts": np.zeros((2, 3))}, "conflicts : tableau de booléens attendu"),
        ({"conflicts": np.zeros((3, 2), bool)}, "conflicts : forme (3, 2) attendue (2, 3)"),
        (
            {"reviews_per_application": -1},
            "reviews_per_application[0] : valeur négative (-1)",
        ),
        (
            {"reviews_per_application": [1, 1, 1]},
            "reviews_per_application : un entier ou une liste de 2 entiers attendu",
        ),
        ({"max_load": 2.5}, "max_load : entiers attendus"),
        ({"min_load": [0, 3, 0]}, "membre du jury 1 : min_load (3) dépasse max_load (2)"),
    ],
)
def test_bad_input_is_refused_naming_the_entry(kwargs, message):
    call = {"affinity": np.ones((2, 3)), "reviews_per_application": 1, "max_load": 2}
    call.update(kwargs)
    affinity = call.pop("affinity")
    with pytest.raises(ValueError) as raised:
        assign_reviewers(affinity, **call)
    assert not isinstance(raised.value, Infeasible)
    assert message in str(raised.value)


def test_nan_affinity_is_accepted_where_there_is_a_conflict():
    affinity = np.array([[np.nan, 1.0], [1.0, 2.0]])
    conflicts = np.array([[True, False], [False, False]])
    assert assign_reviewers(
        affinity, reviews_per_application=1, max_load=1, conflicts=conflicts
    ) == [[1], [0]]


def test_loads_are_evened_out_in_one_solve_despite_many_ties(monkeypatch):
    """Real affinities take a few values: the load stage gets every tied pair at once rather
    than a few per round, each round a whole LP (17 rounds at 20,000 × 500)."""
    rng = np.random.default_rng(12)
    affinity = rng.choice([0.0, 2.0, 2.5, 3.0], size=(600, 40))
    demand, max_load = np.full(600, 3), np.full(40, 55)
    calls = []
    optimise = reviewers_module._optimise

    def counted(*args):
        linprog_calls = []
        original = reviewers_module.linprog

        def linprog(*a, **k):
            linprog_calls.append(1)
            return original(*a, **k)

        monkeypatch.setattr(reviewers_module, "linprog", linprog)
        try:
            return optimise(*args)
        finally:
            monkeypatch.setattr(reviewers_module, "linprog", original)
            calls.append(len(linprog_calls))

    monkeypatch.setattr(reviewers_module, "_optimise", counted)
    # These affinities are on the flow's grid: force the LP, used for the others.
    monkeypatch.setattr(reviewers_module, "_assign_by_flow", lambda *args: None)
    result = assign_reviewers(affinity, reviews_per_application=demand, max_load=max_load)

    assert calls[-1] == 1
    conflicts = np.zeros(affinity.shape, bool)
    expected = full_model_optimum(affinity, conflicts, demand, np.zeros(40, int), max_load)
    assert abs(total_of(result, affinity) - expected) < 1e-6


def tied_instance(seed):
    """The platform's kind of affinities: a profile weight plus a share of skills, so many
    identical applications; a few conflicts and minimum loads."""
    rng = np.random.default_rng(seed)
    kinds = 2.0 * rng.integers(0, 2, (40, 30)) + rng.integers(0, 4, (40, 30)) / 3
    affinity = kinds[rng.integers(0, 40, 900)]
    conflicts = rng.random(affinity.shape) < 0.02
    return affinity, conflicts, np.full(900, 3), np.full(30, 50), np.full(30, 110)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_flow_finds_the_same_optimum_and_loads_as_the_linear_programme(monkeypatch, seed):
    affinity, conflicts, demand, min_load, max_load = tied_instance(seed)
    call = {
        "reviews_per_application": demand,
        "min_load": min_load,
        "max_load": max_load,
        "conflicts": conflicts,
    }
    flows = []
    original = reviewers_module._assign_by_flow

    def recorded(*args):
        flows.append(original(*args))
        return flows[-1]

    monkeypatch.setattr(reviewers_module, "_assign_by_flow", recorded)
    by_flow = assign_reviewers(affinity, **call)
    monkeypatch.setattr(reviewers_module, "_assign_by_flow", lambda *args: None)
    by_programme = assign_reviewers(affinity, **call)

    assert flows[0] is not None  # the flow did answer
    for result in (by_flow, by_programme):
        for application, group in enumerate(result):
            assert len(set(group)) == 3 and group == sorted(group)
            assert not conflicts[application, group].any()
    flow_loads, programme_loads = loads_of(by_flow, 30), loads_of(by_programme, 30)
    assert flow_loads.min() >= 50 and flow_loads.max() <= 110
    assert abs(total_of(by_flow, affinity) - total_of(by_programme, affinity)) < 1e-9
    assert int((flow_loads**2).sum()) == int((programme_loads**2).sum())
    expected = full_model_optimum(affinity, conflicts, demand, min_load, max_load)
    assert abs(total_of(by_flow, affinity) - expected) < 1e-6


def test_identical_applications_are_solved_once_and_dealt_distinct_reviewers():
    affinity = np.tile([3.0, 3.0, 2.0, 0.0], (6, 1))
    result = assign_reviewers(affinity, reviews_per_application=2, max_load=3)

    assert all(len(set(group)) == 2 for group in result)
    assert loads_of(result, 4).tolist() == [3, 3, 3, 3]
    first, group = reviewers_module._identical_rows(affinity, np.full(6, 2))
    assert first.size == 1 and group.tolist() == [0] * 6
    # Rows differing only by their demand stay apart.
    rows = np.array([[1.0, 2.0], [2.0, 1.0], [1.0, 2.0]])
    first, group = reviewers_module._identical_rows(rows, np.array([1, 1, 2]))
    assert len(set(group.tolist())) == 3


def test_affinities_off_the_integer_grid_go_to_the_linear_programme():
    affinity = np.array([[0.1234567, 1.0], [1.0, 0.5]])
    usable = np.ones((2, 2), bool)
    ones = np.ones(2, np.int64)
    assert reviewers_module._assign_by_flow(affinity, usable, ones, 0 * ones, ones) is None
    result = assign_reviewers(affinity, reviews_per_application=1, max_load=1)
    assert result == [[1], [0]]
