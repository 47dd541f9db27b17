"""Optimal team formation: candidates to défis, maximising total score, as an exact MILP."""

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array

from eig.matching.errors import Infeasible
from eig.matching.shortfall import unmet_group
from eig.matching.validation import (
    bool_matrix,
    check_finite,
    count_fr,
    enumerate_fr,
    float_matrix,
    index_pairs,
    integral,
    per_item_counts,
)

ProfileMinimums = Mapping[int, Mapping[Hashable, int]]


def form_teams(
    score: ArrayLike,
    *,
    allowed: ArrayLike,
    seats_min: int | ArrayLike,
    seats_max: int | ArrayLike,
    profiles: Sequence[Hashable] | None = None,
    min_per_profile: ProfileMinimums | None = None,
    pinned: Iterable[tuple[int, int]] = (),
    forbidden: Iterable[tuple[int, int]] = (),
) -> list[int | None]:
    """Return each candidate's défi index (or None) maximising the total score.

    ``score``: candidates × défis, higher is better (NaN or infinite only where not
    allowed). ``allowed``: boolean array of the same shape. ``seats_min``, ``seats_max``:
    an integer for every défi or one per défi. ``profiles``: one label per candidate
    (e.g. "dev"). ``min_per_profile``: a dict défi index -> {label: minimum count}; défis
    absent from it have no profile requirement. ``pinned``, ``forbidden``: (candidate, défi)
    pairs decided by the team.

    Guarantees: each candidate is in at most one défi, only on an allowed and not forbidden
    pair; every pinned pair is kept; each défi gets between ``seats_min`` and ``seats_max``
    candidates, so ``seats_min`` is a hard minimum (a défi is left empty only when its
    ``seats_min`` is 0) and meets every profile minimum. Among such assignments the total
    score is maximal, proven by HiGHS (status optimal, MIP gap 0). A candidate whose best
    score is negative stays unassigned unless a minimum needs them.

    Infeasibility raises ``Infeasible`` naming the cause: a pinned pair that is not allowed,
    forbidden, doubled or over a défi's seats; a défi or profile with too few eligible
    candidates; more required than seats; or, when only a group of défis competing for the
    same candidates is at fault, that group (found by a max-flow Hall check). Bad input
    raises ``ValueError`` naming the entry.

    Ties: among assignments of equal total score, the one HiGHS returns. HiGHS is
    deterministic and the model is built in input order (candidates, then défis), so the
    same input gives the same output; to prefer one of several equal solutions, change the
    scores or pin the pair.

    Complexity: the constraint matrix is totally unimodular (candidate rows and the nested
    défi ⊃ profile rows form two laminar families), so the LP relaxation is integral and
    HiGHS proves optimality at the root node: polynomial in practice, about one simplex
    solve on the allowed pairs.
    """
    score = float_matrix("score", score)
    n_candidates, n_challenges = score.shape
    allowed = bool_matrix("allowed", allowed, score.shape)
    check_finite("score", score, where=allowed)
    seats_min = per_item_counts("seats_min", seats_min, n_challenges)
    seats_max = per_item_counts("seats_max", seats_max, n_challenges)
    too_few_seats = seats_min > seats_max
    if too_few_seats.any():
        j = int(np.argmax(too_few_seats))
        raise ValueError(
            f"défi {j} : seats_min ({seats_min[j]}) dépasse seats_max ({seats_max[j]})"
        )
    labels, profile_of = _profiles(profiles, n_candidates)
    minimums = _minimums(min_per_profile, profiles is not None, n_challenges)
    pinned = index_pairs("pinned", pinned, score.shape)
    forbidden = index_pairs("forbidden", forbidden, score.shape)

    eligible = allowed.copy()
    for i, j in forbidden:
        eligible[i, j] = False
    pin_of = _check_pins(pinned, set(forbidden), allowed, seats_max)
    for i, j in pin_of.items():
        eligible[i, :] = False  # a pinned candidate cannot go anywhere else
        eligible[i, j] = True
    _check_counts(eligible, seats_min, seats_max, minimums, labels, profile_of, pin_of)

    rows, columns = np.nonzero(eligible)
    if rows.size == 0:  # the checks above passed, so every seats_min is 0
        return [None] * n_candidates
    lower = np.zeros(rows.size)
    if pin_of:
        keys = rows * n_challenges + columns  # sorted: np.nonzero is row-major
        lower[np.searchsorted(keys, [i * n_challenges + j for i, j in pin_of.items()])] = 1
    matrix, row_lower, row_upper = _constraints(
        rows, columns, labels, profile_of, minimums, seats_min, seats_max
    )
    result = milp(
        -score[rows, columns],
        integrality=np.ones(rows.size),
        bounds=Bounds(lower, np.ones(rows.size)),
        constraints=LinearConstraint(matrix, row_lower, row_upper),
        options={"mip_rel_gap": 0.0},
    )
    if result.status == 2:
        raise Infeasible(
            _explain_shortfall(eligible, seats_min, minimums, labels, profile_of, pin_of)
        )
    if result.status != 0 or result.mip_gap != 0:
        raise RuntimeError(
            f"HiGHS n'a pas prouvé l'optimum : {result.message} (écart {result.mip_gap})"
        )
    chosen = integral(result.x) == 1
    assignment: list[int | None] = [None] * n_candidates
    for i, j in zip(rows[chosen].tolist(), columns[chosen].tolist(), strict=True):
        assignment[i] = j
    return assignment


