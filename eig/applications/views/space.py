import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from eig.applications import services
from eig.applications.access import get_own_application, own_applications
from eig.applications.candidate_status import last_decision
from eig.applications.views.common import breadcrumb, sign_in_required, summary_context
from eig.applications.views.steps import resume_url


@sign_in_required
@never_cache
@require_GET
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
                }
                for application in applications
            ],
            "breadcrumb_data": {"current": _("Mon espace")},
        },
    )


@sign_in_required
@never_cache
@require_GET
def detail(request, public_id):
    application = get_own_application(request.user, public_id)
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


@sign_in_required
@never_cache
@require_http_methods(["GET", "POST"])
def withdraw(request, public_id):
    """GET asks to confirm; POST withdraws the submitted application."""
    application = get_own_application(request.user, public_id)
    return _confirmed_action(
        request,
        application,
        action=services.withdraw_application,
        possible=application.can_become(application.Status.WITHDRAWN),
        impossible=services.WITHDRAWAL_REFUSED,
        template="applications/space/confirm_withdraw.html",
        done=_("Votre candidature à la %(cohort)s est retirée."),
    )


@sign_in_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete(request, public_id):
    """GET asks to confirm; POST erases the draft and its CV."""
    application = get_own_application(request.user, public_id)
    return _confirmed_action(
        request,
        application,
        action=services.delete_draft,
        possible=application.is_draft,
        impossible=_("Seul un brouillon peut être supprimé : une candidature déposée se retire."),
        template="applications/space/confirm_delete.html",
        done=_("Votre brouillon de candidature à la %(cohort)s est supprimé, avec son CV."),
    )


@sign_in_required
@never_cache
@require_GET
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
