import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from eig.accounts.access import SIGNED_IN, access
from eig.applications import receipt as receipts
from eig.applications import services
from eig.applications.access import get_own_application, own_applications
from eig.applications.candidate_status import last_decision
from eig.applications.personal_data import messages_to
from eig.applications.timeline import selection_timeline
from eig.applications.views.common import breadcrumb, summary_context
from eig.applications.views.steps import resume_url


@access(SIGNED_IN)
def index(request):
    """The candidate's space: their applications, what they can do with them, their data."""
    applications = (
        own_applications(request.user)
        .select_related("cohort")
        .prefetch_related("decision_notices")
        .order_by("-created_at")
    )
    return render(
        request,
        "applications/space/index.html",
        {
            "entries": [
                {
                    "application": application,
                    "resume_url": resume_url(application),
                    "editable": application.is_editable(),
                    "can_withdraw": application.can_become(application.Status.WITHDRAWN),
                    # The last decision e-mailed to the candidate, shown as sent (eig.decisions).
                    "decision": last_decision(application),
                    "timeline": selection_timeline(application),
                    "messages": [] if application.is_draft else messages_to(application),
                    **_receipt_context(application),
                }
                for application in applications
            ],
            "breadcrumb_data": {"current": _("Mon espace")},
        },
    )


def _receipt_context(application):
    if application.is_draft:
        return {}
    refusal = receipts.why_no_receipt(application)
    if refusal:
        return {"receipt_refusal": refusal}
    return {
        "digest": receipts.last_submission(application).digest,
        "changed_since_submission": application.changed_since_submission(),
    }


@access(SIGNED_IN, get_object=get_own_application)
def receipt(request, application):
    """The PDF récépissé of the last submission, for its candidate only."""
    refusal = receipts.why_no_receipt(application)
    if refusal:
        messages.error(request, refusal)
        return redirect("candidate_space")
    response = HttpResponse(receipts.receipt_pdf(application), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, receipts.receipt_filename(application)
    )
    return response


@access(SIGNED_IN, get_object=get_own_application)
def detail(request, application):
    return render(
        request,
        "applications/space/detail.html",
        {
            **summary_context(application),
            "breadcrumb_data": breadcrumb(
                _("Candidature à la %(cohort)s") % {"cohort": application.cohort}
            ),
        },
    )


@access(SIGNED_IN, methods=("GET", "HEAD", "POST"))
def withdraw(request, public_id):
    """GET asks to confirm; POST withdraws the submitted application."""
    application = get_own_application(request, public_id)
    return _confirmed_action(
        request,
        application,
        action=services.withdraw_application,
        possible=application.can_become(application.Status.WITHDRAWN),
        impossible=services.WITHDRAWAL_REFUSED,
        template="applications/space/confirm_withdraw.html",
        done=_("Votre candidature à la %(cohort)s est retirée."),
    )


@access(SIGNED_IN, methods=("GET", "HEAD", "POST"))
def delete(request, public_id):
    """GET asks to confirm; POST erases the draft and its CV."""
    application = get_own_application(request, public_id)
    return _confirmed_action(
        request,
        application,
        action=services.delete_draft,
        possible=application.is_draft,
        impossible=_("Seul un brouillon peut être supprimé : une candidature déposée se retire."),
        template="applications/space/confirm_delete.html",
        done=_("Votre brouillon de candidature à la %(cohort)s est supprimé, avec son CV."),
    )


@access(SIGNED_IN)
def export(request):
    """All the candidate's data, as a JSON file to download."""
    data = services.export_candidate_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-eig.json"'
    return response


def _confirmed_action(request, application, *, action, possible, impossible, template, done):
    if request.method == "POST":
        try:
            action(application=application, by=request.user)
        except services.ApplicationRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, done % {"cohort": application.cohort})
        return redirect("candidate_space")
    if not possible:
        messages.error(request, impossible)
        return redirect("candidate_space")
    return render(
        request,
        template,
        {
            "application": application,
            "breadcrumb_data": breadcrumb(_("Confirmation")),
        },
    )
