"""The call for défis as the public and the administrations' agents see it: the call's page, the
agent's space, the proposal's steps, its authors and attachments. Rules live in services.py."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, SIGNED_IN, access, public
from eig.audit.models import Action
from eig.audit.services import record
from eig.pdf_files import readable_size
from eig.proposals import calls, forms, services, steps
from eig.proposals.access import (
    PROPOSAL_AUTHOR,
    attachment_or_404,
    own_proposals,
    proposal_or_404,
)
from eig.proposals.models import CallState
from eig.storage import StorageUnavailable, report_unavailable_upload
from eig.translation import any_falls_back


@public()
def call_page(request):
    """The current call for défis: open, else upcoming, else the latest; a clear page if none."""
    now = timezone.now()
    call = calls.current_call(now)
    context = {"call": call, "breadcrumb_data": {"current": _("Appel à défis")}}
    if call is not None:
        criteria, questions = list(call.criteria.all()), list(call.questions.all())
        context.update(
            state=call.state(now),
            states=CallState,
            time_left=call.time_left(now),
            closed_message=calls.closed_call_message(call, now),
            criteria=criteria,
            questions=questions,
            cohort=call.cohort,
            # One notice when any text the page shows is read in French on the English site.
            in_french=any_falls_back([call], ["introduction", "information_meeting_place", "rules"])
            or any_falls_back(criteria, ["title", "details"])
            or any_falls_back(questions, ["question", "answer"]),
        )
    return render(request, "proposals/call.html", context)


def _space_breadcrumb(current=None):
    space = {"url": reverse("proposals:space"), "title": _("Espace administration")}
    if current is None:
        return {"current": space["title"]}
    return {"links": [space], "current": current}


@access(SIGNED_IN)
def space(request):
    """The agent's proposals, with their stage in words an agent understands."""
    services.claim_invitations(request.user)
    now = timezone.now()
    proposals = own_proposals(request.user).select_related("call__cohort", "host")
    entries = [
        {
            "proposal": proposal,
            "status": proposal.status_for_authors(),
            "read_only": services.why_read_only(proposal, now),
        }
        for proposal in proposals.order_by("-call__cohort__number", "-created_at")
    ]
    return render(
        request,
        "proposals/space.html",
        {
            "entries": entries,
            "open_call": calls.open_call(now),
            "breadcrumb_data": _space_breadcrumb(),
        },
    )


@access(SIGNED_IN, methods=("GET", "HEAD", "POST"))
def start(request):
    """Start a proposal to the open call: a page that explains, then a draft on POST."""
    now = timezone.now()
    call = calls.open_call(now)
    if request.method == "POST" and call is not None:
        proposal = services.start_proposal(call=call, user=request.user, request=request, now=now)
        return redirect(step_url(proposal, steps.STEPS[0]))
    current = calls.current_call(now)
    return render(
        request,
        "proposals/start.html",
        {
            "call": call,
            "refusal": calls.closed_call_message(current, now) if current and not call else None,
            "steps": steps.STEPS,
            "breadcrumb_data": _space_breadcrumb(_("Proposer un défi")),
        },
        status=200 if call or request.method == "GET" else 403,
    )


def step_url(proposal, step):
    if step == steps.REVIEW:
        return reverse("proposals:review", args=[proposal.public_id])
    return reverse("proposals:step", args=[proposal.public_id, step.slug])


@access(PROPOSAL_AUTHOR, get_object=proposal_or_404)
def resume(request, proposal):
    return redirect(step_url(proposal, steps.REVIEW))


def proposal_step_or_404(request, public_id, slug):
    step = steps.by_slug(slug)
    if step is None or step == steps.REVIEW:
        raise Http404
    return proposal_or_404(request, public_id), step


