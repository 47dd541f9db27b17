"""Reviewer assignment: best total affinity, then loads evened out, solved exactly.

By a min-cost flow (OR-Tools) when affinities are fractions of small denominators, as the
platform's are; otherwise by a transportation LP (HiGHS) with column generation."""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from ortools.graph.python import min_cost_flow
from scipy.optimize import linprog
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_flow

from eig.matching.errors import Infeasible
from eig.matching.shortfall import unmet_group
from eig.matching.validation import (
    bool_matrix,
    check_finite,
    count_fr,
    enumerate_fr,
    float_matrix,
    integral,
    per_item_counts,
)

# Relative to the largest |affinity|. Columns priced below -PRICING are added; reduced
# costs within ±TIES are zero, so totals that close count as equally good (HiGHS itself
# works to 1e-7).
_PRICING_TOLERANCE = 1e-9
_TIE_TOLERANCE = 1e-6
# Starting columns: each application's best reviewers, this many beyond its reviews.
_SPARE_CANDIDATES = 3
# Columns added per application and pricing round, most negative reduced cost first.
_ENTERING_PER_APPLICATION = 5
# Integer costs for the min-cost flow: affinities in 1/720720 (every denominator up to 16,
# so the platform's profile weight plus a share of skills), and OR-Tools' int64 headroom
# (its cost scaling multiplies costs by the number of nodes).
_GRID = 720_720
_COST_LIMIT = 2**62


@dataclass(frozen=True, slots=True)
class _Loads:
    """Load columns: each adds -1 to its reviewer's row (Σ x - Σ load columns = 0)."""

    owner: np.ndarray
    cost: np.ndarray
    lower: np.ndarray
    upper: np.ndarray


@dataclass(frozen=True, slots=True)
class _Solution:
    rows: np.ndarray
    columns: np.ndarray
    x: np.ndarray
    reviewer_duals: np.ndarray
    reduced: np.ndarray


