"""Every change to the défi jury goes through these functions, each checked before it is saved.

A refused change raises `JuryRefused` with its reason in French, next to its cause: `field`
names the form field the message belongs to (None for the whole form).
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from eig.audit import services as audit
from eig.audit.models import Action
from eig.challenge_jury import rhythm
from eig.challenge_jury.models import (
    SCORE_MAX,
    SCORE_MIN,
    ConsolidatedGrid,
    Hearing,
    JuryCalendar,
    JuryConflict,
    JuryGroup,
    JuryMember,
    MemberGrid,
)
from eig.challenge_jury.tasks import send_hearing_confirmation, send_member_invitation
from eig.matching.defi_jury import GROUP_SIZE, HEARINGS_PER_GROUP, plan_hearings
from eig.matching.errors import Infeasible
from eig.proposals.models import Proposal

BOOKING_NOTICE = datetime.timedelta(hours=24)  # the administration books until a day before


class JuryRefused(Exception):
    """The change is not possible; `message` says why, in French, `field` where."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def heard_proposals(call):
    """The proposals the jury hears: those the team moved to « présélectionné »."""
    shortlisted = Proposal.Status.SHORTLISTED
    return (
        Proposal.objects.filter(call=call)
        .filter(Q(status=shortlisted) | Q(transitions__to_status=shortlisted))
        .distinct()
        .select_related("host")
        .order_by("pk")
    )


def calendar_of(call):
    return JuryCalendar.objects.get_or_create(call=call)[0]


def paris_time(moment):
    return formats.date_format(timezone.localtime(moment, rhythm.PARIS), "l j F Y à H\\hi")


# Conflicts


def conflict_reason(member, proposal):
    """Why `member` may not judge `proposal`, or None: their administration, or declared."""
    if member.host_id and member.host_id == proposal.host_id:
        return _(
            "%(member)s est agent de %(host)s : un agent ne juge jamais le défi de son "
            "administration."
        ) % {"member": member, "host": proposal.host}
    declared = member.conflicts.filter(
        Q(proposal=proposal) | Q(host__isnull=False, host_id=proposal.host_id)
    ).first()
    if declared is not None:
        return _("%(member)s a déclaré un conflit d’intérêts avec « %(proposal)s ».") % {
            "member": member,
            "proposal": proposal,
        }
    return None


def add_member(*, call, email, full_name, sector, expertise, organisation, host, by):
    """Add a member to the call's jury and invite them by e-mail (a link to sign in)."""
    email = email.strip().lower()
    if JuryMember.objects.filter(call=call, email__iexact=email).exists():
        raise JuryRefused(_("Cette personne fait déjà partie du jury de cet appel."), "email")
    if sector != "public":
        host = None
    with transaction.atomic():
        user, _created = get_user_model().objects.get_or_create(
            username=email, defaults={"email": email, "password": make_password(None)}
        )
        member = JuryMember.objects.create(
            call=call,
            user=user,
            full_name=full_name,
            email=email,
            sector=sector,
            expertise=expertise,
            organisation=organisation,
            host=host,
        )
        audit.record(action=Action.DEFI_JURY_MEMBER_ADDED, actor=by, target=member)
        url = (
            settings.SITE_URL
            + reverse("sign_in")
            + "?"
            + urlencode({"next": reverse("challenge_jury:home")})
        )
        send_member_invitation.enqueue(member_id=member.pk, url=url)
    return member


def remove_member(*, member, by):
    if member.grids.exists():
        raise JuryRefused(_("Ce membre a déjà rempli des grilles : il reste dans le jury."))
    with transaction.atomic():
        audit.record(action=Action.DEFI_JURY_MEMBER_REMOVED, actor=by, target=member)
        member.delete()


def add_conflict(*, member, proposal=None, host=None, reason="", by):
    """Declare a conflict; refused while the member sits in the group hearing that défi."""
    if (proposal is None) == (host is None):
        raise JuryRefused(_("Choisissez une proposition ou une administration."), "proposal")
    if member.group_id:
        heard = Proposal.objects.filter(hearing__group_id=member.group_id)
        hit = heard.filter(pk=proposal.pk) if proposal else heard.filter(host=host)
        if hit.exists():
            raise JuryRefused(
                _(
                    "%(member)s siège dans le %(group)s, qui entend « %(proposal)s » : changez "
                    "ce membre de groupe avant de déclarer ce conflit."
                )
                % {"member": member, "group": member.group, "proposal": hit.first()},
                "proposal" if proposal else "host",
            )
    with transaction.atomic():
        conflict = JuryConflict.objects.create(
            member=member, proposal=proposal, host=host, reason=reason
        )
        audit.record(
            action=Action.DEFI_JURY_CONFLICT_ADDED,
            actor=by,
            target=member,
            data={"conflict": str(conflict)},
        )
    return conflict


