"""Stable matching of candidates to défis with capacities (deferred acceptance).

Ties: none to break. Rankings are strict (a duplicate is refused), so the candidate-optimal
and the défi-optimal stable matchings are each unique; any proposal order gives the same
result, and so does any input order.
"""

from heapq import heappush, heapreplace
from typing import Literal

import numpy as np

from eig.matching.market import (
    CandidatePrefs,
    Capacities,
    ChallengePrefs,
    Market,
    Matching,
    build_market,
    index_matching,
)


def stable_match(
    candidate_prefs: CandidatePrefs,
    challenge_prefs: ChallengePrefs,
    capacities: Capacities,
    *,
    optimal: Literal["candidate", "challenge"] = "candidate",
) -> dict[str, str | None]:
    """Return every candidate's défi (or None) in a stable matching.

    ``candidate_prefs``: candidate id -> défi ids, best first. ``challenge_prefs``: défi id ->
    candidate ids, best first. ``capacities``: défi id -> seats (a non-negative integer, one
    for each défi of ``challenge_prefs``). Bad input raises ``ValueError`` naming the entry.

    Guarantees:
    - individually rational: a candidate only gets a défi that both rank each other on;
    - no défi holds more candidates than its seats;
    - stable: no blocking pair (see ``blocking_pairs``);
    - ``optimal="candidate"`` (candidates propose): every candidate gets the best défi they
      hold in any stable matching; ``"challenge"`` (défis propose): every défi gets the best
      set it holds in any stable matching, and each candidate the worst.

    Complexity: O(E log S) for candidate proposals, O(E) for défi proposals, E = number
    of ranking entries, S = largest capacity; each pair is proposed at most once.
    """
    if optimal not in ("candidate", "challenge"):
        raise ValueError(f"optimal : 'candidate' ou 'challenge' attendu, reçu {optimal!r}")
    market = build_market(candidate_prefs, challenge_prefs, capacities)
    if optimal == "candidate":
        assigned = _candidates_propose(market)
    else:
        assigned = _challenges_propose(market)
    challenges = market.challenges
    return {
        candidate: challenges[challenge] if challenge >= 0 else None
        for candidate, challenge in zip(market.candidates, assigned, strict=True)
    }


def blocking_pairs(
    matching: Matching,
    candidate_prefs: CandidatePrefs,
    challenge_prefs: ChallengePrefs,
    capacities: Capacities,
) -> list[tuple[str, str]]:
    """Every (candidate, défi) pair that would both rather be together; empty when stable.

    A pair blocks when both rank each other, the candidate is unmatched or ranks the défi
    above their own, and the défi has a free seat or ranks the candidate above one it holds.
    Candidates missing from ``matching`` count as unmatched; unknown ids, pairs that do not
    rank each other and over-full défis raise ``ValueError``. Order: candidates in input
    order, each one's défis best first. Complexity O(E log E), vectorised.
    """
    market = build_market(candidate_prefs, challenge_prefs, capacities)
    assigned = index_matching(matching, market)
    owners, challenges = market.pair_candidate, market.pair_challenge
    matched_pairs = challenges == assigned[owners]
    unmatched = len(market.challenges)  # worse than any position in a candidate's list
    own_position = np.full(len(market.candidates), unmatched, dtype=np.int64)
    own_position[owners[matched_pairs]] = market.pair_candidate_rank[matched_pairs]
    worst_admitted = np.full(len(market.challenges), -1, dtype=np.int64)
    np.maximum.at(
        worst_admitted, challenges[matched_pairs], market.pair_challenge_rank[matched_pairs]
    )
    held = np.bincount(challenges[matched_pairs], minlength=len(market.challenges))
    has_free_seat = held < np.asarray(market.capacity, dtype=np.int64)
    blocking = (market.pair_candidate_rank < own_position[owners]) & (
        has_free_seat[challenges] | (market.pair_challenge_rank < worst_admitted[challenges])
    )
    return [
        (market.candidates[candidate], market.challenges[challenge])
        for candidate, challenge in zip(
            owners[blocking].tolist(), challenges[blocking].tolist(), strict=True
        )
    ]


def _candidates_propose(market: Market) -> list[int]:
    """Candidate-proposing deferred acceptance; each défi keeps a max-heap of held ranks."""
    capacity = market.capacity
    seated = np.asarray(capacity, dtype=np.int64)[market.pair_challenge] > 0
    challenge_of = market.pair_challenge[seated].tolist()
    rank_there = market.pair_challenge_rank[seated].tolist()
    per_candidate = np.bincount(market.pair_candidate[seated], minlength=len(market.candidates))
    ends = np.cumsum(per_candidate).tolist()
    next_proposal = [0, *ends[:-1]]
    # Heaps hold negated ranks in the défi's list: the root is the worst candidate held,
    # and the rank leads back to the candidate through the défi's flat ranking.
    held: list[list[int]] = [[] for _ in capacity]
    ranked = market.challenge_rankings.tolist()
    starts = market.challenge_offsets.tolist()
    free = [c for c in reversed(range(len(ends))) if next_proposal[c] < ends[c]]
    while free:
        candidate = free.pop()
        proposal, end = next_proposal[candidate], ends[candidate]
        while proposal < end:
            challenge, rank = challenge_of[proposal], rank_there[proposal]
            proposal += 1
            heap = held[challenge]
            if len(heap) < capacity[challenge]:
                heappush(heap, -rank)
                break
            if rank < -heap[0]:
                displaced = -heapreplace(heap, -rank)
                free.append(ranked[starts[challenge] + displaced])
                break
        next_proposal[candidate] = proposal
    assigned = [-1] * len(ends)
    for challenge, heap in enumerate(held):
        for negated_rank in heap:
            assigned[ranked[starts[challenge] - negated_rank]] = challenge
    return assigned


def _challenges_propose(market: Market) -> list[int]:
    """Défi-proposing deferred acceptance; each candidate keeps their best offer so far."""
    capacity = market.capacity
    n_candidates, n_challenges = len(market.candidates), len(capacity)
    # By défi, then by the défi's ranking; the keys are unique, so a plain sort suffices.
    order = np.argsort(market.pair_challenge * n_candidates + market.pair_challenge_rank)
    candidate_of = market.pair_candidate[order].tolist()
    rank_there = market.pair_candidate_rank[order].tolist()
    ends = np.cumsum(np.bincount(market.pair_challenge, minlength=n_challenges)).tolist()
    next_offer = [0, *ends[:-1]]
    held_count = [0] * n_challenges
    holder = [-1] * n_candidates
    holder_rank = [n_challenges] * n_candidates  # worse than any real rank
    waiting = [d for d in reversed(range(n_challenges)) if capacity[d] and next_offer[d] < ends[d]]
    is_waiting = [False] * n_challenges
    for challenge in waiting:
        is_waiting[challenge] = True
    while waiting:
        challenge = waiting.pop()
        is_waiting[challenge] = False
        offer, end, count, seats = (
            next_offer[challenge],
            ends[challenge],
            held_count[challenge],
            capacity[challenge],
        )
        while count < seats and offer < end:
            candidate, rank = candidate_of[offer], rank_there[offer]
            offer += 1
            if rank < holder_rank[candidate]:
                previous = holder[candidate]
                holder[candidate], holder_rank[candidate] = challenge, rank
                count += 1
                if previous >= 0:
                    held_count[previous] -= 1
                    if not is_waiting[previous]:
                        is_waiting[previous] = True
                        waiting.append(previous)
        next_offer[challenge], held_count[challenge] = offer, count
    return holder
