from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.accounts.access import SIGNED_IN, access
from eig.applications import services, steps
from eig.applications.views.common import (
    breadcrumb,
    own_application_to,
    step_url,
    summary_context,
)
from eig.applications.views.steps import stepper


@access(SIGNED_IN, methods=("GET", "HEAD", "POST"))
def review(request, number):
    """The last step: everything at a glance, what is missing, and the button to submit."""
    application = own_application_to(request.user, number)
    if application is None:
        return redirect("application_start")
    now = timezone.now()
    if request.method == "GET":
        return _render(request, application, refusal=application.why_read_only(now))
    try:
        services.submit_application(application=application, by=request.user, now=now)
    except services.ApplicationIncomplete as incomplete:
        return _render(request, application, missing=incomplete.missing, submit_failed=True)
    except services.ApplicationRefused as refused:
        return _render(request, application, refusal=refused.message, status=403)
    return redirect("application_confirmation", number=number)


@access(SIGNED_IN)
def confirmation(request, number):
    application = own_application_to(request.user, number)
    if application is None or application.is_draft:
        return redirect("application_review", number=number)
    return render(
        request,
        "applications/confirmation.html",
        {
            "application": application,
            "edit_until": application.cohort.application_call_closes_at,
            "breadcrumb_data": breadcrumb(_("Candidature déposée")),
        },
    )


def _render(request, application, *, refusal=None, missing=None, submit_failed=False, status=200):
    if missing is None:
        missing = steps.missing_items(application)
    return render(
        request,
        "applications/review.html",
        {
            **summary_context(application, editable=refusal is None),
            "refusal": refusal,
            "missing": [(item, step_url(application, item.step)) for item in missing],
            "submit_failed": submit_failed,
            "changed_since_submission": application.changed_since_submission(),
            "previous_url": step_url(application, steps.previous_of(steps.REVIEW)),
            "stepper": stepper(steps.REVIEW),
            "breadcrumb_data": breadcrumb(
                _("Candidature à la %(cohort)s") % {"cohort": application.cohort}
            ),
        },
        status=status,
    )