def _profiles(
    profiles: Sequence[Hashable] | None, n_candidates: int
) -> tuple[list[Hashable], np.ndarray]:
    """Distinct labels (first-seen order) and each candidate's label index (-1: none given)."""
    if profiles is None:
        return [], np.full(n_candidates, -1, dtype=np.int64)
    if isinstance(profiles, str) or not isinstance(profiles, Iterable):
        raise ValueError("profiles : une séquence d'étiquettes (une par candidat) attendue")
    profiles = list(profiles)
    if len(profiles) != n_candidates:
        raise ValueError(f"profiles : {n_candidates} étiquettes attendues, reçu {len(profiles)}")
    codes: dict[Hashable, int] = {}
    try:
        profile_of = np.fromiter(
            (codes.setdefault(label, len(codes)) for label in profiles), np.int64, n_candidates
        )
    except TypeError:
        i = next(i for i, label in enumerate(profiles) if not isinstance(label, Hashable))
        raise ValueError(f"profiles[{i}] : étiquette invalide {profiles[i]!r}") from None
    return list(codes), profile_of


def _minimums(
    min_per_profile: ProfileMinimums | None, has_profiles: bool, n_challenges: int
) -> dict[tuple[int, Hashable], int]:
    """(défi, label) -> minimum count, keeping positive minimums only."""
    if min_per_profile is None:
        return {}
    if not isinstance(min_per_profile, Mapping):
        raise ValueError(
            "min_per_profile : dictionnaire indice de défi -> {profil: minimum} attendu"
        )
    minimums: dict[tuple[int, Hashable], int] = {}
    for j, per_label in min_per_profile.items():
        if isinstance(j, bool) or not isinstance(j, int | np.integer) or not 0 <= j < n_challenges:
            raise ValueError(f"min_per_profile : indice de défi invalide {j!r}")
        if not isinstance(per_label, Mapping):
            raise ValueError(f"min_per_profile[{j}] : dictionnaire profil -> minimum attendu")
        for label, count in per_label.items():
            if isinstance(count, bool) or not isinstance(count, int | np.integer) or count < 0:
                raise ValueError(
                    f"min_per_profile[{j}][{label!r}] : entier positif ou nul attendu, "
                    f"reçu {count!r}"
                )
            if count and not has_profiles:
                raise ValueError(
                    "min_per_profile demande des profils mais profiles n'est pas fourni"
                )
            if count:
                minimums[(int(j), label)] = int(count)
    return minimums


