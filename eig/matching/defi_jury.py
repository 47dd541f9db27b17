"""The défi jury's groups and hearing plan: who sits with whom, which défis each group hears.

Three steps, each exact or monotone (see docs/matching.md, section 6):

1. the number of groups: the fewest that seat every member (8 at most per group) and whose
   hearings (2 or 3 each) fit in the rooms' half-days, packed first-fit decreasing;
2. the défis shared among the groups, an administration's défis together, then the défis whose
   conflicting members are the same: a member in conflict is then kept out of one group only;
3. the members seated by a linear program on a network (member → sector of a group → group):
   its matrix is totally unimodular, so HiGHS returns 0/1 seats; each group gets its share of
   each sector, then swaps between two members of the same sector even out the expertise.
"""

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_array

from eig.matching.errors import Infeasible

GROUP_SIZE = (5, 8)
HEARINGS_PER_GROUP = (2, 3)


@dataclass(frozen=True, slots=True)
class PlannedGroup:
    """A group: the half-day (`session`) it sits in, its rank there, its members and défis."""

    session: int
    order: int
    offset: int  # the group's first hearing is the session's hearing number `offset`
    members: tuple[int, ...]
    proposals: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class HearingPlan:
    groups: tuple[PlannedGroup, ...]
    reserve: tuple[int, ...]  # members left without a group (more members than seats)


def plan_hearings(
    *,
    sectors: Sequence[Hashable],
    expertise: Sequence[Hashable],
    conflicts: Sequence[tuple[int, int]],
    proposals: int,
    families: Sequence[Hashable] | None = None,
    sessions: Sequence[int],
    group_size: tuple[int, int] = GROUP_SIZE,
    hearings_per_group: tuple[int, int] = HEARINGS_PER_GROUP,
) -> HearingPlan:
    """Plan the défi jury.

    ``sectors``, ``expertise``: one label per member. ``conflicts``: (member, proposal) pairs
    that may never meet (declared, or the member's own administration). ``proposals``: how many
    défis are heard; ``families``: one label per défi (its administration), kept together when
    possible. ``sessions``: for each room's half-day, in the order to fill them (time, then
    room, so that rooms run in parallel), how many hearings fit in it.

    Guarantees: every défi heard once, by one group of ``group_size`` members hearing
    ``hearings_per_group`` défis in one session; a member in one group at most, never with a
    défi they conflict with; each group's count of each sector within one of the others'.
    Raises ``Infeasible`` (French message naming the numbers) otherwise.
    """
    members = len(sectors)
    if len(expertise) != members:
        raise ValueError("sectors et expertise : une valeur par membre")
    families = list(families) if families is not None else list(range(proposals))
    if len(families) != proposals:
        raise ValueError("families : une valeur par défi")
    for member, proposal in conflicts:
        if not (0 <= member < members and 0 <= proposal < proposals):
            raise ValueError(f"conflit hors limites : membre {member}, défi {proposal}")
    if any(capacity < 0 for capacity in sessions):
        raise ValueError("sessions : capacités positives attendues")
    if proposals == 0:
        return HearingPlan(groups=(), reserve=tuple(range(members)))

    sizes, placement = _group_count(members, proposals, sessions, group_size, hearings_per_group)
    blocked = [set() for _ in range(proposals)]
    for member, proposal in conflicts:
        blocked[proposal].add(member)
    heard = _share_proposals(sizes, families, blocked)
    seats = _seat_members(sectors, heard, blocked, members, group_size)
    seats = _even_out_expertise(seats, sectors, expertise, heard, blocked)

    groups, seated = [], set()
    for index, (session, order, offset) in enumerate(placement):
        seated.update(seats[index])
        groups.append(
            PlannedGroup(
                session=session,
                order=order,
                offset=offset,
                members=tuple(sorted(seats[index])),
                proposals=tuple(sorted(heard[index])),
            )
        )
    groups.sort(key=lambda group: (group.session, group.order))
    reserve = tuple(member for member in range(members) if member not in seated)
    return HearingPlan(groups=tuple(groups), reserve=reserve)


