"""Validated, integer-indexed form of a two-sided market: candidates × défis.

Ids are mapped to integers once (input order), so the algorithms work on lists of ints and
numpy arrays instead of looking ids up in dicts at every step.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

CandidatePrefs = Mapping[str, Sequence[str]]
ChallengePrefs = Mapping[str, Sequence[str]]
Capacities = Mapping[str, int]
Matching = Mapping[str, str | None]


@dataclass(frozen=True, slots=True)
class Market:
    """Preferences as integer tables, plus the mutually acceptable pairs.

    Rankings are flat: candidate ``c`` ranks ``candidate_rankings[candidate_offsets[c]:
    candidate_offsets[c + 1]]`` (défi indices, best first), and likewise for défis. The
    pair arrays list every (candidate, défi) pair that both sides rank, in candidate input
    order then candidate preference order, with each side's rank of the other (0 = best).
    """

    def candidate_ranking(self, candidate: int) -> list[int]:
        start, end = self.candidate_offsets[candidate : candidate + 2]
        return self.candidate_rankings[start:end].tolist()

    def challenge_ranking(self, challenge: int) -> list[int]:
        start, end = self.challenge_offsets[challenge : challenge + 2]
        return self.challenge_rankings[start:end].tolist()

    candidates: list[str]
    challenges: list[str]
    candidate_index: dict[str, int]
    challenge_index: dict[str, int]
    capacity: list[int]
    candidate_offsets: np.ndarray
    candidate_rankings: np.ndarray
    challenge_offsets: np.ndarray
    challenge_rankings: np.ndarray
    pair_candidate: np.ndarray
    pair_challenge: np.ndarray
    pair_candidate_rank: np.ndarray
    pair_challenge_rank: np.ndarray


def build_market(
    candidate_prefs: CandidatePrefs, challenge_prefs: ChallengePrefs, capacities: Capacities
) -> Market:
    """Check the three inputs and index them; ``ValueError`` names any bad entry.

    Refused: non-mapping inputs, a ranking that is not a list or tuple, unknown ids,
    duplicates within a ranking, a défi without capacity (or a capacity for an unknown
    défi), capacities that are not non-negative integers. Cost O(E log E), E = number of
    ranking entries on both sides, mostly in numpy.
    """
    for name, value in (
        ("candidate_prefs", candidate_prefs),
        ("challenge_prefs", challenge_prefs),
        ("capacities", capacities),
    ):
        if not isinstance(value, Mapping):
            raise ValueError(f"{name} : dictionnaire attendu, reçu {type(value).__name__}")
    candidates = list(candidate_prefs)
    challenges = list(challenge_prefs)
    candidate_index = {candidate: i for i, candidate in enumerate(candidates)}
    challenge_index = {challenge: j for j, challenge in enumerate(challenges)}
    c_offsets, c_owner, c_item, c_position = _index_rankings(
        candidate_prefs, challenge_index, "candidat", "défi", "candidate_prefs"
    )
    d_offsets, d_owner, d_item, d_position = _index_rankings(
        challenge_prefs, candidate_index, "défi", "candidat", "challenge_prefs"
    )
    capacity = _capacities(capacities, challenges)

    n_candidates = len(candidates)
    # One key per (défi, candidate) pair, written by each side: sorting them finds
    # duplicates (equal neighbours) and the pairs both sides wrote (searchsorted).
    candidate_keys = c_item * n_candidates + c_owner
    challenge_keys = d_owner * n_candidates + d_item
    _refuse_duplicates(candidate_keys, c_owner, c_item, candidates, challenges, "candidat")
    challenge_order = _refuse_duplicates(
        challenge_keys, d_owner, d_item, challenges, candidates, "défi"
    )
    sorted_keys = challenge_keys[challenge_order]
    where = np.searchsorted(sorted_keys, candidate_keys)
    where[where == sorted_keys.size] = 0
    if sorted_keys.size:
        mutual = sorted_keys[where] == candidate_keys
    else:
        mutual = np.zeros(candidate_keys.size, dtype=bool)
    return Market(
        candidates=candidates,
        challenges=challenges,
        candidate_index=candidate_index,
        challenge_index=challenge_index,
        capacity=capacity,
        candidate_offsets=c_offsets,
        candidate_rankings=c_item,
        challenge_offsets=d_offsets,
        challenge_rankings=d_item,
        pair_candidate=c_owner[mutual],
        pair_challenge=c_item[mutual],
        pair_candidate_rank=c_position[mutual],
        pair_challenge_rank=d_position[challenge_order[where[mutual]]],
    )


def _index_rankings(
    prefs: Mapping[str, Sequence[str]],
    index: dict[str, int],
    owner_label: str,
    item_label: str,
    name: str,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Offsets, then owner, item index and position (0 = best) of every ranking entry.

    All ids are looked up in one pass over the flattened rankings (``map`` on the dict),
    the cheapest way to do a million lookups in Python; errors are located afterwards.
    """
    for owner, ranking in prefs.items():
        if not isinstance(ranking, list | tuple):
            raise ValueError(
                f"{name} : le {owner_label} {owner!r} doit avoir une liste de {item_label}s, "
                f"reçu {type(ranking).__name__}"
            )
    lengths = np.fromiter(map(len, prefs.values()), dtype=np.int64, count=len(prefs))
    offsets = np.zeros(len(prefs) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    total = int(offsets[-1])
    try:
        items = np.fromiter(
            map(index.__getitem__, chain.from_iterable(prefs.values())), np.int64, total
        )
    except (KeyError, TypeError):
        owner, unknown = next(
            (owner, item)
            for owner, ranking in prefs.items()
            for item in ranking
            if _unknown(item, index)
        )
        raise ValueError(
            f"{name} : le {owner_label} {owner!r} classe un {item_label} inconnu : {unknown!r}"
        ) from None
    owners = np.repeat(np.arange(len(prefs), dtype=np.int64), lengths)
    positions = np.arange(total, dtype=np.int64) - offsets[owners]
    return offsets, owners, items, positions


def _unknown(item: object, index: dict[str, int]) -> bool:
    try:
        return item not in index
    except TypeError:
        return True


def _capacities(capacities: Capacities, challenges: list[str]) -> list[int]:
    capacity: list[int] = []
    for challenge in challenges:
        if challenge not in capacities:
            raise ValueError(f"capacities : capacité manquante pour le défi {challenge!r}")
        seats = capacities[challenge]
        if isinstance(seats, bool) or not isinstance(seats, int | np.integer):
            raise ValueError(
                f"capacities : le défi {challenge!r} doit avoir un nombre entier de places, "
                f"reçu {seats!r}"
            )
        if seats < 0:
            raise ValueError(f"capacities : capacité négative pour le défi {challenge!r} ({seats})")
        capacity.append(int(seats))
    if len(capacities) != len(challenges):
        known = set(challenges)
        unknown = next(challenge for challenge in capacities if challenge not in known)
        raise ValueError(f"capacities : défi inconnu {unknown!r}")
    return capacity


def _refuse_duplicates(
    keys: np.ndarray,
    owners: np.ndarray,
    items: np.ndarray,
    owner_ids: list[str],
    item_ids: list[str],
    owner_label: str,
) -> np.ndarray:
    """Return the order that sorts ``keys``; raise if one owner ranks an item twice."""
    order = np.argsort(keys)  # any order will do: equal keys are refused
    repeated = np.flatnonzero(keys[order][1:] == keys[order][:-1])
    if repeated.size:
        entry = order[repeated[0]]
        raise ValueError(
            f"le {owner_label} {owner_ids[owners[entry]]!r} classe deux fois "
            f"{item_ids[items[entry]]!r}"
        )
    return order


def index_matching(matching: Matching, market: Market) -> np.ndarray:
    """Each candidate's défi index (-1: unmatched; so is a candidate absent from ``matching``).

    Refuses unknown ids, a pair that the two sides do not both rank, and a défi holding
    more candidates than its capacity: on such input stability means nothing.
    """
    if not isinstance(matching, Mapping):
        raise ValueError(f"matching : dictionnaire attendu, reçu {type(matching).__name__}")
    assigned = np.full(len(market.candidates), -1, dtype=np.int64)
    for candidate, challenge in matching.items():
        if _unknown(candidate, market.candidate_index):
            raise ValueError(f"matching : candidat inconnu {candidate!r}")
        if challenge is None:
            continue
        if _unknown(challenge, market.challenge_index):
            raise ValueError(
                f"matching : le candidat {candidate!r} est affecté à un défi inconnu {challenge!r}"
            )
        assigned[market.candidate_index[candidate]] = market.challenge_index[challenge]
    matched_pairs = market.pair_challenge == assigned[market.pair_candidate]
    acceptable = np.zeros(assigned.size, dtype=bool)
    acceptable[market.pair_candidate[matched_pairs]] = True
    stray = (assigned >= 0) & ~acceptable
    if stray.any():
        candidate = int(np.argmax(stray))
        raise ValueError(
            f"matching : le candidat {market.candidates[candidate]!r} est affecté au défi "
            f"{market.challenges[assigned[candidate]]!r} alors qu'ils ne se classent pas "
            "mutuellement"
        )
    counts = np.bincount(assigned[assigned >= 0], minlength=len(market.challenges))
    over = counts > np.asarray(market.capacity, dtype=np.int64)
    if over.any():
        challenge = int(np.argmax(over))
        raise ValueError(
            f"matching : le défi {market.challenges[challenge]!r} reçoit {counts[challenge]} "
            f"candidats pour {market.capacity[challenge]} place(s)"
        )
    return assigned
