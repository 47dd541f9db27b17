from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig import exports
from eig.accounts.access import PROGRAMME_TEAM, access
from eig.applications.access import application_or_404, cv_response
from eig.audit.models import Action
from eig.audit.services import record_export, record_view_by_someone_else
from eig.backoffice import charts, export, stats
from eig.backoffice.forms import ApplicationFilterForm, StatisticsForm
from eig.backoffice.selectors import filter_applications, for_listing
from eig.backoffice.stage_forms import BulkMoveForm, MoveForm
from eig.selection.access import applications_visible_to

APPLICATIONS_PER_PAGE = 50


# Every page here shows personal data: never_cache keeps it out of shared and browser caches.
@access(PROGRAMME_TEAM)
def application_list(request):
    form = ApplicationFilterForm(request.GET)
    applications = applications_visible_to(request.user)
    if form.is_valid():
        applications = filter_applications(applications, **form.filters())
        cohort = form.selected_cohort()
    else:
        applications, cohort = applications.none(), None
    page = Paginator(for_listing(applications), APPLICATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "backoffice/application_list.html",
        {
            "form": form,
            "cohort": cohort,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "export_formats": exports.CONTENT_TYPES,
            "bulk_form": BulkMoveForm(applications=applications),
            "breadcrumb_data": {"current": _("Candidatures")},
        },
    )


@access(PROGRAMME_TEAM)
def application_detail(request, public_id):
    application = get_object_or_404(
        applications_visible_to(request.user).select_related("cohort", "candidate"),
        public_id=public_id,
    )
    record_view_by_someone_else(request=request, application=application)
    return detail_page(request, application, MoveForm(application=application))


def detail_page(request, application, move_form):
    """The application's page, with `move_form` as posted when it was refused."""
    return render(
        request,
        "backoffice/application_detail.html",
        {
            "application": application,
            "choices": list(application.choices.select_related("challenge__host")),
            "experiences": list(application.experiences.all()),
            "transitions": list(application.transitions.select_related("by")),
            "move_form": move_form,
            "breadcrumb_data": {
                "links": [
                    {"url": reverse("backoffice:application_list"), "title": _("Candidatures")}
                ],
                "current": str(application),
            },
        },
    )


@access(PROGRAMME_TEAM)
def application_cv(request, public_id):
    application = application_or_404(request, applications_visible_to(request.user), public_id)
    return cv_response(request, application)


@access(PROGRAMME_TEAM, sensitive=True)
def application_export(request, file_format):
    form = ApplicationFilterForm(request.GET)
    if not form.is_valid():
        # The list shows each error next to its filter.
        return redirect(reverse("backoffice:application_list") + "?" + request.GET.urlencode())
    applications = filter_applications(applications_visible_to(request.user), **form.filters())
    record_export(
        request=request,
        action=Action.APPLICATIONS_EXPORTED,
        file_format=file_format,
        filters=request.GET.dict(),
    )
    return export.download(for_listing(applications), form.selected_cohort(), file_format)


@access(PROGRAMME_TEAM)
def application_statistics(request):
    form = StatisticsForm(request.GET)
    context = {
        "form": form,
        "breadcrumb_data": {
            "links": [{"url": reverse("backoffice:application_list"), "title": _("Candidatures")}],
            "current": _("Statistiques"),
        },
    }
    if form.is_valid():
        cohort = form.selected_cohort()
        applications = applications_visible_to(request.user)
        per_challenge = stats.choices_per_challenge(applications, cohort)
        per_day = stats.submissions_per_day(applications, cohort)
        context |= {
            "cohort": cohort,
            "per_challenge": per_challenge,
            "challenge_chart": charts.challenge_chart(per_challenge),
            "per_day": per_day,
            "day_chart": charts.day_chart(per_day),
        }
    return render(request, "backoffice/application_statistics.html", context)