def assign_reviewers(
    affinity: ArrayLike,
    *,
    reviews_per_application: int | ArrayLike,
    max_load: int | ArrayLike,
    min_load: int | ArrayLike = 0,
    conflicts: ArrayLike | None = None,
) -> list[list[int]]:
    """Return, for each application, its reviewers' indices (sorted), maximising affinity.

    ``affinity``: applications × reviewers, higher is better (NaN or infinite only on
    conflicts). ``conflicts``: boolean array of the same shape, True = never assign.
    ``reviews_per_application``: an integer or one per application. ``max_load``,
    ``min_load``: an integer or one per reviewer.

    Guarantees: each application gets exactly its number of distinct reviewers, none in
    conflict; each reviewer reviews between ``min_load`` and ``max_load`` applications; the
    total affinity is maximal (exact LP optimum, integral because the constraint matrix is
    totally unimodular; integrality is checked). Among assignments with that total (to
    1e-6 × the largest |affinity|), loads are spread as evenly as possible: the sum of
    squared loads is minimal, which on this network structure also makes the load vector
    decreasingly minimal (Frank & Murota), so the maximum load is minimal too.

    Infeasibility raises ``Infeasible`` naming the cause: an application with too few
    reviewers free of conflict, a reviewer who cannot reach their minimum, total capacity
    below demand, minimums above demand, or a group of applications (or reviewers)
    competing for the same few partners (found by max flow). Bad input: ``ValueError``.

    Ties beyond loads: the solution the solver returns; the model is built in input order
    and both solvers are deterministic, so the same input gives the same output.

    Method, when every affinity is a multiple of 1/720720 (any denominator up to 16, as the
    platform's profile weight plus a share of skills): identical applications merged into one
    node, then one min-cost flow whose integer costs rank the affinity first and Σ load²
    second (exactly, within int64); each merged node's reviews are then dealt to its
    applications in turn. At 20,000 applications × 500 reviewers with real-like affinities:
    about 9 s of CPU where the LP took 60 (many ties make the LP degenerate).

    Otherwise (arbitrary floats), column generation. HiGHS solves the LP on each
    application's best reviewers; reduced costs of all other pairs, computed with numpy from
    the duals, bring in any pair that could improve it, until none can (the duals then prove
    optimality over all pairs). Stage two keeps exactly the pairs and loads consistent with
    those duals (the face of optimal solutions) and minimises Σ load², written as unit load
    columns of cost 1, 3, 5, … (still a network LP). Complexity: a few LPs on O(applications
    × reviews) columns, plus O(applications × reviewers) numpy work per pricing round.
    """
    affinity = float_matrix("affinity", affinity)
    n_applications, n_reviewers = affinity.shape
    if conflicts is None:
        conflicts = np.zeros(affinity.shape, dtype=bool)
    conflicts = bool_matrix("conflicts", conflicts, affinity.shape)
    check_finite("affinity", affinity, where=~conflicts)
    demand = per_item_counts("reviews_per_application", reviews_per_application, n_applications)
    max_load = per_item_counts("max_load", max_load, n_reviewers)
    min_load = per_item_counts("min_load", min_load, n_reviewers)
    inverted = min_load > max_load
    if inverted.any():
        r = int(np.argmax(inverted))
        raise ValueError(
            f"membre du jury {r} : min_load ({min_load[r]}) dépasse max_load ({max_load[r]})"
        )
    usable = ~conflicts & (max_load > 0)
    _check_counts(usable, demand, min_load, max_load)
    if demand.sum() == 0:  # then every min_load is 0 too (checked above)
        return [[] for _ in range(n_applications)]
    by_flow = _assign_by_flow(affinity, usable, demand, min_load, max_load)
    if by_flow is not None:
        return by_flow

    scale = max(1.0, float(np.abs(affinity[usable]).max(initial=0.0)))
    cost = np.where(usable, -affinity, np.inf)
    columns = _best_columns(affinity, usable, int(demand.max(initial=0)) + _SPARE_CANDIDATES)
    load_range = _Loads(
        owner=np.arange(n_reviewers),
        cost=np.zeros(n_reviewers),
        lower=min_load.astype(float),
        upper=max_load.astype(float),
    )
    first = _optimise(cost, None, columns, load_range, demand, _PRICING_TOLERANCE * scale)
    if first is None:  # the starting columns alone admit no solution: add a feasible one
        columns |= _feasible_pairs(usable, demand, min_load, max_load)
        first = _optimise(cost, None, columns, load_range, demand, _PRICING_TOLERANCE * scale)
    if first is None:
        raise RuntimeError("HiGHS juge infaisable un problème qu'un flot résout")
    optimum = float(-(cost[first.rows, first.columns] @ first.x))

    tie = _TIE_TOLERANCE * scale
    forced = first.reduced < -tie
    in_face = forced | (np.abs(first.reduced) <= tie)
    # Every pair of the face from the start: affinities have many ties (a few profiles and
    # skills), so pricing would bring them in a few at a time, one cold LP per round.
    second = _optimise(
        np.where(in_face, 0.0, np.inf),
        forced,
        in_face,
        _unit_loads(first.reviewer_duals, tie, min_load, max_load),
        demand,
        0.5,  # integral costs and a TU matrix: reduced costs at a vertex are integers
    )
    if second is None:
        raise RuntimeError("la répartition des charges n'a pas retrouvé la solution optimale")
    chosen = second.x == 1
    rows, reviewers = second.rows[chosen], second.columns[chosen]
    if affinity[rows, reviewers].sum() < optimum - tie * demand.sum() - 1e-9 * abs(optimum):
        raise RuntimeError("la répartition des charges a perdu de l'affinité totale")
    assignment: list[list[int]] = [[] for _ in range(n_applications)]
    for application, reviewer in zip(rows.tolist(), reviewers.tolist(), strict=True):
        assignment[application].append(reviewer)  # row-major order: already sorted
    return assignment