@access(PROPOSAL_AUTHOR, methods=("GET", "HEAD", "POST"), get_object=proposal_step_or_404)
def step(request, found):
    proposal, current = found
    now = timezone.now()
    refusal = services.why_read_only(proposal, now)
    if current == steps.ATTACHMENTS:
        return _attachments_step(request, proposal, current, refusal, now)
    if request.method == "GET" or refusal:
        form = None if refusal else current.form_class(proposal=proposal)
        if request.method == "POST":
            # Refused after the deadline: the typed answers stay on the page, unsaved.
            form = current.form_class(request.POST, proposal=proposal)
            form.is_valid()
        status = 403 if request.method == "POST" else 200
        return render_step(request, proposal, current, form=form, refusal=refusal, status=status)
    result = services.save_step(
        proposal=proposal, step=current, data=request.POST, user=request.user, request=request
    )
    if not result.saved:
        return render_step(request, proposal, current, form=result.form, missing=result.missing)
    if proposal.status != proposal.Status.DRAFT:
        messages.success(
            request,
            _("Vos modifications sont enregistrées : elles forment la version déposée."),
        )
    return redirect(_destination(request, proposal, current))


def _attachments_step(request, proposal, current, refusal, now):
    form = forms.AttachmentForm()
    status = 200
    if request.method == "POST":
        if refusal:
            status = 403
        elif proposal.attachments.count() >= forms.MAX_ATTACHMENTS:
            form = forms.AttachmentForm(request.POST, request.FILES)
            form.is_valid()
            form.add_error(
                "file",
                _("Une proposition a %(max)s pièces jointes au plus : retirez-en une d’abord.")
                % {"max": forms.MAX_ATTACHMENTS},
            )
            status = 400
        elif not request.FILES and request.POST.get("navigation") in ("next", "previous"):
            return redirect(_destination(request, proposal, current))
        else:
            form = forms.AttachmentForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    services.add_attachment(
                        proposal=proposal,
                        upload=form.cleaned_data["file"],
                        user=request.user,
                        request=request,
                        now=now,
                    )
                except StorageUnavailable:
                    report_unavailable_upload(form, "file")
                    status = 503
                else:
                    messages.success(
                        request,
                        _("« %(name)s » est ajouté à la proposition.")
                        % {"name": form.cleaned_data["file"].name},
                    )
                    return redirect(step_url(proposal, current))
            else:
                status = 400
    return render_step(
        request,
        proposal,
        current,
        form=None if refusal else form,
        refusal=refusal,
        attachments=list(proposal.attachments.all()),
        max_size=readable_size(forms.ATTACHMENT_MAX_BYTES),
        status=status,
    )


def render_step(request, proposal, current, *, form=None, refusal=None, status=200, **extra):
    previous, following = steps.previous_of(current), steps.next_of(current)
    error_count = form.error_count() if form is not None and form.is_bound else 0
    context = {
        "proposal": proposal,
        "call": proposal.call,
        "step": current,
        "form": form,
        "refusal": refusal,
        "error_count": error_count + len(extra.get("missing") or []),
        "stepper": {
            "current_step_id": steps.number_of(current),
            "total_steps": len(steps.STEPS),
            "current_step_title": current.title,
            "next_step_title": following.title if following else "",
            "heading_tag": "h1",
        },
        "previous_url": step_url(proposal, previous) if previous else None,
        "next_url": step_url(proposal, following),
        "breadcrumb_data": _space_breadcrumb(str(proposal)),
        **extra,
    }
    return render(request, f"proposals/steps/{current.key}.html", context, status=status)


def _destination(request, proposal, current):
    navigation = request.POST.get("navigation")
    if navigation == "stay":
        return step_url(proposal, current)
    if navigation == "previous" and steps.previous_of(current):
        return step_url(proposal, steps.previous_of(current))
    return step_url(proposal, steps.next_of(current))


