"""What the application views share: sign-in, the cohort in the address, the step addresses."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.applications import steps
from eig.applications.access import own_applications
from eig.cohorts.models import Cohort


def cohort_or_404(number):
    cohort = Cohort.objects.served().published().filter(number=number).first()
    if cohort is None:
        raise Http404
    return cohort


def own_application_to(user, number):
    """`user`'s application to the cohort `number` in one query, or None; Http404 without such
    a cohort. The candidate comes with it: the step pages read the account's address."""
    application = (
        own_applications(user)
        .select_related("cohort", "candidate")
        .filter(cohort__in=Cohort.objects.served().published().filter(number=number))
        .first()
    )
    if application is None:
        cohort_or_404(number)
    return application


def step_url(application, step):
    number = application.cohort.number
    if step.is_review:
        return reverse("application_review", args=[number])
    return reverse("application_step", args=[number, step.slug])


def breadcrumb(current):
    space = {"url": reverse("candidate_space"), "title": _("Mon espace")}
    return {"links": [space], "current": current}


def summary_context(application, *, editable=False):
    """What the read-only summary of an application shows, with links to edit each step."""
    steps.prefetch_lists(application)
    return {
        "application": application,
        "cohort": application.cohort,
        "experiences": list(application.experiences.all()),
        "choices": list(application.choices.all()),
        "summary_sections": [
            (step, step_url(application, step) if editable else None) for step in steps.FORM_STEPS
        ],
    }
