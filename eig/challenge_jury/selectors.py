"""What the défi jury's pages read: the plan with its warnings, the grids side by side."""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from eig.challenge_jury import services
from eig.challenge_jury.forms import MoveHearingForm, MoveMemberForm, SlotForm, slot_key
from eig.challenge_jury.models import (
    ConsolidatedGrid,
    Hearing,
    JuryGroup,
    JuryMember,
    MemberGrid,
)
from eig.matching.defi_jury import GROUP_SIZE, HEARINGS_PER_GROUP


def members_with_conflicts(call):
    return (
        JuryMember.objects.filter(call=call)
        .select_related("host", "group")
        .annotate(declared=Count("conflicts"))
        .order_by("full_name")
    )


def plan_of(call, failed=None):
    """The groups with their members, hearings and edit forms (a refused one as it was sent)."""
    failed = failed or {}
    calendar = services.calendar_of(call)
    groups = list(
        JuryGroup.objects.filter(call=call)
        .select_related("lead")
        .prefetch_related(
            Prefetch("members", JuryMember.objects.order_by("full_name")),
            Prefetch(
                "hearings",
                Hearing.objects.select_related("proposal__host").order_by("starts_at", "pk"),
            ),
        )
    )
    all_groups = JuryGroup.objects.filter(call=call)
    for group in groups:
        hearings = list(group.hearings.all())
        group.slots = services.group_slots(group, count=len(hearings), calendar=calendar)
        group.ends_at = group.slots[-1][1] if group.slots else group.starts_at
        group.warnings = []
        members = list(group.members.all())
        if not GROUP_SIZE[0] <= len(members) <= GROUP_SIZE[1]:
            group.warnings.append(
                _("%(count)d membres : un groupe en compte de %(min)d à %(max)d.")
                % {"count": len(members), "min": GROUP_SIZE[0], "max": GROUP_SIZE[1]}
            )
        if not HEARINGS_PER_GROUP[0] <= len(hearings) <= HEARINGS_PER_GROUP[1]:
            group.warnings.append(
                _("%(count)d défis : un groupe en entend de %(min)d à %(max)d.")
                % {
                    "count": len(hearings),
                    "min": HEARINGS_PER_GROUP[0],
                    "max": HEARINGS_PER_GROUP[1],
                }
            )
        if group.lead_id is None:
            group.warnings.append(_("Pas encore de président·e."))
        for member in members:
            member.move_form = failed.get(("member", member.pk)) or MoveMemberForm(
                groups=all_groups, prefix=f"member-{member.pk}", initial={"group": group.pk}
            )
        free = {start for start, _end in group.slots} - {h.starts_at for h in hearings}
        for hearing in hearings:
            hearing.move_form = failed.get(("hearing", hearing.pk)) or MoveHearingForm(
                groups=all_groups, prefix=f"hearing-{hearing.pk}", initial={"group": group.pk}
            )
            offered = [
                (start, end)
                for start, end in group.slots
                if start in free or start == hearing.starts_at
            ]
            hearing.slot_form = failed.get(("slot", hearing.pk)) or SlotForm(
                slots=offered,
                prefix=f"slot-{hearing.pk}",
                initial={"slot": slot_key(hearing.starts_at) if hearing.starts_at else None},
            )
        group.member_list, group.hearing_list = members, hearings
    seated = JuryMember.objects.filter(call=call, group__isnull=True).order_by("full_name")
    reserve = list(seated)
    for member in reserve:
        member.move_form = failed.get(("member", member.pk)) or MoveMemberForm(
            groups=all_groups, prefix=f"member-{member.pk}"
        )
    unplanned = services.heard_proposals(call).filter(hearing__isnull=True)
    return {
        "groups": groups,
        "reserve": reserve,
        "unplanned": unplanned,
        "calendar": calendar,
        "has_grids": MemberGrid.objects.filter(member__call=call).exists(),
    }


def grids_of(proposal):
    """The members' grids (rows: criteria, columns: members) and the consolidated grid."""
    criteria = list(proposal.call.criteria.all())
    grids = list(
        MemberGrid.objects.filter(proposal=proposal)
        .select_related("member")
        .order_by("member__full_name")
    )
    rows = [
        {
            "criterion": criterion,
            "scores": [grid.scores.get(str(criterion.pk)) for grid in grids],
            "mean": _mean(
                [
                    grid.scores.get(str(criterion.pk))
                    for grid in grids
                    if grid.submitted_at and grid.scores.get(str(criterion.pk))
                ]
            ),
        }
        for criterion in criteria
    ]
    consolidated = ConsolidatedGrid.objects.filter(proposal=proposal).first()
    consolidated_rows = (
        [
            {"criterion": criterion, "score": consolidated.scores.get(str(criterion.pk))}
            for criterion in criteria
        ]
        if consolidated
        else []
    )
    hearing = Hearing.objects.filter(proposal=proposal).select_related("group").first()
    return {
        "criteria": criteria,
        "grids": grids,
        "rows": rows,
        "consolidated": consolidated,
        "consolidated_rows": consolidated_rows,
        "hearing": hearing,
    }


def _mean(values):
    return round(sum(values) / len(values), 1) if values else None