def _check_pins(
    pinned: list[tuple[int, int]],
    forbidden: set[tuple[int, int]],
    allowed: np.ndarray,
    seats_max: np.ndarray,
) -> dict[int, int]:
    """Candidate -> pinned défi, after refusing contradictory or impossible pins."""
    pin_of: dict[int, int] = {}
    for i, j in pinned:
        if (i, j) in forbidden:
            raise Infeasible(f"le candidat {i} est à la fois imposé et interdit sur le défi {j}")
        if not allowed[i, j]:
            raise Infeasible(
                f"le candidat {i} est imposé sur le défi {j}, qui ne lui est pas permis"
            )
        if i in pin_of:
            raise Infeasible(f"le candidat {i} est imposé sur deux défis : {pin_of[i]} et {j}")
        pin_of[i] = j
    pins_per_challenge = np.bincount(
        np.fromiter(pin_of.values(), np.int64), minlength=seats_max.size
    )
    over = pins_per_challenge > seats_max
    if over.any():
        j = int(np.argmax(over))
        raise Infeasible(
            f"défi {j} : {pins_per_challenge[j]} candidats imposés pour {seats_max[j]} place(s) "
            "au plus"
        )
    return pin_of


def _check_counts(
    eligible: np.ndarray,
    seats_min: np.ndarray,
    seats_max: np.ndarray,
    minimums: dict[tuple[int, Hashable], int],
    labels: list[Hashable],
    profile_of: np.ndarray,
    pin_of: dict[int, int],
) -> None:
    """Cheap counting checks, each naming its défi and profile."""
    available = eligible.sum(axis=0)
    short = available < seats_min
    if short.any():
        j = int(np.argmax(short))
        raise Infeasible(
            f"défi {j} : au moins {count_fr(seats_min[j], 'candidat requis', 'candidats requis')}, "
            f"pour seulement {count_fr(available[j], 'candidat éligible', 'candidats éligibles')} "
            "(autorisé sur ce défi, non interdit, non imposé ailleurs)"
        )
    pinned_here, pinned_profile = _pinned_counts(pin_of, profile_of, seats_min.size)
    required_beyond_pins = pinned_here.copy()
    code = {label: k for k, label in enumerate(labels)}
    for (j, label), count in minimums.items():
        of_label = eligible[:, j] & (profile_of == code.get(label, -2))
        if of_label.sum() < count:
            raise Infeasible(
                f"défi {j} : au moins {count} « {label} » requis, pour seulement "
                f"{count_fr(int(of_label.sum()), 'candidat éligible', 'candidats éligibles')} "
                "de ce profil"
            )
        required_beyond_pins[j] += max(0, count - pinned_profile[j, code[label]])
    over = required_beyond_pins > seats_max
    if over.any():
        j = int(np.argmax(over))
        asked = {label: count for (k, label), count in minimums.items() if k == j}
        raise Infeasible(
            f"défi {j} : les profils exigés ({asked}) et les {pinned_here[j]} candidat(s) "
            f"imposé(s) demandent {required_beyond_pins[j]} places, pour {seats_max[j]} au plus"
        )
    if seats_min.sum() > eligible.shape[0]:
        raise Infeasible(
            f"les défis demandent au moins {seats_min.sum()} candidats au total, "
            f"il n'y en a que {eligible.shape[0]}"
        )


def _constraints(
    rows: np.ndarray,
    columns: np.ndarray,
    labels: list[Hashable],
    profile_of: np.ndarray,
    minimums: dict[tuple[int, Hashable], int],
    seats_min: np.ndarray,
    seats_max: np.ndarray,
) -> tuple[csr_array, np.ndarray, np.ndarray]:
    """Rows: one per candidate (at most one défi), per défi (seats), per (défi, profile)."""
    n_candidates, n_challenges = profile_of.size, seats_min.size
    variable = np.arange(rows.size)
    tails = [rows, n_candidates + columns]
    heads = [variable, variable]
    if minimums:
        code = {label: k for k, label in enumerate(labels)}
        profile_row = np.full((n_challenges, len(labels)), -1, dtype=np.int64)
        for row, (j, label) in enumerate(minimums, start=n_candidates + n_challenges):
            profile_row[j, code[label]] = row
        row_of_variable = profile_row[columns, profile_of[rows]]
        counted = row_of_variable >= 0
        tails.append(row_of_variable[counted])
        heads.append(variable[counted])
    tail, head = np.concatenate(tails), np.concatenate(heads)
    n_rows = n_candidates + n_challenges + len(minimums)
    matrix = csr_array((np.ones(tail.size), (tail, head)), shape=(n_rows, rows.size))
    minimum_counts = np.fromiter(minimums.values(), float, len(minimums))
    row_lower = np.concatenate([np.zeros(n_candidates), seats_min, minimum_counts])
    row_upper = np.concatenate([np.ones(n_candidates), seats_max, np.full(len(minimums), np.inf)])
    return matrix, row_lower, row_upper