@access(PROPOSAL_AUTHOR, methods=("GET", "HEAD", "POST"), get_object=proposal_or_404)
def review(request, proposal):
    """The whole proposal, what it still lacks, and its submission (idempotent)."""
    now = timezone.now()
    refusal = services.why_read_only(proposal, now)
    status = 200
    if request.method == "POST":
        try:
            submission = services.submit(
                proposal=proposal, user=request.user, request=request, now=now
            )
        except services.ProposalRefused as refused:
            messages.error(request, refused.message)
            status = 403 if refusal else 400
        else:
            if submission.already:
                messages.info(
                    request,
                    _("Cette proposition était déjà déposée : rien n’a changé."),
                )
            else:
                messages.success(
                    request,
                    _(
                        "Votre proposition est déposée. Un e-mail de confirmation part vers "
                        "chacun de ses auteurs."
                    ),
                )
            return redirect("proposals:review", public_id=proposal.public_id)
    return render(
        request,
        "proposals/review.html",
        {
            "proposal": proposal,
            "call": proposal.call,
            "refusal": refusal,
            "missing": steps.missing_items(proposal),
            "status_label": proposal.status_for_authors(),
            "sections": [(step, step_url(proposal, step)) for step in steps.STEPS[:-1]],
            "agents": list(proposal.agents.all()),
            "mentors": list(proposal.mentors.all()),
            "seats": list(proposal.seats.all()),
            "attachments": list(proposal.attachments.all()),
            "authors": list(proposal.authors.all()),
            "stepper": {
                "current_step_id": len(steps.STEPS),
                "total_steps": len(steps.STEPS),
                "current_step_title": steps.REVIEW.title,
                "next_step_title": "",
                "heading_tag": "h1",
            },
            "breadcrumb_data": _space_breadcrumb(str(proposal)),
        },
        status=status,
    )


@access(PROPOSAL_AUTHOR, methods=("GET", "HEAD", "POST"), get_object=proposal_or_404)
def authors(request, proposal):
    """Who may edit the proposal, and the invitation of a colleague by e-mail."""
    now = timezone.now()
    refusal = services.why_read_only(proposal, now)
    form = forms.InviteAuthorForm(proposal=proposal)
    status = 200
    if request.method == "POST":
        form = forms.InviteAuthorForm(request.POST, proposal=proposal)
        if refusal:
            status = 403
        elif form.is_valid():
            email = form.cleaned_data["email"]
            services.invite_author(
                proposal=proposal, email=email, user=request.user, request=request, now=now
            )
            messages.success(
                request,
                _("%(email)s est invité·e : un e-mail lui donne le lien pour se connecter.")
                % {"email": email},
            )
            return redirect("proposals:authors", public_id=proposal.public_id)
        else:
            status = 400
    return render(
        request,
        "proposals/authors.html",
        {
            "proposal": proposal,
            "authors": list(proposal.authors.select_related("user", "invited_by")),
            "form": None if refusal else form,
            "refusal": refusal,
            "breadcrumb_data": _space_breadcrumb(str(proposal)),
        },
        status=status,
    )


@access(PROPOSAL_AUTHOR, PROGRAMME_TEAM, get_object=attachment_or_404)
def attachment(request, attachment):
    """A proposal's PDF, for its authors and the team; a view by the team is in the journal."""
    proposal = attachment.proposal
    if not proposal.authors.filter(user=request.user).exists():
        record(
            action=Action.PROPOSAL_ATTACHMENT_VIEWED,
            actor=request.user,
            target=proposal,
            request=request,
            data={"file": attachment.original_name},
        )
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=False,
        filename=attachment.original_name,
        content_type="application/pdf",
    )


@access(PROPOSAL_AUTHOR, methods=("POST",), get_object=attachment_or_404)
def attachment_delete(request, attachment):
    proposal = attachment.proposal
    if not proposal.authors.filter(user=request.user).exists():
        raise Http404  # the team reads attachments; only authors remove them
    try:
        services.delete_attachment(attachment=attachment, user=request.user, request=request)
    except services.ProposalRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request, _("« %(name)s » est retiré.") % {"name": attachment.original_name}
        )
    return redirect(step_url(proposal, steps.ATTACHMENTS))
