"""The team's dashboards of a cohort: each a chart, the table of its figures and its CSV.

The team sees every figure as it is (no statistical secret in its own space); the stages and the
demand per défi are counted by the same functions as the published datasets (eig.opendata).
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.applications.models import Application
from eig.auditions.models import InterviewSlot
from eig.backoffice import stats
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.opendata import datasets
from eig.opendata.charts import BarChart, LineChart
from eig.selection.models import Assignment, Review, Reviewer

# The calls open and close in Paris time: a day is a day in Paris.
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@dataclass
class Dashboard:
    slug: str  # its CSV's name, /equipe/candidatures/statistiques/<slug>.csv
    title: str
    help: str
    chart: object
    headers: list
    rows: list
    csv_url: str = ""

    @property
    def is_line(self):
        return isinstance(self.chart, LineChart)


def _submitted(cohort):
    return Application.objects.submitted().filter(cohort=cohort)


def cumulative_per_day(cohort, per_day=None):
    """Submitted applications of `cohort` counted from the day its call opened (day 0, in
    Paris), one cumulative total per day up to the last submission; `per_day` from
    stats.day_counts when the caller has it already."""
    if per_day is None:
        per_day = stats.day_counts(Application.objects.all(), cohort)
    if not per_day:
        return []
    opens = cohort.application_call_opens_at
    first = timezone.localtime(opens, PARIS).date() if opens else min(per_day)
    first = min(first, min(per_day))
    days = (max(per_day) - first).days + 1
    totals, running = [], 0
    for offset in range(days):
        running += per_day.get(first + datetime.timedelta(days=offset), 0)
        totals.append(running)
    return totals


def applications_per_day(cohort, per_day=None):
    earlier = Cohort.objects.filter(
        programme=cohort.programme_id, number__lt=cohort.number
    ).order_by("number")
    series = [(str(other), cumulative_per_day(other)) for other in earlier]
    series = [(label, totals) for label, totals in series if totals]
    series.append((str(cohort), cumulative_per_day(cohort, per_day)))
    chart = LineChart.of(
        id="par-jour",
        title=_(
            "Candidatures déposées depuis l’ouverture de l’appel, cumulées jour après jour, pour "
            "la %(cohort)s et les promotions précédentes."
        )
        % {"cohort": cohort},
        caption=_("Candidatures cumulées par jour depuis l’ouverture de l’appel"),
        day_header=_("Jour de l’appel"),
        series=series,
    )
    headers = [_("jour de l’appel (0 : ouverture)"), *chart.series]
    rows = [[day, *values] for day, values in chart.table]
    return Dashboard(
        "candidatures-par-jour",
        _("Candidatures par jour, comparées aux promotions précédentes"),
        _(
            "Le jour 0 est celui de l’ouverture de chaque appel : les courbes se comparent au même "
            "moment de l’appel."
        ),
        chart,
        headers,
        rows,
    )


def funnel(cohort):
    counts = datasets.reached_per_cohort(_submitted(cohort)).get(
        cohort.number, [0] * len(datasets.FUNNEL)
    )
    rows = [
        [str(label), count] for (_code, label), count in zip(datasets.FUNNEL, counts, strict=True)
    ]
    chart = BarChart.of(
        id="etapes",
        title=_("Candidatures déposées qui ont atteint chaque étape de la sélection."),
        caption=_("Candidatures par étape atteinte, %(cohort)s") % {"cohort": cohort},
        label_header=_("Étape"),
        series=[_("Candidatures")],
        rows=[(label, [count]) for label, count in rows],
    )
    return Dashboard(
        "etapes",
        _("Entonnoir de la sélection"),
        _("Une candidature non retenue compte pour chaque étape qu’elle a atteinte."),
        chart,
        [_("étape"), _("candidatures")],
        rows,
    )


def profiles(cohort):
    counts = dict(_submitted(cohort).order_by().values_list("profile").annotate(Count("pk")))
    rows = [[str(label), counts.get(code, 0)] for code, label in datasets.PROFILES]
    chart = BarChart.of(
        id="profils",
        title=_("Candidatures déposées par profil."),
        caption=_("Candidatures par profil, %(cohort)s") % {"cohort": cohort},
        label_header=_("Profil"),
        series=[_("Candidatures")],
        rows=[(label, [count]) for label, count in rows],
    )
    return Dashboard("profils", _("Profils"), "", chart, [_("profil"), _("candidatures")], rows)


def demand(cohort, wanted=None):
    if wanted is None:
        wanted = stats.demand_counts(Application.objects.all(), cohort)
    challenges = Challenge.objects.filter(cohort=cohort).order_by("name")
    rows = [
        [challenge.name, *wanted.get(challenge.pk, (0, 0)), challenge.fellows_sought]
        for challenge in challenges
    ]
    rows.sort(key=lambda row: (-row[1], row[0]))
    chart = BarChart.of(
        id="demande",
        title=_("Pour chaque défi, candidatures qui le choisissent et places offertes."),
        caption=_("Demande et places par défi, %(cohort)s") % {"cohort": cohort},
        label_header=_("Défi"),
        series=[_("Tous rangs confondus"), _("En premier choix"), _("Places")],
        rows=[(name, [whole, first, seats]) for name, whole, first, seats in rows],
    )
    return Dashboard(
        "demande",
        _("Demande face aux places, par défi"),
        "",
        chart,
        [_("défi"), _("candidatures (tous rangs)"), _("premiers choix"), _("places")],
        rows,
    )


def reviewers(cohort):
    # Counted per reviewer id over the assignments alone, then named: grouping the reviewers'
    # rows with their 60,000 assignments took a fifth of a second.
    counts = (
        Assignment.objects.filter(reviewer__cohort=cohort, status=Assignment.Status.RELEASED)
        .values_list("reviewer")
        .annotate(
            assigned=Count("pk"),
            submitted=Count("pk", filter=Q(review__status=Review.Status.SUBMITTED)),
        )
        .order_by()
    )
    found = {reviewer: (assigned, submitted) for reviewer, assigned, submitted in counts}
    rows = [
        [name, *found.get(pk, (0, 0))]
        for pk, name in Reviewer.objects.filter(cohort=cohort)
        .order_by("full_name")
        .values_list("pk", "full_name")
    ]
    chart = BarChart.of(
        id="jury",
        title=_("Pour chaque membre du jury, candidatures affectées et évaluations soumises."),
        caption=_("Avancement du jury, %(cohort)s") % {"cohort": cohort},
        label_header=_("Membre du jury"),
        series=[_("Affectées"), _("Évaluations soumises")],
        rows=[(name, [assigned, submitted]) for name, assigned, submitted in rows],
    )
    return Dashboard(
        "jury",
        _("Avancement du jury"),
        _("Seules les affectations publiées au jury comptent."),
        chart,
        [_("membre du jury"), _("affectées"), _("évaluations soumises")],
        rows,
    )


def auditions(cohort):
    per_day = (
        InterviewSlot.objects.filter(cohort=cohort)
        .annotate(day=TruncDate("starts_at", tzinfo=PARIS))
        .values("day")
        .annotate(slots=Count("pk"), booked=Count("pk", filter=Q(interview__isnull=False)))
        .order_by("day")
    )
    rows = [[row["day"], row["slots"], row["booked"]] for row in per_day]
    chart = BarChart.of(
        id="auditions",
        title=_("Pour chaque jour d’auditions, créneaux ouverts et créneaux réservés."),
        caption=_("Remplissage des auditions, %(cohort)s") % {"cohort": cohort},
        label_header=_("Jour"),
        series=[_("Créneaux"), _("Réservés")],
        rows=[(day.strftime("%d/%m/%Y"), [slots, booked]) for day, slots, booked in rows],
    )
    waiting = (
        _submitted(cohort).filter(status=Application.Status.INVITED, interview__isnull=True).count()
    )
    return Dashboard(
        "auditions",
        _("Remplissage des auditions"),
        _("%(count)s personne(s) admissible(s) sans créneau réservé.") % {"count": waiting},
        chart,
        [_("jour"), _("créneaux"), _("réservés")],
        rows,
    )


DASHBOARDS = {
    "candidatures-par-jour": applications_per_day,
    "etapes": funnel,
    "profils": profiles,
    "demande": demand,
    "jury": reviewers,
    "auditions": auditions,
}


def dashboards(cohort, *, wanted=None, per_day=None):
    """Every dashboard of `cohort`; `wanted` (stats.demand_counts) and `per_day`
    (stats.day_counts), when the page has counted them already, are not counted again."""
    given = {"demande": {"wanted": wanted}, "candidatures-par-jour": {"per_day": per_day}}
    built = [build(cohort, **given.get(slug, {})) for slug, build in DASHBOARDS.items()]
    for dashboard in built:
        dashboard.csv_url = csv_url(dashboard, cohort)
    return built


def csv_url(dashboard, cohort):
    return (
        f"{reverse('backoffice:statistics_csv', args=[dashboard.slug])}?promotion={cohort.number}"
    )