def _explain_shortfall(
    eligible: np.ndarray,
    seats_min: np.ndarray,
    minimums: dict[tuple[int, Hashable], int],
    labels: list[Hashable],
    profile_of: np.ndarray,
    pin_of: dict[int, int],
) -> str:
    """Name a group of défis whose minimums the candidates they share cannot all fill.

    Exact: pins fill their seats first; each remaining minimum becomes a demand (one per
    required profile, one for the seats beyond those); candidates supply one each. The
    instance is feasible exactly when this demand fits (upper bounds were checked before),
    so a solver "infeasible" always yields a group here.
    """
    free = np.ones(profile_of.size, dtype=bool)
    free[list(pin_of)] = False
    pinned_here, pinned_profile = _pinned_counts(pin_of, profile_of, seats_min.size)
    code = {label: k for k, label in enumerate(labels)}
    nodes: list[tuple[int, Hashable | None, int]] = []
    for (j, label), count in minimums.items():
        if count > pinned_profile[j, code[label]]:
            nodes.append((j, label, count - pinned_profile[j, code[label]]))
    by_profile = np.zeros(seats_min.size, dtype=np.int64)
    for j, _, d in nodes:
        by_profile[j] += d
    for j in range(seats_min.size):
        beyond = int(seats_min[j] - pinned_here[j] - by_profile[j])
        if beyond > 0:
            nodes.append((j, None, beyond))
    edge_node, edge_candidate = [], []
    for node, (j, label, _) in enumerate(nodes):
        reachable = eligible[:, j] & free
        if label is not None:
            reachable &= profile_of == code[label]
        candidates = np.flatnonzero(reachable)
        edge_node.append(np.full(candidates.size, node))
        edge_candidate.append(candidates)
    demand = np.array([d for _, _, d in nodes], dtype=np.int64)
    group = unmet_group(
        demand,
        np.ones(profile_of.size, dtype=np.int64),
        np.concatenate(edge_node),
        np.concatenate(edge_candidate),
    )
    if group is None:
        raise RuntimeError(
            "HiGHS juge le problème infaisable mais le test de Hall le juge faisable"
        )
    wanted: dict[int, list[str]] = {}
    for node in group.tolist():
        j, label, d = nodes[node]
        if label is not None:
            wanted.setdefault(j, []).append(f"{d} « {label} »")
        elif any(k == j for k, _ in minimums):
            wanted.setdefault(j, []).append(f"{count_fr(d, 'autre', 'autres')} en plus des profils")
        else:
            wanted.setdefault(j, []).append(count_fr(d, "candidat", "candidats"))
    groups = [f"{j} ({', '.join(parts)})" for j, parts in sorted(wanted.items())]
    shared = np.unique(np.concatenate([edge_candidate[node] for node in group]))
    pins_note = " en plus des candidats imposés" if pin_of else ""
    return (
        f"les défis {enumerate_fr(groups)} demandent ensemble au moins "
        f"{int(demand[group].sum())} candidats{pins_note}, pour seulement "
        f"{count_fr(shared.size, 'candidat éligible', 'candidats éligibles')} : "
        f"{enumerate_fr(shared.tolist())}"
    )


def _pinned_counts(
    pin_of: dict[int, int], profile_of: np.ndarray, n_challenges: int
) -> tuple[np.ndarray, Counter[tuple[int, int]]]:
    """Pinned candidates per défi, and per (défi, profile code)."""
    per_challenge = np.bincount(np.fromiter(pin_of.values(), np.int64), minlength=n_challenges)
    per_profile = Counter((j, int(profile_of[i])) for i, j in pin_of.items())
    return per_challenge, per_profile
