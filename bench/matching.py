"""Benchmarks of eig.matching against reference solvers, on seeded synthetic instances.

Run: ``python -m uv run python bench/matching.py``. Every figure is the median of
REPEATS runs (the machine is shared), next to a reference run in the same process:
- stable_match: the ``matching`` package (HospitalResident), same result required;
- assign_reviewers: OR-Tools' min-cost flow (C++ network simplex), same optimum required, on
  random affinities (our LP path); on tied affinities (our min-cost flow path), the LP path;
- form_teams: SCIP through OR-Tools, same optimum required.
"""

import os
import platform
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy

# Run as a script, this file's folder leads sys.path, where its own name would shadow the
# ``matching`` package: put the repository root there instead.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from eig.matching import assign_reviewers, blocking_pairs, form_teams, stable_match  # noqa: E402

REPEATS = 5
SEED = 2026


@dataclass(frozen=True)
class Timing:
    """Median wall time and median CPU time of the process, in seconds."""

    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:.3f} s wall (CPU {self.cpu:.3f} s)"


def timed[T](run: Callable[[], T], repeats: int = REPEATS) -> tuple[Timing, T]:
    """Medians of ``repeats`` runs; CPU time is less disturbed by other jobs on the machine."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Timing(statistics.median(walls), statistics.median(cpus)), result


def ratio(ours: Timing, theirs: Timing) -> str:
    return (
        f"ratio: ours takes {ours.wall / theirs.wall:.2f}x the reference's wall time "
        f"({ours.cpu / theirs.cpu:.2f}x its CPU time)"
    )


def national_market(n_candidates: int, n_challenges: int, n_seats: int, seed: int = SEED):
    """Candidates rank 5 to 15 défis drawn by popularity (Pareto-skewed, without
    replacement); each défi ranks every candidate who chose it, by a global merit plus a
    défi-specific opinion; seats: one per défi, the rest half uniform, half by popularity."""
    rng = np.random.default_rng(seed)
    popularity = rng.pareto(1.2, n_challenges) + 1
    popularity /= popularity.sum()
    candidates = [f"c{i}" for i in range(n_candidates)]
    challenges = [f"d{j}" for j in range(n_challenges)]
    lengths = rng.integers(5, 16, n_candidates)
    draws = rng.choice(n_challenges, size=(n_candidates, 40), p=popularity)
    chosen = [
        list(dict.fromkeys(row))[:length]
        for row, length in zip(draws.tolist(), lengths, strict=False)
    ]
    candidate_prefs = {
        candidate: [challenges[j] for j in row]
        for candidate, row in zip(candidates, chosen, strict=False)
    }
    owner = np.repeat(np.arange(n_candidates), [len(row) for row in chosen])
    challenge = np.fromiter((j for row in chosen for j in row), np.int64, owner.size)
    opinion = rng.random(n_candidates)[owner] + 0.5 * rng.random(owner.size)
    order = np.lexsort((-opinion, challenge))
    bounds = np.searchsorted(challenge[order], np.arange(n_challenges + 1))
    ranked = owner[order].tolist()
    challenge_prefs = {
        challenges[j]: [candidates[i] for i in ranked[bounds[j] : bounds[j + 1]]]
        for j in range(n_challenges)
    }
    extra = rng.multinomial(n_seats - n_challenges, 0.5 / n_challenges + 0.5 * popularity)
    capacities = {challenges[j]: int(1 + extra[j]) for j in range(n_challenges)}
    return candidate_prefs, challenge_prefs, capacities


def reference_stable(candidate_prefs, challenge_prefs, capacities, optimal):
    """The ``matching`` package's answer, as a dict candidate -> défi or None."""
    from matching.games import HospitalResident

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = HospitalResident.create_from_dictionaries(
            candidate_prefs, challenge_prefs, capacities
        )
        solved = game.solve(optimal={"candidate": "resident", "challenge": "hospital"}[optimal])
    result = dict.fromkeys(candidate_prefs)
    for hospital, residents in solved.items():
        for resident in residents:
            result[resident.name] = hospital.name
    return result


