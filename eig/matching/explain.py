"""Why a candidate got their défi, in words the programme team can read (French)."""

from dataclasses import dataclass
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
from eig.matching.validation import enumerate_fr

Reason = Literal["not_ranked", "no_seat", "full", "would_accept"]


@dataclass(frozen=True, slots=True)
class Refusal:
    """A défi the candidate ranked above the one they got, and why they are not on it.

    ``reason``: ``"not_ranked"`` (the défi did not rank the candidate), ``"no_seat"`` (it
    has no seat), ``"full"`` (every seat holds someone the défi ranks higher), or
    ``"would_accept"`` (it has a free seat or ranks the candidate above someone it holds:
    a blocking pair, so the matching is not stable). Ranks are 1-based.
    """

    challenge: str
    preference: int
    reason: Reason
    seats: int
    admitted: tuple[str, ...]
    last_admitted_rank: int | None
    candidate_rank: int | None


@dataclass(frozen=True, slots=True)
class Explanation:
    """A candidate's défi (or None), its place in their list, and every better choice lost."""

    candidate: str
    challenge: str | None
    preference: int | None
    refusals: tuple[Refusal, ...]

    def __str__(self) -> str:
        if self.challenge is None:
            lines = [f"« {self.candidate} » n'a pas d'affectation."]
        else:
            lines = [
                f"« {self.candidate} » est affecté au défi « {self.challenge} », "
                f"son {_ordinal(self.preference or 0)} choix."
            ]
        if not self.refusals and self.challenge is None:
            lines.append("Sa liste de choix est vide.")
        lines.extend(self._refusal_line(refusal) for refusal in self.refusals)
        return "\n".join(lines)

    def _refusal_line(self, refusal: Refusal) -> str:
        head = f"- {_ordinal(refusal.preference)} choix, « {refusal.challenge} » : "
        if refusal.reason == "not_ranked":
            return head + f"ce défi n'a pas classé « {self.candidate} »."
        if refusal.reason == "no_seat":
            return head + "ce défi n'ouvre aucune place."
        if refusal.reason == "full":
            taken = (
                "sa seule place est prise par un candidat"
                if refusal.seats == 1
                else f"ses {refusal.seats} places sont prises par des candidats"
            )
            return head + (
                f"complet : {taken} que ce défi classe mieux "
                f"({enumerate_fr(refusal.admitted, limit=5)}) ; le dernier admis y est classé "
                f"{_ordinal(refusal.last_admitted_rank or 0)}, « {self.candidate} » "
                f"{_ordinal(refusal.candidate_rank or 0)}."
            )
        return head + (
            f"ce défi classe « {self.candidate} » {_ordinal(refusal.candidate_rank or 0)} et "
            "aurait dû l'accepter (place libre ou admis moins bien classé) : la répartition "
            "n'est pas stable."
        )


def explain(
    candidate: str,
    matching: Matching,
    candidate_prefs: CandidatePrefs,
    challenge_prefs: ChallengePrefs,
    capacities: Capacities,
) -> Explanation:
    """Explain ``candidate``'s outcome in ``matching``; ``str()`` of the result is French text.

    For each défi the candidate ranked above the one they got (all of them if unmatched),
    best first, the result says why it did not take them: it did not rank them, it has no
    seat, or it is full with candidates it ranks higher (named, with the rank of the last
    admitted). In a stable matching no other case occurs; otherwise the défi is reported as
    ``"would_accept"``. Inputs are validated as in ``blocking_pairs`` (``ValueError``).
    Complexity O(E log E) for validation, then O(length of the candidate's list × seats).
    """
    market = build_market(candidate_prefs, challenge_prefs, capacities)
    if candidate not in market.candidate_index:
        raise ValueError(f"candidat inconnu : {candidate!r}")
    assigned = index_matching(matching, market)
    who = market.candidate_index[candidate]
    ranking = market.candidate_ranking(who)
    own = int(assigned[who])
    better = ranking[: ranking.index(own)] if own >= 0 else ranking
    refusals = tuple(
        _refusal(market.challenge_ranking(challenge), challenge, preference, who, assigned, market)
        for preference, challenge in enumerate(better, start=1)
    )
    return Explanation(
        candidate=candidate,
        challenge=market.challenges[own] if own >= 0 else None,
        preference=ranking.index(own) + 1 if own >= 0 else None,
        refusals=refusals,
    )


def _refusal(
    ranked: list[int],
    challenge: int,
    preference: int,
    who: int,
    assigned: np.ndarray,
    market: Market,
) -> Refusal:
    seats = market.capacity[challenge]
    admitted_ranks = sorted(rank for rank, c in enumerate(ranked) if assigned[c] == challenge)
    candidate_rank = ranked.index(who) + 1 if who in ranked else None
    if candidate_rank is None:
        reason: Reason = "not_ranked"
    elif seats == 0:
        reason = "no_seat"
    elif len(admitted_ranks) == seats and admitted_ranks[-1] + 1 < candidate_rank:
        reason = "full"
    else:
        reason = "would_accept"
    return Refusal(
        challenge=market.challenges[challenge],
        preference=preference,
        reason=reason,
        seats=seats,
        admitted=tuple(market.candidates[ranked[rank]] for rank in admitted_ranks),
        last_admitted_rank=admitted_ranks[-1] + 1 if admitted_ranks else None,
        candidate_rank=candidate_rank,
    )


def _ordinal(number: int) -> str:
    return "1er" if number == 1 else f"{number}e"
