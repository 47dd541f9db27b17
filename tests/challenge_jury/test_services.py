"""Members, conflicts, the plan and its edits, booking and its .ics, the grids."""

import datetime

import pytest
from icalendar import Calendar

from eig.audit.models import Action, AuditEntry
from eig.challenge_jury import services
from eig.challenge_jury.ics import hearing_ics
from eig.challenge_jury.models import Hearing, JuryGroup, JuryMember
from eig.challenge_jury.rhythm import PARIS, hearing_times
from tests.challenge_jury.helpers import (
    make_call,
    make_group,
    make_member,
    make_shortlisted,
)
from tests.factories import HostOrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(cohort):
    return make_call(cohort)


def at(call, hour, minute=0, day=0):
    day = call.jury_starts_on + datetime.timedelta(days=day)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PARIS)


# Rhythm


def test_a_break_every_40_minutes():
    start = datetime.datetime(2017, 7, 4, 9, tzinfo=PARIS)
    times = hearing_times(start, 3, length=40, pause=10, every=40)
    assert [t.strftime("%H:%M") for t, _ in times] == ["09:00", "09:50", "10:40"]
    # 20-minute hearings: two in a row, then the break.
    times = hearing_times(start, 3, length=20, pause=10, every=40)
    assert [t.strftime("%H:%M") for t, _ in times] == ["09:00", "09:20", "09:50"]


# Members and conflicts


def test_adding_a_member_invites_them_with_an_absolute_link(call, carol, mailoutbox, settings):
    member = services.add_member(
        call=call,
        email="Lea.Roux@Jury-Defis.example.org",
        full_name="Léa Roux",
        sector="private",
        expertise="design",
        organisation="Studio Roux",
        host=HostOrganisationFactory(),
        by=carol,
    )
    assert member.user.username == "lea.roux@jury-defis.example.org"
    assert member.host is None  # only a public agent has an administration
    (mail,) = mailoutbox
    assert mail.to == ["lea.roux@jury-defis.example.org"]
    assert settings.SITE_URL + "/connexion/?next=%2Fjury-defis%2F" in mail.body
    assert AuditEntry.objects.filter(action=Action.DEFI_JURY_MEMBER_ADDED).exists()
    with pytest.raises(services.JuryRefused, match="fait déjà partie"):
        services.add_member(
            call=call,
            email="lea.roux@jury-defis.example.org",
            full_name="Léa Roux",
            sector="private",
            expertise="design",
            organisation="",
            host=None,
            by=carol,
        )


def test_an_agent_never_judges_their_own_administrations_défi(call, carol):
    host = HostOrganisationFactory()
    own = make_shortlisted(call, host=host)
    other = make_shortlisted(call)
    agent = make_member(call, host=host)
    assert "ne juge jamais le défi de son administration" in services.conflict_reason(agent, own)
    assert services.conflict_reason(agent, other) is None
    group = make_group(call, proposals=[own, other])
    with pytest.raises(services.JuryRefused, match="son administration") as refused:
        services.move_member(member=agent, group=group, by=carol)
    assert refused.value.field == "group"
    agent.refresh_from_db()
    assert agent.group is None


def test_declared_conflicts_with_a_proposal_or_a_whole_administration(call, carol):
    host = HostOrganisationFactory()
    first, second = make_shortlisted(call, host=host), make_shortlisted(call, host=host)
    third = make_shortlisted(call)
    member = make_member(call)
    services.add_conflict(member=member, host=host, reason="Ancien employeur", by=carol)
    assert services.conflict_reason(member, first) and services.conflict_reason(member, second)
    assert services.conflict_reason(member, third) is None
    services.add_conflict(member=member, proposal=third, by=carol)
    assert "conflit d’intérêts" in services.conflict_reason(member, third)
    assert AuditEntry.objects.filter(action=Action.DEFI_JURY_CONFLICT_ADDED).count() == 2


def test_a_conflict_with_a_défi_of_ones_group_is_refused(call, carol):
    proposal = make_shortlisted(call)
    member = make_member(call)
    make_group(call, members=[member], proposals=[proposal])
    with pytest.raises(services.JuryRefused, match="changez ce membre de groupe"):
        services.add_conflict(member=member, proposal=proposal, by=carol)
    assert not member.conflicts.exists()


# The plan


