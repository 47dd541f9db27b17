"""The team's pages on the call for défis: the list of proposals, a proposal, its stages, its
publication as a défi, and the decisions told to the administrations."""

from django.contrib import messages
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from eig import exports
from eig.accounts.access import PROGRAMME_TEAM, access
from eig.audit.models import Action
from eig.audit.services import record, record_export
from eig.backoffice import bulk_moves
from eig.backoffice import proposal_selectors as selectors
from eig.backoffice.proposal_forms import (
    BulkMoveForm,
    MoveForm,
    ProposalFilterForm,
    SendDecisionsForm,
)
from eig.cohorts.models import Cohort
from eig.proposals import decisions, stages
from eig.proposals.access import attachment_or_404
from eig.proposals.models import ChallengeCall, Proposal
from eig.proposals.publication import publish_proposal, why_not_published
from eig.proposals.team_panels import team_panels

LIST_TITLE = _("Défis proposés")


def list_url(query=""):
    url = reverse("backoffice:proposal_list")
    return f"{url}?{query}" if query else url


@access(PROGRAMME_TEAM)
def proposal_list(request):
    form = ProposalFilterForm(request.GET)
    context = {
        "form": form,
        "export_formats": exports.CONTENT_TYPES,
        "breadcrumb_data": {"current": LIST_TITLE},
    }
    if form.is_valid():
        call = form.call()
        context |= {"cohort": form.selected_cohort(), "call": call, "query": form.query()}
        if call is not None:
            proposals = selectors.filter_proposals(Proposal.objects.all(), **form.filters())
            context |= {
                "rows": list(selectors.for_listing(proposals)),
                "statistics": selectors.statistics(proposals),
                "bulk_form": BulkMoveForm(items=Proposal.objects.none()),
                "decisions": decision_summary(call),
            }
    return render(request, "backoffice/proposals/list.html", context)


def decision_summary(call):
    return [
        {"outcome": outcome, "sending": decisions.prepare_sending(call, outcome)}
        for outcome in decisions.OUTCOMES
    ]


@access(PROGRAMME_TEAM, sensitive=True)
def proposal_export(request, file_format):
    form = ProposalFilterForm(request.GET)
    if not form.is_valid() or form.call() is None:
        # The list shows each error next to its filter.
        return redirect(list_url(request.GET.urlencode()))
    proposals = selectors.filter_proposals(Proposal.objects.all(), **form.filters())
    record_export(
        request=request,
        action=Action.PROPOSALS_EXPORTED,
        file_format=file_format,
        filters=request.GET.dict(),
    )
    return selectors.export(selectors.for_listing(proposals), form.selected_cohort(), file_format)


def proposal_of(public_id):
    return get_object_or_404(
        Proposal.objects.select_related("call__cohort", "host", "published_challenge"),
        public_id=public_id,
    )


@access(PROGRAMME_TEAM)
def proposal_detail(request, public_id):
    proposal = proposal_of(public_id)
    if not proposal.authors.filter(user=request.user).exists():
        record(action=Action.PROPOSAL_VIEWED, actor=request.user, target=proposal, request=request)
    return detail_page(request, proposal, MoveForm(proposal=proposal))


def detail_page(request, proposal, move_form, status=200):
    """The whole proposal, with `move_form` as posted when it was refused."""
    back = list_url(f"promotion={proposal.call.cohort.number}")
    return render(
        request,
        "backoffice/proposals/detail.html",
        {
            "proposal": proposal,
            "cohort": proposal.call.cohort,
            "authors": list(proposal.authors.order_by("invited_at")),
            "agents": list(proposal.agents.all()),
            "mentors": list(proposal.mentors.all()),
            "seats": list(proposal.seats.all()),
            "attachments": list(proposal.attachments.all()),
            "transitions": list(proposal.transitions.select_related("actor")),
            "move_form": move_form,
            "why_no_move": stages.why_no_move(proposal),
            "why_not_published": why_not_published(proposal),
            "panels": team_panels(proposal, request),
            "breadcrumb_data": {
                "links": [{"url": back, "title": LIST_TITLE}],
                "current": str(proposal),
            },
        },
        status=status,
    )


@access(PROGRAMME_TEAM)
def proposal_attachment(request, public_id, pk):
    attachment = attachment_or_404(request, public_id, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None  # the record names a file the storage no longer has
    record(
        action=Action.PROPOSAL_ATTACHMENT_VIEWED,
        actor=request.user,
        target=attachment.proposal,
        request=request,
        data={"attachment": attachment.original_name},
    )
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type="application/pdf",
    )