def _group_count(members, proposals, sessions, group_size, hearings_per_group):
    """The hearings of each group and where each group sits: (session, order, offset)."""
    smallest, largest = group_size
    fewest, most = hearings_per_group
    least_groups = math.ceil(proposals / most)
    if proposals < fewest:
        raise Infeasible(f"{proposals} défi à entendre : un groupe en entend au moins {fewest}.")
    if smallest * least_groups > members:
        raise Infeasible(
            f"Trop peu de membres : {proposals} défis demandent au moins {least_groups} groupes "
            f"de {smallest} membres, soit {smallest * least_groups} membres ; le jury en "
            f"compte {members}."
        )
    candidates = []
    for count in range(least_groups, proposals // fewest + 1):
        if smallest * count > members:
            break
        # As many groups of `most` as the count allows, the rest of `fewest`.
        large = (proposals - fewest * count) // (most - fewest) if most > fewest else count
        large = min(large, count)
        sizes = [most] * large + [fewest] * (count - large)
        if sum(sizes) != proposals:
            continue
        placement = _pack(sizes, sessions)
        if placement is not None:
            candidates.append((count, sizes, placement))
            if largest * count >= members:
                break  # the fewest groups that seat everyone
    if not candidates:
        total = sum(sessions)
        raise Infeasible(
            f"Pas assez de demi-journées : {proposals} défis à entendre par groupes de "
            f"{fewest} ou {most}, mais les salles n’offrent que {total} auditions sur "
            f"{len(sessions)} demi-journées. Ajoutez une salle ou un jour."
        )
    _count, sizes, placement = candidates[-1]
    return sizes, placement


def _pack(sizes, sessions):
    """First-fit decreasing of the groups' hearings into the sessions, or None."""
    left = list(sessions)
    ranks = [0] * len(sessions)
    placement = []
    for size in sizes:  # already decreasing
        for session, room in enumerate(left):
            if room >= size:
                offset = sessions[session] - room
                placement.append((session, ranks[session], offset))
                left[session] -= size
                ranks[session] += 1
                break
        else:
            return None
    return placement


def _share_proposals(sizes, families, blocked):
    """The défis of each group: an administration's together, then like conflicts together."""
    by_family = Counter(families)
    order = sorted(
        range(len(families)), key=lambda p: (-by_family[families[p]], str(families[p]), p)
    )
    heard = [[] for _ in sizes]
    for proposal in order:
        best, best_key = None, None
        for group, size in enumerate(sizes):
            if len(heard[group]) >= size:
                continue
            together = sum(families[other] == families[proposal] for other in heard[group])
            shared = sum(len(blocked[other] & blocked[proposal]) for other in heard[group])
            spread = sum(len(blocked[other] | blocked[proposal]) for other in heard[group])
            key = (together, shared, -spread, -len(heard[group]), -group)
            if best_key is None or key > best_key:
                best, best_key = group, key
        heard[best].append(proposal)
    return heard


def _seat_members(sectors, heard, blocked, members, group_size):
    """0/1 seats from the network LP, from the strictest balance to the loosest."""
    smallest, largest = group_size
    groups = len(heard)
    excluded = [set().union(*(blocked[p] for p in heard[g])) for g in range(groups)]
    seated = min(members, largest * groups)
    per_sector = Counter(sectors)
    even = (seated // groups, math.ceil(seated / groups))
    tries = [
        ((max(smallest, even[0]), min(largest, even[1])), True),
        ((smallest, largest), True),
        ((smallest, largest), False),
    ]
    for (low, high), balance_sectors in tries:
        if low > high:
            continue
        seats = _solve_seats(
            sectors, excluded, members, seated, low, high, per_sector if balance_sectors else None
        )
        if seats is not None:
            return seats
    short = [g for g in range(groups) if members - len(excluded[g]) < smallest]
    if short:
        raise Infeasible(
            f"Le groupe {short[0] + 1} ne trouve pas {smallest} membres sans conflit avec ses "
            f"défis : ajoutez des membres ou levez des conflits."
        )
    raise Infeasible(
        f"Les conflits déclarés empêchent de former {groups} groupes de {smallest} à "
        f"{largest} membres : ajoutez des membres ou levez des conflits."
    )


def _solve_seats(sectors, excluded, members, seated, low, high, per_sector):
    """Seat `seated` members, one group each, `low`..`high` per group, sectors shared out."""
    groups = len(excluded)
    pairs = [(j, g) for j in range(members) for g in range(groups) if j not in excluded[g]]
    if not pairs:
        return None
    by_member = [[] for _ in range(members)]
    by_group = [[] for _ in range(groups)]
    by_sector_group = {}
    for column, (j, g) in enumerate(pairs):
        by_member[j].append(column)
        by_group[g].append(column)
        by_sector_group.setdefault((sectors[j], g), []).append(column)
    # Rows as (columns, lowest, highest); each becomes one or two ≤ rows.
    bounded = [(columns, 0, 1) for columns in by_member]
    for g in range(groups):
        bounded.append((by_group[g], low, high))
        for label in sorted(per_sector or (), key=str):
            share = per_sector[label] * seated / members / groups
            bounded.append(
                (by_sector_group.get((label, g), []), math.floor(share), math.ceil(share))
            )
    rows, cols, values, bounds = [], [], [], []
    for columns, lowest, highest in bounded:
        for sign, bound in ((1, highest), (-1, -lowest)):
            if sign == -1 and lowest == 0:
                continue
            index = len(bounds)
            rows.extend([index] * len(columns))
            cols.extend(columns)
            values.extend([sign] * len(columns))
            bounds.append(bound)
    a_ub = coo_array((values, (rows, cols)), shape=(len(bounds), len(pairs))).tocsr()
    result = linprog(
        np.zeros(len(pairs)),
        A_ub=a_ub,
        b_ub=bounds,
        A_eq=np.ones((1, len(pairs))),
        b_eq=[seated],
        bounds=(0, 1),
        method="highs-ds",
    )
    if result.status != 0:
        return None
    x = result.x
    if np.any(np.abs(x - np.round(x)) > 1e-6):
        return None  # never on this network (totally unimodular); refuse rather than round
    seats = [set() for _ in range(groups)]
    for column in np.flatnonzero(np.round(x) == 1):
        j, g = pairs[column]
        seats[g].add(j)
    return seats


def _even_out_expertise(seats, sectors, expertise, heard, blocked):
    """Swap two members of the same sector between groups while it evens out expertise.

    The cost is Σ over groups and expertise of (count − size × share)²; each swap keeps sizes
    and sector counts, so it keeps every guarantee. Stops when no swap lowers the cost.
    """
    groups = len(seats)
    excluded = [set().union(*(blocked[p] for p in heard[g])) for g in range(groups)]
    seated = [j for g in range(groups) for j in seats[g]]
    if not seated:
        return seats
    share = Counter(expertise[j] for j in seated)
    total = len(seated)
    counts = [Counter(expertise[j] for j in seats[g]) for g in range(groups)]
    sizes = [len(seats[g]) for g in range(groups)]

    def term(g, label, change=0):
        return (counts[g][label] + change - sizes[g] * share[label] / total) ** 2

    for _round in range(50):
        improved = False
        for g1 in range(groups):
            for g2 in range(g1 + 1, groups):
                for a in sorted(seats[g1]):
                    for b in sorted(seats[g2]):
                        ea, eb = expertise[a], expertise[b]
                        if ea == eb or sectors[a] != sectors[b]:
                            continue
                        if a in excluded[g2] or b in excluded[g1]:
                            continue
                        before = term(g1, ea) + term(g1, eb) + term(g2, ea) + term(g2, eb)
                        after = (
                            term(g1, ea, -1)
                            + term(g1, eb, +1)
                            + term(g2, ea, +1)
                            + term(g2, eb, -1)
                        )
                        if after < before - 1e-9:
                            seats[g1].remove(a)
                            seats[g2].remove(b)
                            seats[g1].add(b)
                            seats[g2].add(a)
                            counts[g1][ea] -= 1
                            counts[g1][eb] += 1
                            counts[g2][ea] += 1
                            counts[g2][eb] -= 1
                            improved = True
                            break
                    else:
                        continue
                    break
        if not improved:
            break
    return seats