def test_the_plan_on_the_demos_size_keeps_every_rule(call, carol):
    hosts = [HostOrganisationFactory() for _ in range(18)]
    proposals = [make_shortlisted(call, host=hosts[i % 18]) for i in range(30)]
    expertise = ["data", "product", "design", "public_policy", "innovation"]
    members = [
        make_member(
            call,
            sector="private",
            expertise=expertise[i % 5],
            host=hosts[i % 18] if i % 2 == 0 else None,
        )
        for i in range(56)
    ]
    services.add_conflict(member=members[1], proposal=proposals[3], by=carol)
    services.propose_plan(call=call, by=carol)

    groups = list(JuryGroup.objects.filter(call=call))
    assert Hearing.objects.filter(group__call=call).count() == 30
    calendar = services.calendar_of(call)
    for group in groups:
        seated = list(group.members.all())
        heard = [hearing.proposal for hearing in group.hearings.all()]
        assert 5 <= len(seated) <= 8 and 2 <= len(heard) <= 3
        for member in seated:
            for proposal in heard:
                assert services.conflict_reason(member, proposal) is None
        slots = services.group_slots(group)
        start = slots[0][0].astimezone(PARIS)
        end = slots[-1][1].astimezone(PARIS)
        limit = calendar.morning_ends if start.hour < 13 else calendar.afternoon_ends
        assert end.time() <= limit, group  # within the members' half-day
    # Two rooms in parallel, over the two days; no room holds two groups at once.
    assert {group.room for group in groups} == {1, 2}
    assert len({group.starts_at.date() for group in groups}) == 2
    for one in groups:
        for other in groups:
            if one.pk < other.pk and one.room == other.room:
                a, b = services.group_slots(one), services.group_slots(other)
                assert a[-1][1] <= b[0][0] or b[-1][1] <= a[0][0]
    assert AuditEntry.objects.filter(action=Action.DEFI_JURY_PLANNED).exists()


def test_too_few_members_is_a_clear_refusal(call, carol):
    for _ in range(6):
        make_shortlisted(call)
    make_member(call)
    with pytest.raises(services.JuryRefused, match="Trop peu de membres"):
        services.propose_plan(call=call, by=carol)


# Edits


@pytest.fixture
def two_groups(call):
    first = make_group(
        call,
        number=1,
        members=[make_member(call) for _ in range(5)],
        proposals=[make_shortlisted(call), make_shortlisted(call)],
    )
    second = make_group(
        call,
        number=2,
        time=datetime.time(11, 30),
        members=[make_member(call) for _ in range(5)],
        proposals=[make_shortlisted(call), make_shortlisted(call), make_shortlisted(call)],
    )
    return first, second


def test_moving_a_défi_to_a_group_beyond_its_half_day_is_refused(call, carol, two_groups):
    first, second = two_groups
    hearing = first.hearings.first()
    # The second group starts at 11:30: 11:30 and 12:20 fit, a third (13:10) ends after 13:00.
    second.hearings.last().delete()
    with pytest.raises(services.JuryRefused, match="dépasserait la demi-journée") as refused:
        services.move_hearing(hearing=hearing, group=second, by=carol)
    assert refused.value.field == "starts_at"
    hearing.refresh_from_db()
    assert hearing.group == first


def test_moving_a_défi_to_a_member_in_conflict_is_refused(call, carol, two_groups):
    first, second = two_groups
    hearing = first.hearings.first()
    second.hearings.last().delete()
    second.starts_at = at(call, 9, day=1)
    second.save()
    member = second.members.first()
    hearing.proposal.host = HostOrganisationFactory()
    hearing.proposal.save()
    JuryMember.objects.filter(pk=member.pk).update(sector="public", host=hearing.proposal.host)
    with pytest.raises(services.JuryRefused, match="son administration"):
        services.move_hearing(hearing=hearing, group=second, by=carol)
    member.host = None
    JuryMember.objects.filter(pk=member.pk).update(host=None)
    services.move_hearing(hearing=hearing, group=second, by=carol)
    hearing.refresh_from_db()
    assert hearing.group == second and hearing.starts_at is None


def test_a_group_moved_past_its_half_day_or_onto_a_taken_room_is_refused(call, carol, two_groups):
    first, second = two_groups
    with pytest.raises(services.JuryRefused, match="dépasserait la demi-journée"):
        services.edit_group(
            group=first,
            starts_at=at(call, 12),
            room=1,
            place="Salle 1",
            video_url="",
            lead=None,
            by=carol,
        )
    with pytest.raises(services.JuryRefused, match="salle 1 est déjà prise"):
        services.edit_group(
            group=first,
            starts_at=at(call, 11),
            room=1,
            place="Salle 1",
            video_url="",
            lead=None,
            by=carol,
        )
    with pytest.raises(services.JuryRefused, match="lieu ou un lien"):
        services.edit_group(
            group=first,
            starts_at=at(call, 9),
            room=1,
            place="",
            video_url="",
            lead=None,
            by=carol,
        )
    # Another room at that time is fine, with its booked hearing moved along.
    hearing = first.hearings.first()
    services.give_slot(hearing=hearing, starts_at=at(call, 9), by=carol)
    services.edit_group(
        group=first,
        starts_at=at(call, 11),
        room=2,
        place="Salle 2",
        video_url="https://visio.example.org/jury-2",
        lead=first.members.first(),
        by=carol,
    )
    hearing.refresh_from_db()
    assert hearing.starts_at == at(call, 11)