def _assign_by_flow(
    affinity: np.ndarray,
    usable: np.ndarray,
    demand: np.ndarray,
    min_load: np.ndarray,
    max_load: np.ndarray,
) -> list[list[int]] | None:
    """Both stages in one min-cost flow (OR-Tools), or None when the costs are not integers.

    Applications with identical rows (affinities, conflicts, reviews) form one node: real
    affinities take a few values, so 20,000 applications make a few thousand nodes. Costs
    are lexicographic integers: (best affinity - affinity) × _GRID × M on each pair, where
    M exceeds any difference of Σ load², then unit load arcs of cost 1, 3, 5, … per reviewer.
    Exact when every affinity is a multiple of 1 / _GRID (checked), within int64 (checked).
    """
    if not _on_grid(affinity[:100][usable[:100]]):  # arbitrary floats: no need to go further
        return None
    # Conflicts as a value no usable pair has, so that rows compare as plain numbers.
    apart = float(affinity[usable].min(initial=0.0)) - 1.0
    first, group = _identical_rows(np.where(usable, affinity, apart), demand)
    counts = np.bincount(group, minlength=first.size)
    rows, reviewers = np.nonzero(usable[first])
    values = affinity[first][rows, reviewers]
    if not _on_grid(values):
        return None
    grid = np.rint(values * _GRID)
    gap = (grid.max() - grid).astype(np.int64)
    # In units of their greatest common divisor: the same optimum, and cost scaling needs as
    # many phases as the largest cost has bits (affinities in thirds: 240,240 times fewer).
    gap //= max(int(np.gcd.reduce(gap)), 1)
    spread = int((max_load.astype(np.int64) ** 2).sum()) + 1
    n_groups, n_reviewers = first.size, usable.shape[1]
    nodes = n_groups + n_reviewers + 1
    total = int(demand.sum())
    if int(gap.max(initial=0)) * spread * max(nodes + 1, total) >= _COST_LIMIT:
        return None
    # Units below a reviewer's minimum are absorbed by the reviewer node itself (supply).
    free = max_load - min_load
    owner = np.repeat(np.arange(n_reviewers), free)
    unit = np.arange(owner.size) - np.repeat(np.cumsum(free) - free, free) + 1 + min_load[owner]
    sink = nodes - 1
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate([rows, n_groups + owner]),
        np.concatenate([n_groups + reviewers, np.full(owner.size, sink)]),
        np.concatenate([counts[rows], np.ones(owner.size, np.int64)]),
        np.concatenate([gap * spread, 2 * unit.astype(np.int64) - 1]),
    )
    flow.set_nodes_supplies(
        np.arange(nodes),
        np.concatenate([counts * demand[first], -min_load, [min_load.sum() - total]]),
    )
    status = flow.solve()
    if status == flow.INFEASIBLE:
        _feasible_pairs(usable, demand, min_load, max_load)  # raises Infeasible, naming why
    if status != flow.OPTIMAL:
        raise RuntimeError(f"OR-Tools : le flot à coût minimal a échoué ({status})")
    taken = flow.flows(arcs[: rows.size])
    return _spread_over_members(group, counts * demand[first], rows, reviewers, taken, demand)


def _on_grid(values: np.ndarray) -> bool:
    scaled = values * _GRID
    return bool(np.abs(scaled - np.rint(scaled)).max(initial=0.0) <= 1e-3)


