from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.accounts.access import SIGNED_IN, access
from eig.applications import calls, services
from eig.applications.access import own_applications
from eig.applications.views.steps import resume_url


@access(SIGNED_IN, methods=("GET", "HEAD", "POST"))
def start(request):
    """Where a candidate starts or resumes an application, to each cohort whose call is open."""
    now = timezone.now()
    cohorts = list(calls.open_cohorts(now).order_by("number"))
    challenge = calls.open_challenge(request.POST.get("defi") or request.GET.get("defi"))
    if request.method == "POST":
        return _start(request, cohorts, challenge, now)
    applications = {
        application.cohort_id: application
        for application in own_applications(request.user)
        .filter(cohort__in=cohorts)
        .select_related("cohort")
    }
    return render(
        request,
        "applications/start.html",
        {
            "calls": [
                (cohort, applications.get(cohort.pk), calls.unpublished_rules_message(cohort))
                for cohort in cohorts
            ],
            "challenge": challenge,
            "unknown_challenge": request.GET.get("defi") and not challenge,
            "closed_message": None if cohorts else _closed_message(now),
            "has_applications": own_applications(request.user).exists(),
            "breadcrumb_data": {"current": _("Candidater")},
        },
    )


def _start(request, cohorts, challenge, now):
    cohort = next((c for c in cohorts if str(c.number) == request.POST.get("cohort")), None)
    if cohort is None:
        messages.error(request, _("L’appel à candidatures de cette promotion n’est pas ouvert."))
        return redirect("application_start")
    try:
        application = services.start_application(candidate=request.user, cohort=cohort, now=now)
    except services.ApplicationRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("application_start")
    if (
        challenge
        and challenge.cohort_id == cohort.pk
        and services.preselect_challenge(application=application, challenge=challenge)
    ):
        messages.success(
            request,
            _("Le défi « %(name)s » est ajouté à vos choix (étape « Choix des défis »).")
            % {"name": challenge.name},
        )
    return redirect(resume_url(application))


def _closed_message(now):
    cohort = calls.next_or_last_call(now)
    if cohort is None:
        return _("Aucun appel à candidatures n’est ouvert pour le moment.")
    return calls.closed_call_message(cohort, now)