def test_two_hearings_on_one_slot_of_a_group_are_refused(call, carol, two_groups):
    first, _second = two_groups
    one, other = first.hearings.all()
    services.give_slot(hearing=one, starts_at=at(call, 9), by=carol)
    with pytest.raises(services.JuryRefused, match="déjà pris"):
        services.give_slot(hearing=other, starts_at=at(call, 9), by=carol)
    with pytest.raises(services.JuryRefused, match="pas l’un de ceux du groupe"):
        services.give_slot(hearing=other, starts_at=at(call, 10), by=carol)
    services.give_slot(hearing=other, starts_at=at(call, 9, 50), by=carol)


def test_a_member_over_eight_is_refused(call, carol, two_groups):
    first, _second = two_groups
    for _ in range(3):
        services.move_member(member=make_member(call), group=first, by=carol)
    with pytest.raises(services.JuryRefused, match="déjà 8 membres"):
        services.move_member(member=make_member(call), group=first, by=carol)


# Booking


def test_the_administration_books_once_and_gets_the_ics(call, two_groups, mailoutbox, settings):
    first, _second = two_groups
    one, other = first.hearings.select_related("proposal").all()
    author = one.proposal.authors.get().user
    services.book_slot(hearing=one, starts_at=at(call, 9, 50), by=author)
    (mail,) = mailoutbox
    assert mail.to == [author.email]
    assert settings.SITE_URL + f"/audition-defi/{one.proposal.public_id}/" in mail.body
    with pytest.raises(services.JuryRefused, match="déjà fixée"):
        services.book_slot(hearing=one, starts_at=at(call, 9), by=author)
    with pytest.raises(services.JuryRefused, match="déjà pris"):
        services.book_slot(
            hearing=other, starts_at=at(call, 9, 50), by=other.proposal.authors.get().user
        )
    one.refresh_from_db()
    (event,) = Calendar.from_ical(hearing_ics(one)).walk("VEVENT")
    assert event.decoded("dtstart") == at(call, 9, 50)
    assert event.decoded("dtend") == at(call, 10, 30)
    assert str(event["location"]) == "Salle 1"
    assert one.proposal.title in str(event["summary"])
    name, content, mimetype = mail.attachments[0]
    assert mimetype == "text/calendar" and "BEGIN:VEVENT" in str(content)


def test_a_slot_less_than_a_day_ahead_is_no_longer_bookable(carol, cohort):
    call = make_call(cohort, starts_on=datetime.date.today())
    proposal = make_shortlisted(call)
    group = make_group(call, time=datetime.time(23, 0), proposals=[proposal])
    with pytest.raises(services.JuryRefused, match="moins de 24 heures"):
        services.book_slot(
            hearing=proposal.hearing,
            starts_at=group.starts_at,
            by=proposal.authors.get().user,
        )


# Grids


def test_a_member_saves_a_draft_then_sends_a_complete_grid(call, two_groups):
    first, _second = two_groups
    proposal = first.hearings.first().proposal
    member = first.members.first()
    criteria = list(call.criteria.all())
    services.save_member_grid(
        member=member,
        proposal=proposal,
        scores={str(criteria[0].pk): 4},
        comment="Prometteur",
        submit=False,
        by=member.user,
    )
    with pytest.raises(services.JuryRefused, match="Notez chaque critère") as refused:
        services.save_member_grid(
            member=member,
            proposal=proposal,
            scores={str(criteria[0].pk): 4},
            comment="",
            submit=True,
            by=member.user,
        )
    assert refused.value.field == f"score_{criteria[1].pk}"
    full = {str(criterion.pk): 3 for criterion in criteria}
    grid = services.save_member_grid(
        member=member, proposal=proposal, scores=full, comment="", submit=True, by=member.user
    )
    assert grid.submitted_at and grid.scores == full
    with pytest.raises(services.JuryRefused, match="ne change plus"):
        services.save_member_grid(
            member=member, proposal=proposal, scores=full, comment="", submit=False, by=member.user
        )
    assert AuditEntry.objects.filter(action=Action.DEFI_GRID_SUBMITTED).count() == 1


def test_only_the_lead_fills_the_consolidated_grid_with_a_recommendation(call, two_groups):
    first, _second = two_groups
    proposal = first.hearings.first().proposal
    lead, other = list(first.members.all())[:2]
    first.lead = lead
    first.save()
    full = {str(criterion.pk): 5 for criterion in call.criteria.all()}
    with pytest.raises(services.JuryRefused, match="président"):
        services.save_consolidated_grid(
            lead=other,
            proposal=proposal,
            scores=full,
            comment="",
            recommendation="retained",
            submit=True,
            by=other.user,
        )
    with pytest.raises(services.JuryRefused, match="retenu ou non retenu"):
        services.save_consolidated_grid(
            lead=lead,
            proposal=proposal,
            scores=full,
            comment="",
            recommendation="",
            submit=True,
            by=lead.user,
        )
    grid = services.save_consolidated_grid(
        lead=lead,
        proposal=proposal,
        scores=full,
        comment="Défi clair, équipe solide",
        recommendation="retained",
        submit=True,
        by=lead.user,
    )
    assert grid.filled_by == lead and grid.recommendation == "retained"
