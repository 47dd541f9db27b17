"""Matching engine of the EIG programme: pure functions on plain data, no Django.

- ``stable_match`` / ``blocking_pairs``: stable matching of candidates to défis with
  capacities (deferred acceptance), candidate- or défi-optimal.
- ``explain``: why a candidate got their défi and not a better-ranked one (French text).
- ``form_teams``: teams maximising a score under seats, profiles and team decisions (MILP).
- ``assign_reviewers``: reviewers maximising affinity under loads and conflicts (LP).
- ``plan_hearings``: the défi jury's groups and hearing plan (network LP, then swaps).
- ``Infeasible``: raised when constraints admit no solution; the message names the cause.

See docs/matching.md for the algorithms explained to the programme team.
"""

from eig.matching.defi_jury import plan_hearings
from eig.matching.errors import Infeasible
from eig.matching.explain import Explanation, Refusal, explain
from eig.matching.reviewers import assign_reviewers
from eig.matching.stable import blocking_pairs, stable_match
from eig.matching.teams import form_teams

__all__ = [
    "Explanation",
    "Infeasible",
    "Refusal",
    "assign_reviewers",
    "blocking_pairs",
    "explain",
    "form_teams",
    "plan_hearings",
    "stable_match",
]
