"""Brute-force references for small instances: enumerate everything, keep the best."""

from itertools import combinations, product

import numpy as np


def stable_matchings(candidate_prefs, challenge_prefs, capacities):
    """Every stable matching, as dicts candidate -> défi or None."""
    options = [
        [None] + [d for d in prefs if c in challenge_prefs[d]]
        for c, prefs in candidate_prefs.items()
    ]
    found = []
    for choice in product(*options):
        matching = dict(zip(candidate_prefs, choice, strict=True))
        held = {d: [c for c, m in matching.items() if m == d] for d in challenge_prefs}
        if any(len(held[d]) > capacities[d] for d in challenge_prefs):
            continue
        if not naive_blocking_pairs(matching, candidate_prefs, challenge_prefs, capacities):
            found.append(matching)
    return found


def naive_blocking_pairs(matching, candidate_prefs, challenge_prefs, capacities):
    """The definition, written out directly."""
    pairs = []
    for c, prefs in candidate_prefs.items():
        own = matching.get(c)
        for d in prefs:
            if d == own:
                break
            if c not in challenge_prefs[d]:
                continue
            held = [h for h, m in matching.items() if m == d]
            ranking = challenge_prefs[d]
            if len(held) < capacities[d] or any(ranking.index(c) < ranking.index(h) for h in held):
                pairs.append((c, d))
    return pairs


def best_teams(score, allowed, seats_min, seats_max, profiles, minimums, pinned, forbidden):
    """Best total score over all valid assignments, or None if there is none."""
    n, m = score.shape
    options = [
        [None] + [j for j in range(m) if allowed[i, j] and (i, j) not in forbidden]
        for i in range(n)
    ]
    best = None
    for choice in product(*options):
        if any(choice[i] != j for i, j in pinned):
            continue
        counts = [sum(1 for x in choice if x == j) for j in range(m)]
        if any(not seats_min[j] <= counts[j] <= seats_max[j] for j in range(m)):
            continue
        if any(
            sum(1 for i, x in enumerate(choice) if x == j and profiles[i] == label) < count
            for j, per_label in minimums.items()
            for label, count in per_label.items()
        ):
            continue
        total = sum(score[i, x] for i, x in enumerate(choice) if x is not None)
        if best is None or total > best:
            best = total
    return best


def best_reviews(affinity, conflicts, demand, min_load, max_load):
    """(best total, least Σ load² among assignments within 1e-9 of it), or None."""
    n_applications, n_reviewers = affinity.shape
    options = [
        list(combinations([r for r in range(n_reviewers) if not conflicts[a, r]], demand[a]))
        for a in range(n_applications)
    ]
    results = []
    for choice in product(*options):
        loads = np.bincount([r for group in choice for r in group], minlength=n_reviewers)
        if (loads < min_load).any() or (loads > max_load).any():
            continue
        total = sum(affinity[a, list(group)].sum() for a, group in enumerate(choice))
        results.append((total, int((loads**2).sum())))
    if not results:
        return None
    best = max(total for total, _ in results)
    return best, min(square for total, square in results if total >= best - 1e-9)