@access(PROGRAMME_TEAM, methods=("POST",))
def proposal_move(request, public_id):
    proposal = proposal_of(public_id)
    form = MoveForm(request.POST, proposal=proposal)
    if form.is_valid():
        try:
            moved = stages.move_proposal(
                proposal=proposal,
                to=form.cleaned_data["vers"],
                by=request.user,
                reason=form.cleaned_data["motif"],
                request=request,
            )
        except stages.ProposalRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request,
                _("La proposition est passée à l’étape « %(status)s ».")
                % {"status": moved.get_status_display()},
            )
            return redirect("backoffice:proposal_detail", public_id=public_id)
    return detail_page(request, proposal, form, status=400)


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def proposal_bulk_move(request):
    """GET shows what would happen and asks to confirm, changing nothing; POST moves.

    The proposals are those ticked, or the whole filtered list (`portee=liste`): then the
    confirmation carries a fingerprint of the list it showed, so that a list changed meanwhile
    is shown again rather than moved unseen.
    """
    data = request.POST if request.method == "POST" else request.GET
    filters = QueryDict(data.get("filtres", ""))
    list_form = ProposalFilterForm(filters)
    back = list_url(filters.urlencode())
    if not list_form.is_valid() or list_form.call() is None:
        messages.error(request, _("Un filtre n’est pas valide : corrigez-le d’abord."))
        return redirect(back)
    listed = selectors.filter_proposals(Proposal.objects.all(), **list_form.filters())
    form = BulkMoveForm(data, items=listed)
    if not form.is_valid():
        return bulk_moves.back_with_errors(request, form, back)
    proposals = list(
        selectors.for_listing(listed if form.whole_list() else form.cleaned_data["propositions"])
    )
    return bulk_moves.check_or_move(
        request,
        form=form,
        items=proposals,
        rules=bulk_moves.MoveRules(
            move=lambda proposals, to, reason: stages.move_proposals(
                proposals=proposals, to=to, by=request.user, reason=reason, request=request
            ),
            refused=stages.ProposalRefused,
            why_not_moved=stages.why_not_moved,
        ),
        context={
            "target": stages.label(form.cleaned_data["vers"]),
            "back": back,
            "filters": filters.urlencode(),
            "cohort": list_form.selected_cohort(),
            "breadcrumb_data": {
                "links": [{"url": back, "title": LIST_TITLE}],
                "current": _("Changer l’étape"),
            },
        },
        templates=(
            "backoffice/proposals/bulk_move_confirm.html",
            "backoffice/proposals/bulk_move_done.html",
        ),
    )


@access(PROGRAMME_TEAM, methods=("POST",))
def proposal_publish(request, public_id):
    proposal = proposal_of(public_id)
    try:
        challenge = publish_proposal(proposal=proposal, by=request.user, request=request)
    except stages.ProposalRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _(
                "Le défi « %(name)s » est créé en brouillon dans la %(cohort)s : relisez-le dans "
                "l’administration avant de le publier."
            )
            % {"name": challenge.name, "cohort": proposal.call.cohort},
        )
    return redirect("backoffice:proposal_detail", public_id=public_id)


def call_or_404(number):
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    try:
        return cohort.challenge_call
    except ChallengeCall.DoesNotExist:
        raise Http404 from None


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"), sensitive=True)
def proposal_decisions(request, number, outcome):
    """GET shows what the send would do, with real previews; only the POST of that page sends."""
    call = call_or_404(number)
    if outcome not in decisions.OUTCOMES:
        raise Http404
    sending = decisions.prepare_sending(call, outcome)
    form = SendDecisionsForm(
        request.POST if request.method == "POST" else None,
        initial={"empreinte": sending.digest},
    )
    back = list_url(f"promotion={number}") + "#decisions"
    # "Aperçu" shows the e-mails with the message typed, sending nothing.
    if request.method == "POST" and "apercu" not in request.POST and form.is_valid():
        try:
            sent = decisions.send_decisions(
                call=call,
                outcome=outcome,
                by=request.user,
                confirmed=form.cleaned_data["empreinte"],
                message=form.cleaned_data["message"],
                request=request,
            )
        except decisions.SendingRefused as refused:
            messages.error(request, refused.message)
            return redirect(request.path)
        messages.success(
            request,
            ngettext(
                "La décision « %(outcome)s » part vers %(count)s administration.",
                "La décision « %(outcome)s » part vers %(count)s administrations.",
                len(sent),
            )
            % {"outcome": sending.label, "count": len(sent)},
        )
        return redirect(back)
    message = form.data.get("message", "") if form.is_bound else ""
    previews = [
        (
            proposal,
            decisions.author_emails(proposal),
            *decisions.render_decision(proposal, outcome, message),
        )
        for proposal in sending.recipients[:3]
    ]
    return render(
        request,
        "backoffice/proposals/decisions_confirm.html",
        {
            "call": call,
            "cohort": call.cohort,
            "sending": sending,
            "summary": decision_summary(call),
            "previews": previews,
            "form": form,
            "back": back,
            "breadcrumb_data": {
                "links": [{"url": back, "title": LIST_TITLE}],
                "current": _("Envoyer « %(outcome)s »") % {"outcome": sending.label},
            },
        },
        status=400 if form.is_bound and form.errors else 200,
    )
