"""The charts of /statistiques/, drawn from the rows of the published datasets (nothing else)."""

from collections import defaultdict

from django.utils.translation import gettext as _

from eig.opendata import datasets
from eig.opendata.charts import BarChart


def promotion_label(number, year=None):
    label = _("Promotion %(number)s") % {"number": number}
    return f"{label} ({year})" if year else label


def funnel_chart():
    rows = datasets.funnel_rows()
    numbers = sorted({row["promotion"] for row in rows if row["candidatures"] is not None})
    per_stage = defaultdict(dict)
    for row in rows:
        per_stage[(row["ordre"], row["libelle"])][row["promotion"]] = row["candidatures"]
    return BarChart.of(
        id="entonnoir",
        title=_(
            "Candidatures qui ont atteint chaque étape de la sélection, une barre par promotion."
        ),
        caption=_("Entonnoir de la sélection : candidatures ayant atteint chaque étape"),
        label_header=_("Étape"),
        series=[promotion_label(number) for number in numbers],
        rows=[
            (label, [counts.get(number) for number in numbers])
            for (_order, label), counts in sorted(per_stage.items())
        ],
    )


def demand_numbers():
    """The promotions whose défis some applications chose (their figures not all hidden)."""
    return sorted(
        {row["promotion"] for row in datasets.demand_rows() if row["candidatures"] is not None}
    )


def demand_chart(number):
    rows = [row for row in datasets.demand_rows() if row["promotion"] == number]
    rows.sort(key=lambda row: (-(row["candidatures"] or 0), row["nom_du_defi"]))
    return BarChart.of(
        id="demande",
        title=_(
            "Pour chaque défi de la promotion %(number)s, candidatures qui le choisissent et "
            "places offertes."
        )
        % {"number": number},
        caption=_("Demande et places par défi, promotion %(number)s") % {"number": number},
        label_header=_("Défi"),
        series=[_("Candidatures (tous rangs)"), _("Places")],
        rows=[(row["nom_du_defi"], [row["candidatures"], row["places"]]) for row in rows],
    )


def profile_chart():
    rows = datasets.profile_rows()
    numbers = sorted({row["promotion"] for row in rows if row["candidatures"] is not None})
    per_profile = defaultdict(dict)
    order = []
    for row in rows:
        if row["libelle"] not in per_profile:
            order.append(row["libelle"])
        per_profile[row["libelle"]][row["promotion"]] = row["candidatures"]
    return BarChart.of(
        id="profils",
        title=_("Candidatures déposées par profil, une barre par promotion."),
        caption=_("Candidatures par profil et par promotion"),
        label_header=_("Profil"),
        series=[promotion_label(number) for number in numbers],
        rows=[(label, [per_profile[label].get(number) for number in numbers]) for label in order],
    )


def hosts_chart():
    per_cohort = defaultdict(lambda: [0, 0])
    years = {}
    for row in datasets.hosts_per_cohort_rows():
        per_cohort[row["promotion"]][0] += row["administrations"]
        per_cohort[row["promotion"]][1] += row["defis"]
        years[row["promotion"]] = row["annee"]
    return BarChart.of(
        id="administrations",
        title=_("Administrations d’accueil et défis de chaque promotion, au fil des années."),
        caption=_("Administrations d’accueil et défis par promotion"),
        label_header=_("Promotion"),
        series=[_("Administrations d’accueil"), _("Défis")],
        rows=[
            (promotion_label(number, years[number]), values)
            for number, values in sorted(per_cohort.items())
        ],
    )