def bench_stable() -> None:
    print("== stable_match: national match")
    market = national_market(52_500, 6_600, 43_000)
    entries = sum(map(len, market[0].values()))
    print(f"instance: 52,500 candidates, 6,600 défis, 43,000 seats, {entries:,} ranking entries")
    for optimal in ("candidate", "challenge"):
        seconds, matching = timed(lambda o=optimal: stable_match(*market, optimal=o))
        matched = sum(d is not None for d in matching.values())
        print(f"stable_match optimal={optimal!r}: {seconds} median ({matched:,} matched)")
        seconds, pairs = timed(lambda m=matching: blocking_pairs(m, *market))
        print(f"blocking_pairs on it: {seconds} median, {len(pairs)} blocking pair(s)")
    try:
        reference_stable(*market, "candidate")
        print("matching package on the national instance: ran")
    except RecursionError:
        print("matching package on the national instance: RecursionError (default limit)")

    print("\n== stable_match vs the matching package (HospitalResident)")
    small = national_market(2_000, 250, 1_640)
    print("instance: 2,000 candidates, 250 défis, 1,640 seats (same generator)")
    limit = sys.getrecursionlimit()
    try:
        reference_stable(*small, "candidate")
    except RecursionError:
        print(f"the package hits RecursionError at the default limit ({limit}); raised to 100,000")
    sys.setrecursionlimit(100_000)
    try:
        for optimal in ("candidate", "challenge"):
            ours, mine = timed(lambda o=optimal: stable_match(*small, optimal=o))
            theirs, reference = timed(lambda o=optimal: reference_stable(*small, o))
            same = "same matching" if mine == reference else "DIFFERENT MATCHING"
            print(
                f"optimal={optimal!r}: ours {ours}, package {theirs} (medians): "
                f"ours is {theirs.wall / ours.wall:.0f}x faster "
                f"(CPU: {theirs.cpu / ours.cpu:.0f}x); {same}"
            )
    finally:
        sys.setrecursionlimit(limit)


def review_instance(seed: int = SEED):
    rng = np.random.default_rng(seed)
    affinity = rng.integers(0, 1001, (10_000, 300)) / 1000  # exact in thousandths
    conflicts = rng.random((10_000, 300)) < 0.01
    max_load = rng.integers(100, 111, 300)
    return affinity, conflicts, max_load


def reference_reviews(affinity, conflicts, max_load, reviews: int) -> float:
    """Optimal total by OR-Tools' min-cost flow: source -> application -> reviewer -> sink."""
    from ortools.graph.python import min_cost_flow

    n_applications, n_reviewers = affinity.shape
    rows, columns = np.nonzero(~conflicts)
    source, sink = n_applications + n_reviewers, n_applications + n_reviewers + 1
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(
            [np.full(n_applications, source), rows, n_applications + np.arange(n_reviewers)]
        ),
        np.concatenate(
            [np.arange(n_applications), n_applications + columns, np.full(n_reviewers, sink)]
        ),
        np.concatenate([np.full(n_applications, reviews), np.ones(rows.size, np.int64), max_load]),
        np.concatenate(
            [
                np.zeros(n_applications, np.int64),
                -np.rint(affinity[rows, columns] * 1000).astype(np.int64),
                np.zeros(n_reviewers, np.int64),
            ]
        ),
    )
    flow.set_node_supply(source, reviews * n_applications)
    flow.set_node_supply(sink, -reviews * n_applications)
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("OR-Tools min-cost flow did not reach an optimum")
    return -flow.optimal_cost() / 1000


def bench_reviewers() -> None:
    print("\n== assign_reviewers vs OR-Tools min-cost flow")
    affinity, conflicts, max_load = review_instance()
    print(
        "instance: 10,000 applications × 300 reviewers, 3 reviews each, max loads 100-110 "
        f"(total {max_load.sum():,}), {conflicts.mean():.1%} conflicts, affinities in thousandths"
    )
    ours, result = timed(
        lambda: assign_reviewers(
            affinity, reviews_per_application=3, max_load=max_load, conflicts=conflicts
        )
    )
    total = sum(affinity[a, group].sum() for a, group in enumerate(result))
    loads = np.bincount([r for group in result for r in group], minlength=300)
    theirs, reference = timed(lambda: reference_reviews(affinity, conflicts, max_load, 3))
    verdict = "equal" if abs(total - reference) < 1e-6 else "DIFFERENT"
    print(f"assign_reviewers: {ours} median, total affinity {total:.3f}")
    print(f"OR-Tools min-cost flow: {theirs} median, total affinity {reference:.3f} ({verdict})")
    print(ratio(ours, theirs))
    print(f"loads: min {loads.min()}, max {loads.max()}, Σ load² {int((loads**2).sum()):,}")


def tied_review_instance(seed: int = SEED):
    """The platform's kind of affinities: 2 × [profile assessed] + share of the skills sought
    (thirds here), from 300 kinds of application, so many identical rows; 1 % conflicts."""
    rng = np.random.default_rng(seed)
    kinds = 2.0 * (rng.random((300, 150)) < 0.2) + rng.integers(0, 4, (300, 150)) / 3
    affinity = kinds[rng.integers(0, 300, 3_000)]
    conflicts = rng.random((3_000, 150)) < 0.01
    return affinity, conflicts, rng.integers(60, 71, 150)


