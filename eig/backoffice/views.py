from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig import exports
from eig.accounts.access import PROGRAMME_TEAM, access
from eig.applications.access import application_or_404, cv_response
from eig.audit.models import Action
from eig.audit.services import record_export, record_view_by_someone_else
from eig.backoffice import charts, dashboards, export, stats, team_space
from eig.backoffice.forms import ApplicationFilterForm, StatisticsForm
from eig.backoffice.selectors import (
    filter_applications,
    for_listing,
    in_order,
    ordered_ids,
    sorted_ids,
)
from eig.backoffice.stage_forms import BulkMoveForm, MoveForm, why_no_move
from eig.cohorts.models import Cohort
from eig.selection.access import applications_visible_to
from eig.selection.evaluations import evaluations_panel
from eig.selection.reviews import calibrated_overalls
from eig.selection.score_tables import cohort_scores

APPLICATIONS_PER_PAGE = 50


# Every page here shows personal data: never_cache keeps it out of shared and browser caches.
@access(PROGRAMME_TEAM)
def application_list(request):
    form = ApplicationFilterForm(request.GET, open_on_default_cohort=True)
    visible = applications_visible_to(request.user)
    ids, scores, cohort = ([], {}, None)
    if form.is_valid():
        cohort = form.selected_cohort()
        ids, scores = listed_ids(visible, form, whole=False)
    page = Paginator(ids, APPLICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    rows = in_order(visible, list(page))
    for application in rows:
        application.overall_score = scores.get(application.pk)
    return render(
        request,
        "backoffice/application_list.html",
        {
            "form": form,
            "cohort": cohort,
            "page": page,
            "rows": rows,
            "scores": scores,
            "query": form.query() if form.is_valid() else "",
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "export_formats": exports.CONTENT_TYPES,
            "bulk_form": BulkMoveForm(items=visible),
            "breadcrumb_data": {"current": _("Candidatures")},
        },
    )


def listed_ids(visible, form, *, whole=True):
    """The ids the list of `form` shows among `visible`, in its order, and the overall scores it
    shows (those of the selected cohort's jury, calibrated, as on the scores page; none across
    cohorts). `whole=False`: the ids may come as a QuerySet, for a paginator to slice."""
    cohort = form.selected_cohort()
    scores = {}
    if cohort is not None:
        scores = calibrated_overalls(cohort, cohort_scores(cohort)[1])
    applications = filter_applications(visible, **form.filters())
    order = sorted_ids if whole else ordered_ids
    return order(applications, form.cleaned_data["tri"], scores), scores


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
    back = reverse("backoffice:application_list")
    return render(
        request,
        "backoffice/application_detail.html",
        {
            "application": application,
            "choices": list(application.choices.select_related("challenge__host")),
            "experiences": list(application.experiences.all()),
            "transitions": list(application.transitions.select_related("by")),
            "evaluations": evaluations_panel(application),
            "move_form": move_form,
            "why_no_move": why_no_move(application),
            "neighbours": neighbours(request, application),
            "breadcrumb_data": {
                "links": [{"url": back, "title": _("Candidatures")}],
                "current": str(application),
            },
        },
    )


def neighbours(request, application):
    """The previous and next applications of the list the page was opened from, whose filters
    and order its address carries; None when opened from elsewhere."""
    if not request.GET:
        return None
    form = ApplicationFilterForm(request.GET)
    if not form.is_valid():
        return None
    visible = applications_visible_to(request.user)
    ids, _scores = listed_ids(visible, form)
    query = form.query()
    context = {"query": query, "list_url": f"{reverse('backoffice:application_list')}?{query}"}
    if application.pk not in ids:
        return context | {"position": None, "count": len(ids)}
    position = ids.index(application.pk)
    public_ids = dict(
        visible.filter(pk__in=ids[max(position - 1, 0) : position + 2]).values_list(
            "pk", "public_id"
        )
    )

    def link(index):
        if 0 <= index < len(ids):
            url = reverse("backoffice:application_detail", args=[public_ids[ids[index]]])
            return f"{url}?{query}"
        return None

    return context | {
        "position": position + 1,
        "count": len(ids),
        "previous": link(position - 1),
        "next": link(position + 1),
    }


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
        # The team sees every application: the dashboards below count the same ones, so the
        # choices per défi and the submissions per day are counted once for both.
        applications = applications_visible_to(request.user)
        wanted = stats.demand_counts(applications, cohort)
        days = stats.day_counts(applications, cohort)
        per_challenge = stats.choices_per_challenge(applications, cohort, wanted)
        per_day = stats.submissions_per_day(applications, cohort, days)
        context |= {
            "cohort": cohort,
            "per_challenge": per_challenge,
            "challenge_chart": charts.challenge_chart(per_challenge),
            "per_day": per_day,
            "day_chart": charts.day_chart(per_day),
            "dashboards": dashboards.dashboards(cohort, wanted=wanted, per_day=days),
        }
    return render(request, "backoffice/application_statistics.html", context)


@access(PROGRAMME_TEAM)
def statistics_csv(request, chart):
    """The figures of one dashboard of the statistics tab, as CSV (`;`, BOM)."""
    form = StatisticsForm(request.GET)
    if chart not in dashboards.DASHBOARDS or not form.is_valid():
        messages.error(request, _("Ce tableau n’existe pas : choisissez-le sur la page."))
        return redirect("backoffice:application_statistics")
    cohort = form.selected_cohort()
    dashboard = dashboards.DASHBOARDS[chart](cohort)
    name = exports.file_name(chart, f"promotion-{cohort.number}", file_format="csv")
    return exports.download(dashboard.headers, dashboard.rows, "csv", name, title=chart)


@access(PROGRAMME_TEAM)
def switch_cohort(request):
    """The promotion switcher of every tab: the same tab, for the cohort chosen."""
    tab = request.GET.get("onglet", "")
    if tab not in team_space.COHORT_TABS:
        tab = "backoffice:application_list"
    number = request.GET.get("promotion", "")
    if number == "" and tab in team_space.EVERY_COHORT_TABS:
        return redirect(team_space.tab_url(tab, ""))
    known = (
        number.isascii()
        and number.isdigit()
        and Cohort.objects.served().filter(number=number).exists()
    )
    if not known:
        messages.error(request, _("Cette promotion n’existe pas : choisissez-en une de la liste."))
        return redirect("backoffice:application_list")
    return redirect(team_space.tab_url(tab, int(number)))
