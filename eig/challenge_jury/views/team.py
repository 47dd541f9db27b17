"""The team's tab of the défi jury: members and conflicts, the plan and its edits, the grids."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.audit import services as audit
from eig.audit.models import Action
from eig.challenge_jury import selectors, services
from eig.challenge_jury.forms import (
    CalendarForm,
    ConflictForm,
    GroupForm,
    MemberForm,
    MoveHearingForm,
    MoveMemberForm,
    SlotForm,
)
from eig.challenge_jury.models import Hearing, JuryGroup, JuryMember
from eig.cohorts.models import Cohort
from eig.proposals.models import ChallengeCall, Proposal

POST = ("GET", "HEAD", "POST")


def _call(number):
    return get_object_or_404(
        ChallengeCall.objects.select_related("cohort").filter(cohort__in=Cohort.objects.served()),
        cohort__number=number,
    )


def _crumbs(call, current, *links):
    return {
        "links": [
            {
                "url": reverse("challenge_jury:members", args=[call.cohort.number]),
                "title": _("Jury des défis"),
            },
            *links,
        ],
        "current": current,
    }


def _refused(form, refused):
    """Put the refusal next to its cause, keeping what was typed."""
    field = refused.field if refused.field in form.fields else None
    form.add_error(field, refused.message)


@access(PROGRAMME_TEAM, methods=POST)
def members(request, number):
    call = _call(number)
    form = MemberForm(request.POST or None)
    if form.is_valid():
        try:
            member = services.add_member(call=call, by=request.user, **form.cleaned_data)
        except services.JuryRefused as refused:
            _refused(form, refused)
        else:
            messages.success(
                request, _("%(name)s est invité·e au jury des défis.") % {"name": member}
            )
            return redirect("challenge_jury:members", number=call.cohort.number)
    return render(
        request,
        "challenge_jury/team_members.html",
        {
            "call": call,
            "cohort": call.cohort,
            "members": selectors.members_with_conflicts(call),
            "heard": services.heard_proposals(call).count(),
            "form": form,
            "breadcrumb_data": {"current": _("Jury des défis")},
        },
    )


@access(PROGRAMME_TEAM, methods=POST)
def member(request, number, pk):
    call = _call(number)
    member = get_object_or_404(JuryMember, call=call, pk=pk)
    form = ConflictForm(
        request.POST if request.POST.get("action") == "add_conflict" else None,
        proposals=Proposal.objects.filter(call=call).exclude(status=Proposal.Status.DRAFT),
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "add_conflict" and form.is_valid():
                services.add_conflict(
                    member=member,
                    proposal=form.cleaned_data["proposal"],
                    host=form.cleaned_data["host"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
                messages.success(request, _("Le conflit d’intérêts est enregistré."))
                return redirect(request.path)
            if action == "remove_conflict":
                conflict = get_object_or_404(member.conflicts, pk=request.POST.get("conflict"))
                services.remove_conflict(conflict=conflict, by=request.user)
                messages.success(request, _("Le conflit d’intérêts est levé."))
                return redirect(request.path)
            if action == "remove_member":
                services.remove_member(member=member, by=request.user)
                messages.success(
                    request, _("%(name)s ne fait plus partie du jury.") % {"name": member}
                )
                return redirect("challenge_jury:members", number=call.cohort.number)
        except services.JuryRefused as refused:
            if action == "add_conflict":
                _refused(form, refused)
            else:
                messages.error(request, refused.message)
    return render(
        request,
        "challenge_jury/team_member.html",
        {
            "call": call,
            "cohort": call.cohort,
            "member": member,
            "conflicts": member.conflicts.select_related("proposal", "host"),
            "form": form,
            "breadcrumb_data": _crumbs(call, str(member)),
        },
    )


@access(PROGRAMME_TEAM, methods=POST)
def plan(request, number):
    """The groups and their hearings; each edit is posted here and checked by the services."""
    call = _call(number)
    groups = JuryGroup.objects.filter(call=call)
    failed = {}
    calendar = services.calendar_of(call)
    calendar_form = CalendarForm(
        request.POST if request.POST.get("action") == "calendar" else None,
        instance=calendar,
        prefix="calendar",
    )
    if calendar_form.is_valid():
        services.save_calendar(form=calendar_form, by=request.user)
        messages.success(request, _("Le rythme des auditions est enregistré."))
        return redirect(request.path)
    if request.method == "POST" and not calendar_form.is_bound:
        action, pk = request.POST.get("action"), request.POST.get("pk")
        try:
            if action == "propose":
                proposed = services.propose_plan(call=call, by=request.user)
                messages.success(
                    request,
                    _("Le moteur propose %(count)d groupes : relisez-les et modifiez-les ici.")
                    % {"count": len(proposed.groups)},
                )
                return redirect(request.path)
            if action == "move_member":
                target = get_object_or_404(JuryMember, call=call, pk=pk)
                form = MoveMemberForm(request.POST, groups=groups, prefix=f"member-{pk}")
                failed[("member", target.pk)] = form
                if form.is_valid():
                    services.move_member(
                        member=target, group=form.cleaned_data["group"], by=request.user
                    )
                    messages.success(request, _("%(name)s a changé de groupe.") % {"name": target})
                    return redirect(request.path)
            if action == "move_hearing":
                target = get_object_or_404(Hearing, group__call=call, pk=pk)
                form = MoveHearingForm(request.POST, groups=groups, prefix=f"hearing-{pk}")
                failed[("hearing", target.pk)] = form
                if form.is_valid():
                    services.move_hearing(
                        hearing=target, group=form.cleaned_data["group"], by=request.user
                    )
                    messages.success(
                        request,
                        _("« %(title)s » est confié au %(group)s : son créneau est à fixer.")
                        % {"title": target.proposal, "group": form.cleaned_data["group"]},
                    )
                    return redirect(request.path)
            if action == "give_slot":
                target = get_object_or_404(Hearing, group__call=call, pk=pk)
                form = SlotForm(
                    request.POST, slots=services.group_slots(target.group), prefix=f"slot-{pk}"
                )
                failed[("slot", target.pk)] = form
                if form.is_valid():
                    services.give_slot(hearing=target, starts_at=form.starts_at(), by=request.user)
                    messages.success(
                        request, _("Le créneau est donné ; les auteurs sont prévenus.")
                    )
                    return redirect(request.path)
        except services.JuryRefused as refused:
            if failed:
                _refused(next(iter(failed.values())), refused)
            else:
                messages.error(request, refused.message)
    return render(
        request,
        "challenge_jury/team_plan.html",
        {
            "call": call,
            "cohort": call.cohort,
            **selectors.plan_of(call, failed),
            "calendar_form": calendar_form,
            "breadcrumb_data": _crumbs(call, _("Groupes et auditions")),
        },
    )


@access(PROGRAMME_TEAM, methods=POST)
def group(request, number, pk):
    call = _call(number)
    group = get_object_or_404(JuryGroup, call=call, pk=pk)
    form = GroupForm(request.POST or None, group=group)
    if form.is_valid():
        try:
            services.edit_group(
                group=group,
                starts_at=form.starts_at(),
                room=form.cleaned_data["room"],
                place=form.cleaned_data["place"],
                video_url=form.cleaned_data["video_url"],
                lead=form.cleaned_data["lead"],
                by=request.user,
            )
        except services.JuryRefused as refused:
            if refused.field == "starts_at":
                form.add_error("time", refused.message)
            else:
                _refused(form, refused)
        else:
            messages.success(request, _("Le %(group)s est modifié.") % {"group": group})
            return redirect("challenge_jury:plan", number=call.cohort.number)
    return render(
        request,
        "challenge_jury/team_group.html",
        {
            "call": call,
            "cohort": call.cohort,
            "group": group,
            "form": form,
            "breadcrumb_data": _crumbs(
                call,
                str(group),
                {
                    "url": reverse("challenge_jury:plan", args=[number]),
                    "title": _("Groupes et auditions"),
                },
            ),
        },
    )


@access(PROGRAMME_TEAM)
def proposal_grids(request, public_id):
    """The members' scores side by side and the consolidated grid of one proposal."""
    proposal = get_object_or_404(
        Proposal.objects.select_related("call__cohort", "host"), public_id=public_id
    )
    audit.record(
        action=Action.PROPOSAL_VIEWED, actor=request.user, target=proposal, request=request
    )
    return render(
        request,
        "challenge_jury/team_grids.html",
        {
            "proposal": proposal,
            "cohort": proposal.call.cohort,
            **selectors.grids_of(proposal),
            "breadcrumb_data": _crumbs(proposal.call, _("Grilles du jury")),
        },
    )