def remove_conflict(*, conflict, by):
    with transaction.atomic():
        audit.record(
            action=Action.DEFI_JURY_CONFLICT_REMOVED,
            actor=by,
            target=conflict.member,
            data={"conflict": str(conflict)},
        )
        conflict.delete()


# The plan


def save_calendar(*, form, by):
    """The rhythm of the hearings; groups already planned keep their times."""
    with transaction.atomic():
        calendar = form.save()
        audit.record(
            action=Action.DEFI_JURY_PLAN_EDITED,
            actor=by,
            data={"calendar": form.changed_data},
        )
    return calendar


def propose_plan(*, call, by):
    """Replace the groups and hearings by the matching engine's plan (none booked yet)."""
    if MemberGrid.objects.filter(member__call=call).exists():
        raise JuryRefused(
            _("Des grilles sont déjà remplies : modifiez les groupes un par un plutôt.")
        )
    if not (call.jury_starts_on and call.jury_ends_on):
        raise JuryRefused(_("Indiquez d’abord les dates du jury des défis dans l’appel."))
    calendar = calendar_of(call)
    proposals = list(heard_proposals(call))
    members = list(call.jury_members.prefetch_related("conflicts"))
    sessions = []
    for start, end in rhythm.half_days(calendar, call.jury_starts_on, call.jury_ends_on):
        fit = rhythm.hearings_that_fit(start, end, **_timing(calendar))
        sessions.extend((start, room, fit) for room in range(1, calendar.rooms + 1))
    conflicts = [
        (j, p)
        for j, member in enumerate(members)
        for p, proposal in enumerate(proposals)
        if _in_conflict(member, proposal)
    ]
    try:
        plan = plan_hearings(
            sectors=[member.sector for member in members],
            expertise=[member.expertise for member in members],
            conflicts=conflicts,
            proposals=len(proposals),
            families=[proposal.host_id or f"new-{proposal.pk}" for proposal in proposals],
            sessions=[fit for _start, _room, fit in sessions],
        )
    except Infeasible as infeasible:
        raise JuryRefused(str(infeasible)) from None
    with transaction.atomic():
        JuryMember.objects.filter(call=call).update(group=None)
        JuryGroup.objects.filter(call=call).delete()
        placed = []
        for planned in plan.groups:
            start, room, _fit = sessions[planned.session]
            times = rhythm.hearing_times(start, planned.offset + 1, **_timing(calendar))
            placed.append((times[-1][0], room, planned))
        # Numbered in the order of the day, room by room.
        placed.sort(key=lambda entry: (entry[0], entry[1]))
        for number, (starts_at, room, planned) in enumerate(placed, start=1):
            group = JuryGroup.objects.create(
                call=call,
                number=number,
                starts_at=starts_at,
                room=room,
                place=_("Salle %(room)d") % {"room": room},
            )
            JuryMember.objects.filter(pk__in=[members[j].pk for j in planned.members]).update(
                group=group
            )
            Hearing.objects.bulk_create(
                Hearing(group=group, proposal=proposals[p]) for p in planned.proposals
            )
        audit.record(
            action=Action.DEFI_JURY_PLANNED,
            actor=by,
            data={"cohort": call.cohort.number, "groups": len(plan.groups)},
        )
    return plan


def _in_conflict(member, proposal):
    if member.host_id and member.host_id == proposal.host_id:
        return True
    return any(
        conflict.proposal_id == proposal.pk
        or (conflict.host_id and conflict.host_id == proposal.host_id)
        for conflict in member.conflicts.all()
    )


def _timing(calendar):
    return {
        "length": calendar.hearing_minutes,
        "pause": calendar.break_minutes,
        "every": calendar.break_every_minutes,
    }


def group_slots(group, count=None, starts_at=None, calendar=None):
    """The (start, end) of the group's hearing slots: one per défi it hears."""
    calendar = calendar or calendar_of(group.call)
    count = group.hearings.count() if count is None else count
    return rhythm.hearing_times(starts_at or group.starts_at, count, **_timing(calendar))


def _check_fits(group, *, starts_at, count, room):
    """A group's hearings stay in one half-day, and its room is free then."""
    calendar = calendar_of(group.call)
    half_day = rhythm.half_day_of(calendar, starts_at)
    if half_day is None:
        raise JuryRefused(
            _("%(time)s n’est dans aucune demi-journée du jury (matin ou après-midi).")
            % {"time": paris_time(starts_at)},
            "starts_at",
        )
    times = group_slots(group, count=count, starts_at=starts_at, calendar=calendar)
    if times and times[-1][1] > half_day[1]:
        raise JuryRefused(
            _(
                "Le %(group)s dépasserait la demi-journée de ses membres : ses %(count)d "
                "auditions finiraient à %(end)s, après %(limit)s."
            )
            % {
                "group": group,
                "count": count,
                "end": timezone.localtime(times[-1][1], rhythm.PARIS).strftime("%H:%M"),
                "limit": timezone.localtime(half_day[1], rhythm.PARIS).strftime("%H:%M"),
            },
            "starts_at",
        )
    if not times:
        return
    for other in JuryGroup.objects.filter(call=group.call, room=room).exclude(pk=group.pk):
        other_times = group_slots(other, calendar=calendar)
        if other_times and other_times[0][0] < times[-1][1] and times[0][0] < other_times[-1][1]:
            raise JuryRefused(
                _("La salle %(room)d est déjà prise par le %(other)s à cette heure-là.")
                % {"room": room, "other": other},
                "room",
            )