def bench_tied_reviewers() -> None:
    """The min-cost flow path against the LP path (HiGHS), forced on the same instance."""
    import eig.matching.reviewers as reviewers

    print("\n== assign_reviewers on tied affinities: min-cost flow vs the LP (HiGHS)")
    affinity, conflicts, max_load = tied_review_instance()
    # Smaller than the random instance: the LP, degenerate on ties, takes minutes at 10,000.
    print("instance: 3,000 applications × 150 reviewers, 3 reviews each, affinities in thirds")

    def run():
        return assign_reviewers(
            affinity, reviews_per_application=3, max_load=max_load, conflicts=conflicts
        )

    def summary(result):
        loads = np.bincount([r for group in result for r in group], minlength=150)
        total = sum(affinity[a, group].sum() for a, group in enumerate(result))
        return total, int((loads**2).sum())

    ours, result = timed(run)
    flow = reviewers._assign_by_flow
    reviewers._assign_by_flow = lambda *args: None
    try:
        theirs, reference = timed(run, repeats=1)
    finally:
        reviewers._assign_by_flow = flow
    (total, squares), (reference_total, reference_squares) = summary(result), summary(reference)
    same = abs(total - reference_total) < 1e-6 and squares == reference_squares
    print(f"min-cost flow: {ours} median, total affinity {total:.3f}, Σ load² {squares:,}")
    print(
        f"LP (one run): {theirs}, total affinity {reference_total:.3f}, "
        f"Σ load² {reference_squares:,} ({'equal' if same else 'DIFFERENT'})"
    )
    print(ratio(ours, theirs))


def team_instance(seed: int = SEED):
    rng = np.random.default_rng(seed)
    n_candidates, n_challenges = 2_000, 50
    score = rng.random((n_candidates, n_challenges))
    allowed = np.zeros((n_candidates, n_challenges), dtype=bool)
    choices = np.argsort(rng.random((n_candidates, n_challenges)), axis=1)[:, :3]
    np.put_along_axis(allowed, choices, True, axis=1)
    profiles = rng.choice(["dev", "data", "design"], n_candidates, p=[0.3, 0.4, 0.3]).tolist()
    return score, allowed, profiles


def reference_teams(score, allowed, profiles, minimum: dict[str, int]) -> float:
    """Optimal total by SCIP (through OR-Tools) on the same 0-1 model."""
    from ortools.linear_solver import pywraplp

    solver = pywraplp.Solver.CreateSolver("SCIP")
    rows, columns = np.nonzero(allowed)
    x = [solver.BoolVar(f"x{k}") for k in range(rows.size)]
    for i in range(score.shape[0]):
        solver.Add(sum(x[k] for k in np.flatnonzero(rows == i)) <= 1)
    for j in range(score.shape[1]):
        members = np.flatnonzero(columns == j)
        solver.Add(sum(x[k] for k in members) >= 2)
        solver.Add(sum(x[k] for k in members) <= 3)
        for label, count in minimum.items():
            solver.Add(sum(x[k] for k in members if profiles[rows[k]] == label) >= count)
    solver.Maximize(
        sum(float(score[i, j]) * x[k] for k, (i, j) in enumerate(zip(rows, columns, strict=False)))
    )
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        raise RuntimeError("SCIP did not reach an optimum")
    return solver.Objective().Value()


def bench_teams() -> None:
    print("\n== form_teams vs SCIP (OR-Tools)")
    score, allowed, profiles = team_instance()
    minimum = {"dev": 1}
    print(
        "instance: 2,000 candidates, 50 défis of 2 to 3 seats, 3 allowed défis each, "
        "≥ 1 dev per défi"
    )
    ours, result = timed(
        lambda: form_teams(
            score,
            allowed=allowed,
            seats_min=2,
            seats_max=3,
            profiles=profiles,
            min_per_profile=dict.fromkeys(range(50), minimum),
        )
    )
    total = sum(score[i, j] for i, j in enumerate(result) if j is not None)
    theirs, reference = timed(lambda: reference_teams(score, allowed, profiles, minimum))
    verdict = "equal" if abs(total - reference) < 1e-6 else "DIFFERENT"
    print(f"form_teams: {ours} median, proven optimal, total score {total:.6f}")
    print(f"SCIP: {theirs} median, total score {reference:.6f} ({verdict})")
    print(ratio(ours, theirs))


if __name__ == "__main__":
    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"{os.cpu_count()} CPUs; medians of {REPEATS} runs; load average before: "
        f"{', '.join(f'{load:.1f}' for load in os.getloadavg())} (shared machine)"
    )
    bench_stable()
    bench_reviewers()
    bench_tied_reviewers()
    bench_teams()