def _identical_rows(matrix: np.ndarray, demand: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First row of each class of identical rows (with the same demand), and each row's class."""
    # One hash per row, then a check that rows sharing a hash are equal (else sort them all).
    weights = np.random.default_rng(0).random(matrix.shape[1] + 1)
    hashed = matrix @ weights[:-1] + demand * weights[-1]
    _, first, group = np.unique(hashed, return_index=True, return_inverse=True)
    representative = first[group]
    if (matrix == matrix[representative]).all() and (demand == demand[representative]).all():
        return first, group
    key = np.column_stack([matrix, demand])
    _, first, group = np.unique(key, axis=0, return_index=True, return_inverse=True)
    return first, group.ravel()


def _spread_over_members(
    group: np.ndarray,
    share: np.ndarray,
    rows: np.ndarray,
    reviewers: np.ndarray,
    taken: np.ndarray,
    demand: np.ndarray,
) -> list[list[int]]:
    """Deal each class's reviews to its applications in turn: reviewer by reviewer, a class
    of n applications gives at most n reviews to one reviewer, so n consecutive deals never
    give one application the same reviewer twice."""
    sequence = np.repeat(reviewers, taken)
    owner = np.repeat(rows, taken)
    counts = np.bincount(group, minlength=share.size)
    start = np.cumsum(share) - share
    position = np.arange(sequence.size) - start[owner]
    members = np.argsort(group, kind="stable")
    member_start = np.cumsum(counts) - counts
    application = members[member_start[owner] + position % counts[owner]]
    order = np.lexsort((sequence, application))
    sorted_reviewers = sequence[order]
    ends = np.cumsum(demand)
    return [part.tolist() for part in np.split(sorted_reviewers, ends[:-1])]


def _check_counts(
    usable: np.ndarray, demand: np.ndarray, min_load: np.ndarray, max_load: np.ndarray
) -> None:
    """Cheap counting checks, each naming its application or reviewer."""
    partners = usable.sum(axis=1)
    short = partners < demand
    if short.any():
        a = int(np.argmax(short))
        raise Infeasible(
            f"la candidature {a} demande "
            f"{count_fr(demand[a], 'membre du jury', 'membres du jury')}, pour seulement "
            f"{count_fr(partners[a], 'membre du jury possible', 'membres du jury possibles')} "
            f"(sans conflit, charge maximale non nulle) : "
            f"{enumerate_fr(np.flatnonzero(usable[a]).tolist())}"
        )
    possible = usable.sum(axis=0)
    short = possible < min_load
    if short.any():
        r = int(np.argmax(short))
        raise Infeasible(
            f"le membre du jury {r} doit évaluer au moins "
            f"{count_fr(min_load[r], 'candidature', 'candidatures')}, pour seulement "
            f"{count_fr(possible[r], 'candidature', 'candidatures')} sans conflit avec lui"
        )
    if max_load.sum() < demand.sum():
        raise Infeasible(
            f"les charges maximales totalisent {max_load.sum()} évaluations, moins que les "
            f"{demand.sum()} demandées"
        )
    if min_load.sum() > demand.sum():
        raise Infeasible(
            f"les charges minimales totalisent {min_load.sum()} évaluations, plus que les "
            f"{demand.sum()} à répartir"
        )


def _best_columns(affinity: np.ndarray, usable: np.ndarray, count: int) -> np.ndarray:
    """Each application's ``count`` best usable reviewers (all of them if fewer)."""
    columns = usable.copy()
    if count < affinity.shape[1]:
        ranked = np.where(usable, affinity, -np.inf)
        best = np.argpartition(ranked, -count, axis=1)[:, -count:]
        columns[:] = False
        np.put_along_axis(columns, best, True, axis=1)
        columns &= usable
    return columns


def _unit_loads(
    reviewer_duals: np.ndarray, tie: float, min_load: np.ndarray, max_load: np.ndarray
) -> _Loads:
    """Unit load columns of cost 1, 3, 5, … (k-th unit: 2k - 1), so their sum is load².

    Loads stay where the first stage's duals pin them: a positive reduced cost keeps a
    reviewer at their minimum, a negative one at their maximum.
    """
    lowest = np.where(reviewer_duals < -tie, max_load, min_load)
    highest = np.where(reviewer_duals > tie, min_load, max_load)
    owner = np.repeat(np.arange(max_load.size), max_load)
    unit = np.arange(owner.size) - np.repeat(np.cumsum(max_load) - max_load, max_load) + 1
    return _Loads(
        owner=owner,
        cost=2.0 * unit - 1.0,
        lower=(unit <= lowest[owner]).astype(float),
        upper=(unit <= highest[owner]).astype(float),
    )


def _optimise(
    cost: np.ndarray,
    forced: np.ndarray | None,
    columns: np.ndarray,
    loads: _Loads,
    demand: np.ndarray,
    tolerance: float,
) -> _Solution | None:
    """Minimise over all pairs of finite cost by column generation; None if infeasible.

    ``columns`` (updated in place) starts as the pairs in the LP; ``forced`` pairs must be
    taken. Stops when no pair outside the LP has a reduced cost below ``-tolerance``.
    """
    n_applications, n_reviewers = cost.shape
    while True:
        rows, reviewers = np.nonzero(columns)
        n_pairs = rows.size
        pair = np.arange(n_pairs)
        load = n_pairs + np.arange(loads.owner.size)
        matrix = csr_array(
            (
                np.concatenate([np.ones(2 * n_pairs), -np.ones(load.size)]),
                (
                    np.concatenate(
                        [rows, n_applications + reviewers, n_applications + loads.owner]
                    ),
                    np.concatenate([pair, pair, load]),
                ),
            ),
            shape=(n_applications + n_reviewers, n_pairs + load.size),
        )
        lower = forced[rows, reviewers].astype(float) if forced is not None else np.zeros(n_pairs)
        result = linprog(
            np.concatenate([cost[rows, reviewers], loads.cost]),
            A_eq=matrix,
            b_eq=np.concatenate([demand, np.zeros(n_reviewers)]),
            bounds=np.column_stack(
                [
                    np.concatenate([lower, loads.lower]),
                    np.concatenate([np.ones(n_pairs), loads.upper]),
                ]
            ),
            method="highs-ds",  # dual simplex: a vertex, hence integral here
        )
        if result.status == 2:
            return None
        if result.status != 0:
            raise RuntimeError(f"HiGHS : {result.message}")
        duals = result.eqlin.marginals
        reduced = cost - duals[:n_applications, None] - duals[None, n_applications:]
        entering = (reduced < -tolerance) & ~columns
        if not entering.any():
            return _Solution(
                rows=rows,
                columns=reviewers,
                x=integral(result.x[:n_pairs]),
                reviewer_duals=duals[n_applications:],
                reduced=reduced,
            )
        columns |= _most_negative(np.where(entering, reduced, np.inf))


def _most_negative(reduced: np.ndarray) -> np.ndarray:
    """Mask of each row's few most negative finite entries."""
    count = min(_ENTERING_PER_APPLICATION, reduced.shape[1])
    best = np.argpartition(reduced, count - 1, axis=1)[:, :count]
    mask = np.zeros(reduced.shape, dtype=bool)
    np.put_along_axis(mask, best, True, axis=1)
    return mask & np.isfinite(reduced)


def _feasible_pairs(
    usable: np.ndarray, demand: np.ndarray, min_load: np.ndarray, max_load: np.ndarray
) -> np.ndarray:
    """The pairs of one feasible assignment, from a max flow with lower bounds.

    Circulation with lower bounds (reviewer loads ≥ min_load, application reviews fixed):
    a feasible one exists exactly when the auxiliary max flow saturates every lower bound.
    Otherwise raise ``Infeasible`` with the group at fault.
    """
    n_applications, n_reviewers = usable.shape
    rows, reviewers = np.nonzero(usable)
    # Nodes: auxiliary source 0 and sink 1, source 2 and sink 3, applications, reviewers.
    application = 4 + np.arange(n_applications)
    reviewer = 4 + n_applications + np.arange(n_reviewers)
    tails = np.concatenate(
        [np.zeros(n_applications, np.int64), 4 + rows, reviewer, reviewer, [0, 2, 3]]
    )
    heads = np.concatenate(
        [
            application,
            4 + n_applications + reviewers,
            np.full(n_reviewers, 3),
            np.ones(n_reviewers, np.int64),
            [3, 1, 2],
        ]
    )
    capacity = np.concatenate(
        [
            demand,
            np.ones(rows.size, np.int64),
            max_load - min_load,
            min_load,
            [min_load.sum(), demand.sum(), demand.sum()],
        ]
    )
    size = 4 + n_applications + n_reviewers
    network = csr_array((capacity.astype(np.int32), (tails, heads)), shape=(size, size))
    result = maximum_flow(network, 0, 1)
    if result.flow_value < demand.sum() + min_load.sum():
        raise Infeasible(_explain_shortfall(usable, demand, min_load, max_load))
    used = np.asarray(result.flow[4 + rows, 4 + n_applications + reviewers]).ravel() > 0
    pairs = np.zeros(usable.shape, dtype=bool)
    pairs[rows[used], reviewers[used]] = True
    return pairs


def _explain_shortfall(
    usable: np.ndarray, demand: np.ndarray, min_load: np.ndarray, max_load: np.ndarray
) -> str:
    """Name the applications, or the reviewers, whose needs their partners cannot cover.

    Both sides checked separately suffice: for bipartite degree bounds, if the reviews can
    be placed within the maximum loads and the minimum loads can be met, both hold at
    once (linkage property of bipartite flows).
    """
    rows, reviewers = np.nonzero(usable)
    group = unmet_group(demand, max_load, rows, reviewers)
    if group is not None:
        linked = usable[group].sum(axis=0)
        supply = int(np.minimum(max_load, linked).sum())
        return (
            f"les candidatures {enumerate_fr(group.tolist())} demandent ensemble "
            f"{int(demand[group].sum())} évaluations, mais leurs membres du jury sans conflit ne "
            f"peuvent leur en fournir que {supply} (chacun au plus une fois par candidature "
            "et dans la limite de sa charge maximale)"
        )
    group = unmet_group(min_load, demand, reviewers, rows)
    if group is None:
        raise RuntimeError("aucun groupe en défaut trouvé pour un problème infaisable")
    linked = usable[:, group].sum(axis=1)
    supply = int(np.minimum(demand, linked).sum())
    return (
        f"les membres du jury {enumerate_fr(group.tolist())} doivent évaluer ensemble au moins "
        f"{int(min_load[group].sum())} candidatures, mais les candidatures sans conflit avec "
        f"eux ne peuvent leur en confier que {supply}"
    )