def move_member(*, member, group, by):
    """Seat `member` in `group` (None: out of every group)."""
    if group is not None:
        for hearing in group.hearings.select_related("proposal__host"):
            reason = conflict_reason(member, hearing.proposal)
            if reason:
                raise JuryRefused(reason, "group")
        if group.members.exclude(pk=member.pk).count() >= GROUP_SIZE[1]:
            raise JuryRefused(
                _("Le %(group)s a déjà %(max)d membres.") % {"group": group, "max": GROUP_SIZE[1]},
                "group",
            )
    with transaction.atomic():
        JuryGroup.objects.filter(lead=member).update(lead=None)
        member.group = group
        member.save(update_fields=["group"])
        audit.record(
            action=Action.DEFI_JURY_PLAN_EDITED,
            actor=by,
            target=member,
            data={"member_to_group": group.number if group else None},
        )


def move_hearing(*, hearing, group, by):
    """Give the défi of `hearing` to another group; its slot is then to be booked again."""
    if group.pk == hearing.group_id:
        return
    count = group.hearings.count() + 1
    if count > HEARINGS_PER_GROUP[1]:
        raise JuryRefused(
            _("Le %(group)s entend déjà %(max)d défis.")
            % {"group": group, "max": HEARINGS_PER_GROUP[1]},
            "group",
        )
    for member in group.members.all():
        reason = conflict_reason(member, hearing.proposal)
        if reason:
            raise JuryRefused(reason, "group")
    _check_fits(group, starts_at=group.starts_at, count=count, room=group.room)
    source = hearing.group
    with transaction.atomic():
        hearing.group = group
        hearing.starts_at = None
        hearing.booked_at = None
        hearing.booked_by = None
        hearing.save()
        _drop_lost_bookings(source)
        audit.record(
            action=Action.DEFI_JURY_PLAN_EDITED,
            actor=by,
            target=hearing.proposal,
            data={"proposal_to_group": group.number},
        )


def _drop_lost_bookings(group):
    """A group hearing one défi less has one slot less: a booking on it is to be made again."""
    slots = {start for start, _end in group_slots(group)}
    group.hearings.exclude(starts_at=None).exclude(starts_at__in=slots).update(
        starts_at=None, booked_at=None, booked_by=None
    )


def edit_group(*, group, starts_at, room, place, video_url, lead, by):
    """Change a group's time, room, place or link and lead; booked hearings move with it."""
    if not (place or video_url):
        raise JuryRefused(_("Indiquez un lieu ou un lien de visioconférence."), "place")
    if lead is not None and lead.group_id != group.pk:
        raise JuryRefused(_("La présidence revient à un membre du groupe."), "lead")
    _check_fits(group, starts_at=starts_at, count=group.hearings.count(), room=room)
    with transaction.atomic():
        shift = starts_at - group.starts_at
        if shift:
            # Shifted one by one, latest first when moving later, so no two meet on a slot.
            hearings = list(group.hearings.exclude(starts_at=None).order_by("starts_at"))
            for hearing in reversed(hearings) if shift > datetime.timedelta(0) else hearings:
                hearing.starts_at += shift
                hearing.save(update_fields=["starts_at"])
        group.starts_at, group.room, group.place, group.video_url = (
            starts_at,
            room,
            place,
            video_url,
        )
        group.lead = lead
        group.save()
        audit.record(action=Action.DEFI_JURY_PLAN_EDITED, actor=by, data={"group": group.number})


# Hearings


def free_slots(hearing):
    """The group's slots that no other hearing of the group holds."""
    taken = set(
        hearing.group.hearings.exclude(pk=hearing.pk)
        .exclude(starts_at=None)
        .values_list("starts_at", flat=True)
    )
    return [(start, end) for start, end in group_slots(hearing.group) if start not in taken]


def give_slot(*, hearing, starts_at, by):
    """The team gives a slot of the group to the défi (or moves it to another free one)."""
    _take_slot(hearing, starts_at, by)
    return hearing


