"""The défi jury's planner (eig.matching.defi_jury): every constraint checked here, not by it."""

import random
import time
from collections import Counter, defaultdict

import pytest

from eig.matching.defi_jury import plan_hearings
from eig.matching.errors import Infeasible

EXPERTISE = ["data", "product", "design", "public_policy", "innovation"]


def instance(proposals, members, *, hosts, seed):
    """Members half public agents (never on their administration's défis), half private."""
    rng = random.Random(seed)
    families = [rng.randrange(hosts) for _ in range(proposals)]
    sectors = ["public" if j % 2 == 0 else "private" for j in range(members)]
    expertise = [EXPERTISE[rng.randrange(len(EXPERTISE))] for _ in range(members)]
    conflicts = set()
    for j in range(members):
        if sectors[j] == "public":  # an agent of one administration: all its défis
            own = rng.randrange(hosts)
            conflicts |= {(j, p) for p in range(proposals) if families[p] == own}
        if rng.random() < 0.3:  # and a declared conflict with one défi
            conflicts.add((j, rng.randrange(proposals)))
    return families, sectors, expertise, sorted(conflicts)


def check(plan, *, proposals, members, sectors, expertise, conflicts, sessions):
    heard = Counter(p for group in plan.groups for p in group.proposals)
    assert sorted(heard) == list(range(proposals)), "every défi heard once"
    assert set(heard.values()) == {1}
    seated = Counter(j for group in plan.groups for j in group.members)
    assert all(count == 1 for count in seated.values()), "a member sits in one group"
    assert set(seated) | set(plan.reserve) == set(range(members))
    assert not set(seated) & set(plan.reserve)
    forbidden = set(conflicts)
    for group in plan.groups:
        assert 5 <= len(group.members) <= 8, group
        assert 2 <= len(group.proposals) <= 3, group
        clash = {(j, p) for j in group.members for p in group.proposals} & forbidden
        assert not clash, f"a member hears a défi they conflict with: {clash}"
    # A group's hearings fit in its half-day, without overlapping another group in its room.
    used = defaultdict(list)
    for group in plan.groups:
        used[group.session].append(range(group.offset, group.offset + len(group.proposals)))
    for session, ranges in used.items():
        positions = [position for taken in ranges for position in taken]
        assert len(positions) == len(set(positions)), "two groups on one slot of a room"
        assert max(positions) < sessions[session], "a group beyond its half-day"
    # Balanced by sector: in each group, each sector within one of its share.
    for label, count in Counter(sectors[j] for j in seated).items():
        share = count / len(plan.groups)
        for group in plan.groups:
            mine = sum(sectors[j] == label for j in group.members)
            assert share - 1 < mine < share + 1, (label, mine, share)
    return seated


def test_the_demo_size_two_rooms_over_two_days():
    families, sectors, expertise, conflicts = instance(30, 56, hosts=18, seed=2017)
    sessions = [5] * 8  # 2 days × 2 half-days × 2 rooms, 5 hearings of 40 min each
    plan = plan_hearings(
        sectors=sectors,
        expertise=expertise,
        conflicts=conflicts,
        proposals=30,
        families=families,
        sessions=sessions,
    )
    check(
        plan,
        proposals=30,
        members=56,
        sectors=sectors,
        expertise=expertise,
        conflicts=conflicts,
        sessions=sessions,
    )
    assert not plan.reserve  # 56 members fit in the groups
    # Rooms in parallel: the two rooms of a half-day (sessions 0 and 1) are both used.
    assert {0, 1} <= {group.session for group in plan.groups}


def test_150_proposals_and_60_members_in_under_10_seconds():
    """A call of 150 proposals: 60 members hear at most 12 groups × 3 défis, the 36 shortlisted."""
    families, sectors, expertise, conflicts = instance(150, 60, hosts=45, seed=150)
    sessions = [5] * 12  # 3 rooms × 2 days × 2 half-days
    started = time.perf_counter()
    with pytest.raises(Infeasible) as refused:
        plan_hearings(
            sectors=sectors,
            expertise=expertise,
            conflicts=conflicts,
            proposals=150,
            families=families,
            sessions=sessions,
        )
    assert "250 membres" in str(refused.value) and "60" in str(refused.value)
    shortlisted = sorted(random.Random(1).sample(range(150), 36))
    index = {p: i for i, p in enumerate(shortlisted)}
    kept = [(j, index[p]) for j, p in conflicts if p in index]
    plan = plan_hearings(
        sectors=sectors,
        expertise=expertise,
        conflicts=kept,
        proposals=36,
        families=[families[p] for p in shortlisted],
        sessions=sessions,
    )
    assert time.perf_counter() - started < 10
    seated = check(
        plan,
        proposals=36,
        members=60,
        sectors=sectors,
        expertise=expertise,
        conflicts=kept,
        sessions=sessions,
    )
    assert len(plan.groups) == 12 and len(seated) == 60


def test_expertise_is_spread_over_the_groups():
    sectors = ["public", "private"] * 20
    expertise = [EXPERTISE[j // 8] for j in range(40)]  # sorted: the naive split gives one each
    plan = plan_hearings(
        sectors=sectors, expertise=expertise, conflicts=[], proposals=16, sessions=[5] * 8
    )
    for group in plan.groups:
        # 8 of each expertise over 6 groups: never more than 2 alike in a group.
        assert max(Counter(expertise[j] for j in group.members).values()) <= 2, group


def test_an_administrations_défis_stay_together_when_they_fit():
    families = ["a", "a", "b", "b", "c", "c", "c", "d", "d"]
    plan = plan_hearings(
        sectors=["public", "private"] * 10,
        expertise=["data"] * 20,
        conflicts=[],
        proposals=9,
        families=families,
        sessions=[5, 5],
    )
    for group in plan.groups:
        assert len({families[p] for p in group.proposals}) <= 2


def test_too_few_half_days_is_refused_with_the_numbers():
    with pytest.raises(Infeasible, match="Pas assez de demi-journées"):
        plan_hearings(
            sectors=["public"] * 40,
            expertise=["data"] * 40,
            conflicts=[],
            proposals=24,
            sessions=[3, 3],
        )


def test_a_group_without_enough_members_free_of_conflict_is_named():
    # Every member but four conflicts with défi 0: no group can hear it.
    conflicts = [(j, 0) for j in range(4, 10)]
    with pytest.raises(Infeasible, match="Le groupe 1"):
        plan_hearings(
            sectors=["public"] * 10,
            expertise=["data"] * 10,
            conflicts=conflicts,
            proposals=4,
            sessions=[5, 5],
        )