def book_slot(*, hearing, starts_at, by, now=None):
    """An author of the proposal books one of the slots offered to it, once."""
    now = now or timezone.now()
    with transaction.atomic():
        hearing = Hearing.objects.select_for_update().select_related("group").get(pk=hearing.pk)
        if hearing.starts_at is not None:
            raise JuryRefused(
                _(
                    "L’audition de ce défi est déjà fixée au %(time)s : pour la changer, "
                    "écrivez à l’équipe du programme."
                )
                % {"time": paris_time(hearing.starts_at)},
                "slot",
            )
        if starts_at <= now + BOOKING_NOTICE:
            raise JuryRefused(
                _("Ce créneau n’est plus réservable : il commence dans moins de 24 heures."),
                "slot",
            )
        _take_slot(hearing, starts_at, by)
    return hearing


def _take_slot(hearing, starts_at, by):
    offered = {start for start, _end in group_slots(hearing.group)}
    if starts_at not in offered:
        raise JuryRefused(_("Ce créneau n’est pas l’un de ceux du groupe."), "slot")
    if hearing.group.hearings.exclude(pk=hearing.pk).filter(starts_at=starts_at).exists():
        raise _slot_taken()
    try:
        with transaction.atomic():
            hearing.starts_at = starts_at
            hearing.booked_by = by
            hearing.booked_at = timezone.now()
            hearing.save(update_fields=["starts_at", "booked_by", "booked_at"])
    except IntegrityError:
        raise _slot_taken() from None
    audit.record(action=Action.DEFI_HEARING_BOOKED, actor=by, target=hearing.proposal)
    send_hearing_confirmation.enqueue(hearing_id=hearing.pk)


def _slot_taken():
    return JuryRefused(
        _("Ce créneau est déjà pris par un autre défi du groupe : choisissez-en un autre."),
        "slot",
    )


# Grids


def _check_scores(criteria, scores, *, complete):
    cleaned = {}
    for criterion in criteria:
        score = scores.get(str(criterion.pk))
        if score in (None, ""):
            if complete:
                raise JuryRefused(
                    _("Notez chaque critère avant d’envoyer la grille : « %(criterion)s ».")
                    % {"criterion": criterion},
                    f"score_{criterion.pk}",
                )
            continue
        score = int(score)
        if not SCORE_MIN <= score <= SCORE_MAX:
            raise JuryRefused(
                _("Chaque critère est noté de %(min)d à %(max)d.")
                % {"min": SCORE_MIN, "max": SCORE_MAX},
                f"score_{criterion.pk}",
            )
        cleaned[str(criterion.pk)] = score
    return cleaned


def save_member_grid(*, member, proposal, scores, comment, submit, by):
    """Save a member's grid as a draft, or send it (every criterion scored): then it is final."""
    grid = MemberGrid.objects.filter(member=member, proposal=proposal).first()
    if grid is not None and grid.submitted_at:
        raise JuryRefused(_("Votre grille est déjà envoyée : elle ne change plus."))
    cleaned = _check_scores(list(proposal.call.criteria.all()), scores, complete=submit)
    with transaction.atomic():
        grid, _created = MemberGrid.objects.update_or_create(
            member=member,
            proposal=proposal,
            defaults={
                "scores": cleaned,
                "comment": comment,
                "submitted_at": timezone.now() if submit else None,
            },
        )
        action = Action.DEFI_GRID_SUBMITTED if submit else Action.DEFI_GRID_SAVED
        audit.record(action=action, actor=by, target=proposal)
    return grid


def save_consolidated_grid(*, lead, proposal, scores, comment, recommendation, submit, by):
    """The group's lead saves the consolidated grid; sent, it needs a recommendation."""
    if lead.group_id is None or JuryGroup.objects.filter(pk=lead.group_id, lead=lead).count() == 0:
        raise JuryRefused(_("Seul·e le ou la président·e du groupe remplit la grille commune."))
    grid = ConsolidatedGrid.objects.filter(proposal=proposal).first()
    if grid is not None and grid.submitted_at:
        raise JuryRefused(_("La grille commune est déjà envoyée : elle ne change plus."))
    if submit and not recommendation:
        raise JuryRefused(
            _("Choisissez la recommandation du groupe : retenu ou non retenu."), "recommendation"
        )
    cleaned = _check_scores(list(proposal.call.criteria.all()), scores, complete=submit)
    with transaction.atomic():
        grid, _created = ConsolidatedGrid.objects.update_or_create(
            proposal=proposal,
            defaults={
                "scores": cleaned,
                "comment": comment,
                "recommendation": recommendation,
                "filled_by": lead,
                "submitted_at": timezone.now() if submit else None,
            },
        )
        action = (
            Action.DEFI_CONSOLIDATED_GRID_SUBMITTED
            if submit
            else Action.DEFI_CONSOLIDATED_GRID_SAVED
        )
        audit.record(action=action, actor=by, target=proposal)
    return grid
