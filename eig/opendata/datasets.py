"""The published datasets: their columns, documented in French, and their rows.

One definition per dataset serves the files of /donnees/ (CSV, JSON, Table Schema), the API and
the charts of /statistiques/. Column names are stable: renaming one breaks reusers, add a column
instead. Only public facts and counts of people go out; the counts pass through `suppression`.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from eig.applications.models import Application, ChallengeChoice, Profile, StageTransition
from eig.challenges.models import Challenge, HostOrganisation, RemotePolicy
from eig.cohorts.models import Cohort
from eig.community.models import Fellow
from eig.events.models import Event
from eig.opendata import suppression
from eig.press.models import PressItem

LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence version 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
SUPPRESSED = _(
    "Vide quand le nombre est inférieur au seuil de secret statistique (%(threshold)s), ou "
    "quand il permettrait de retrouver un nombre caché."
)


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, date
    title: str
    description: str
    # A count of people: empty below the threshold (eig.opendata.suppression).
    counts_people: bool = False
    # Offered as a filter of the API, with its possible values when they are codes.
    filter: bool = False
    choices: tuple = ()
    required: bool = False
    url: bool = False


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: tuple
    rows: Callable  # () -> list of dicts keyed by column name
    models: tuple = ()  # whose edits date the last update, else the statistics' own dates
    primary_key: tuple = ()
    statistics: bool = False
    notes: tuple = field(default=())

    @property
    def column_names(self):
        return [column.name for column in self.columns]

    def column(self, name):
        return next(column for column in self.columns if column.name == name)

    @property
    def filters(self):
        return [column for column in self.columns if column.filter]


# --- Shared reads ------------------------------------------------------------------------


def published_cohorts():
    return Cohort.objects.published().order_by("number")


def published_challenges():
    return (
        Challenge.objects.published()
        .select_related("cohort", "host")
        .order_by("cohort__number", "name")
    )


def challenges_per_cohort():
    """{cohort number: its published défis, by name}: what every count of défis and seats per
    promotion reads."""
    per_cohort = defaultdict(list)
    for challenge in published_challenges():
        per_cohort[challenge.cohort.number].append(challenge)
    return per_cohort


def each_cohort(rows_of):
    """The rows of every published cohort, in order, each opening on its promotion and year;
    `rows_of(cohort)` gives the rest of that cohort's rows."""
    return [
        {"promotion": cohort.number, "annee": cohort.year, **row}
        for cohort in published_cohorts()
        for row in rows_of(cohort)
    ]


def _promotion(number):
    return Column(
        "promotion",
        "integer",
        _("Promotion"),
        _("Numéro de la promotion (1 pour la première, en 2017)."),
        filter=True,
        required=number,
    )


def _year():
    return Column("annee", "integer", _("Année"), _("Année de la promotion."), required=True)


def _choices(choices):
    return tuple(str(value) for value in choices.values)


# --- Public facts --------------------------------------------------------------------------


def challenge_rows():
    site = reverse("challenge_list")
    return [
        {
            "identifiant": challenge.slug,
            "nom": challenge.name,
            "promotion": challenge.cohort.number,
            "annee": challenge.cohort.year,
            "resume": challenge.summary,
            "ministere": challenge.host.ministry,
            "administration": str(challenge.host),
            "etat": challenge.status,
            "lieu": challenge.location,
            "teletravail": challenge.remote_policy,
            "eig_recherches": challenge.fellows_sought,
            "code_source": challenge.source_code_url,
            "site_du_projet": challenge.website_url,
            "page": f"{site}{challenge.slug}/",
        }
        for challenge in published_challenges()
    ]


def cohort_rows():
    challenges = challenges_per_cohort()
    return each_cohort(
        lambda cohort: [
            {
                "nombre_eig": suppression.shown(cohort.fellows_count)
                if cohort.fellows_count is not None
                else None,
                "nombre_defis": len(challenges[cohort.number]),
                "ouverture_appel": _date(cohort.application_call_opens_at),
                "cloture_appel": _date(cohort.application_call_closes_at),
                "debut_programme": cohort.starts_on,
                "fin_programme": cohort.ends_on,
                "duree_mois": cohort.duration_months,
                "remuneration_nette_mensuelle": cohort.net_monthly_pay,
            }
        ]
    )


def _date(moment):
    return timezone.localdate(moment) if moment else None


def host_rows():
    per_host = defaultdict(list)
    for challenge in published_challenges():
        per_host[challenge.host_id].append(challenge.cohort.number)
    hosts = HostOrganisation.objects.filter(pk__in=per_host)
    return [
        {
            "identifiant": host.pk,
            "ministere": host.ministry,
            "direction": host.directorate,
            "site_web": host.website,
            "nombre_defis": len(per_host[host.pk]),
            "promotions": ", ".join(str(number) for number in sorted(set(per_host[host.pk]))),
        }
        for host in hosts
    ]


def event_rows():
    events = Event.objects.filter(Q(cohort__isnull=True) | Q(cohort__is_published=True))
    return [
        {
            "type": event.kind,
            "titre": event.title,
            "debut": event.starts_on,
            "fin": event.ends_on,
            "lieu": event.place,
            "lien": event.url,
            "promotion": event.cohort.number if event.cohort_id else None,
        }
        for event in events.select_related("cohort").order_by("starts_on", "title")
    ]


def press_rows():
    return [
        {
            "categorie": item.category,
            "titre": item.title,
            "media": item.outlet,
            "date": item.published_on,
            "lien": item.url,
        }
        for item in PressItem.objects.order_by("category", "-published_on", "title")
    ]


# --- Statistics ----------------------------------------------------------------------------

# The selection's stages in order, as a funnel: the rank each status proves was reached. The
# waiting list comes after the audition; irrecevable, non retenue and retirée prove nothing
# beyond the stages their history went through (StageTransition).
FUNNEL = [
    ("deposee", _("déposée")),
    ("recevable", _("recevable")),
    ("preselectionnee", _("présélectionnée")),
    ("admissible", _("admissible, invitée à une audition")),
    ("auditionnee", _("auditionnée")),
    ("retenue", _("retenue")),
]
REACHED_RANK = {
    Application.Status.SUBMITTED: 0,
    Application.Status.ELIGIBLE: 1,
    Application.Status.SHORTLISTED: 2,
    Application.Status.INVITED: 3,
    Application.Status.INTERVIEWED: 4,
    Application.Status.WAITLISTED: 4,
    Application.Status.SELECTED: 5,
}
PROFILES = [*Profile.choices, ("", _("non renseigné"))]


def submitted_applications():
    return Application.objects.submitted().filter(cohort__is_published=True)


def reached_per_cohort(applications=None):
    """{cohort number: [applications that reached each stage of FUNNEL]}, unsuppressed: of the
    published cohorts, or of `applications` (submitted ones, for the team's dashboards)."""
    applications = submitted_applications() if applications is None else applications
    # The furthest stage of each application, from its status or its past stages, counted by
    # the database: reading 20,000 applications to count them here took a fifth of the time of
    # the team's statistics page. The past stages are joined and grouped per application once
    # (a subquery per application took twice as long), then the applications are counted per
    # cohort and furthest stage around that query: Django cannot group by an aggregate.
    furthest = (
        applications.order_by()
        .annotate(before=Max(_reached_rank("transitions__to_status")))
        .annotate(
            number=F("cohort__number"),
            furthest=Greatest(_reached_rank("status"), Coalesce("before", Value(0))),
        )
        .values("number", "furthest")
    )
    sql, params = furthest.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT number, furthest, COUNT(*) FROM ({sql}) AS per_application GROUP BY 1, 2",
            params,
        )
        rows = cursor.fetchall()
    counts = {}
    for number, rank, count in rows:
        reached = counts.setdefault(number, [0] * len(FUNNEL))
        for stage in range(rank + 1):
            reached[stage] += count
    return counts


def _reached_rank(field):
    """The rank in FUNNEL of the status in `field`, as an SQL expression."""
    return Case(
        *(When(**{field: status}, then=Value(rank)) for status, rank in REACHED_RANK.items()),
        default=Value(0),
        output_field=IntegerField(),
    )


def demand_per_challenge(applications=None):
    """{challenge pk: (submitted applications choosing it at any rank, as first choice)}."""
    applications = submitted_applications() if applications is None else applications
    choices = ChallengeChoice.objects.filter(application__in=applications)
    rows = choices.values("challenge").annotate(
        any_rank=Count("pk"), first=Count("pk", filter=Q(rank=1))
    )
    return {row["challenge"]: (row["any_rank"], row["first"]) for row in rows}


def per_cohort_rows():
    reached = reached_per_cohort()
    challenges = challenges_per_cohort()

    def rows_of(cohort):
        submitted = suppression.shown(reached.get(cohort.number, [0])[0])
        places = sum(challenge.fellows_sought for challenge in challenges[cohort.number])
        return [
            {
                "candidatures": submitted,
                "defis": len(challenges[cohort.number]),
                "places": places,
                "candidatures_par_place": round(submitted / places, 1)
                if submitted is not None and places
                else None,
            }
        ]

    return each_cohort(rows_of)


def funnel_rows():
    reached = reached_per_cohort()

    def rows_of(cohort):
        counts = suppression.in_chain(reached.get(cohort.number, [0] * len(FUNNEL)))
        return [
            {"ordre": order, "etape": code, "libelle": str(label), "candidatures": count}
            for order, ((code, label), count) in enumerate(zip(FUNNEL, counts, strict=True), 1)
        ]

    return each_cohort(rows_of)


def profile_rows():
    counts = defaultdict(Counter)
    for number, profile in submitted_applications().values_list("cohort__number", "profile"):
        counts[number][profile] += 1

    def rows_of(cohort):
        shown = suppression.in_partition([counts[cohort.number][code] for code, _ in PROFILES])
        return [
            {"profil": code or "non_renseigne", "libelle": str(label), "candidatures": count}
            for (code, label), count in zip(PROFILES, shown, strict=True)
        ]

    return each_cohort(rows_of)


def demand_rows():
    demand = demand_per_challenge()
    rows = []
    for number, challenges in sorted(challenges_per_cohort().items()):
        any_rank = [demand.get(challenge.pk, (0, 0))[0] for challenge in challenges]
        first = [demand.get(challenge.pk, (0, 0))[1] for challenge in challenges]
        # First choices split the applications (one each); any rank does not (up to three).
        # A first-choice count a few below its any-rank count would tell how many chose the
        # défi second or third: hidden as well.
        limit = suppression.threshold()
        first = [
            count if not 0 < whole - count < limit else -1
            for count, whole in zip(first, any_rank, strict=True)
        ]
        first_shown = suppression.in_partition([max(count, 0) for count in first])
        first_shown = [
            None if raw == -1 else shown for raw, shown in zip(first, first_shown, strict=True)
        ]
        for challenge, whole, first_count in zip(challenges, any_rank, first_shown, strict=True):
            candidatures = suppression.shown(whole)
            rows.append(
                {
                    "promotion": number,
                    "defi": challenge.slug,
                    "nom_du_defi": challenge.name,
                    "candidatures": candidatures,
                    "premiers_choix": first_count,
                    "places": challenge.fellows_sought,
                    "candidatures_par_place": round(candidatures / challenge.fellows_sought, 1)
                    if candidatures is not None
                    else None,
                }
            )
    return rows


def hosts_per_cohort_rows():
    per_ministry = defaultdict(lambda: {"hosts": set(), "challenges": 0})
    years = {}
    for challenge in published_challenges():
        key = (challenge.cohort.number, challenge.host.ministry)
        per_ministry[key]["hosts"].add(challenge.host_id)
        per_ministry[key]["challenges"] += 1
        years[challenge.cohort.number] = challenge.cohort.year
    return [
        {
            "promotion": number,
            "annee": years[number],
            "ministere": ministry,
            "administrations": len(values["hosts"]),
            "defis": values["challenges"],
        }
        for (number, ministry), values in sorted(per_ministry.items())
    ]


def team_size_rows():
    placed = (
        Fellow.objects.filter(challenge__in=Challenge.objects.published())
        .values("challenge", "challenge__cohort__number", "challenge__cohort__year")
        .annotate(size=Count("pk"))
    )
    teams = Counter()
    for row in placed:
        teams[(row["challenge__cohort__number"], row["challenge__cohort__year"], row["size"])] += 1
    return [
        {"promotion": number, "annee": year, "taille_equipe": size, "equipes": count}
        for (number, year, size), count in sorted(teams.items())
    ]


# --- The catalogue -------------------------------------------------------------------------


def _count(name, title, description):
    return Column(name, "integer", title, description, counts_people=True)


DATASETS = [
    Dataset(
        "defis",
        _("Défis"),
        _(
            "Les défis publiés de chaque promotion : administration d’accueil, état, lieu, "
            "nombre d’EIG recherché·e·s, liens vers le code source et le projet."
        ),
        (
            Column(
                "identifiant",
                "string",
                _("Identifiant"),
                _("Identifiant stable du défi, celui de son adresse sur le site."),
                required=True,
            ),
            Column("nom", "string", _("Nom"), _("Nom du défi."), required=True),
            _promotion(True),
            _year(),
            Column("resume", "string", _("Résumé"), _("Résumé du défi, tel que publié.")),
            Column(
                "ministere",
                "string",
                _("Ministère"),
                _("Ministère ou institution de l’administration d’accueil."),
                filter=True,
            ),
            Column(
                "administration",
                "string",
                _("Administration d’accueil"),
                _("Ministère et direction qui accueillent le défi."),
            ),
            Column(
                "etat",
                "string",
                _("État"),
                _("ouvert aux candidatures (open), en cours (in_progress) ou terminé (completed)."),
                filter=True,
                choices=("open", "in_progress", "completed"),
            ),
            Column("lieu", "string", _("Lieu"), _("Ville où travaille l’équipe.")),
            Column(
                "teletravail",
                "string",
                _("Télétravail"),
                _(
                    "sur site (on_site), "
                    "télétravail partiel (partial) ou possible à temps plein (remote) ; vide si "
                    "non précisé."
                ),
                choices=_choices(RemotePolicy),
            ),
            Column(
                "eig_recherches",
                "integer",
                _("EIG recherché·e·s"),
                _(
                    "Nombre d’entrepreneur·e·s d’intérêt général recherché·e·s pour le défi "
                    "(places offertes)."
                ),
            ),
            Column(
                "code_source", "string", _("Code source"), _("Adresse du code source."), url=True
            ),
            Column(
                "site_du_projet", "string", _("Site du projet"), _("Adresse du projet."), url=True
            ),
            Column("page", "string", _("Page"), _("Chemin de la page du défi sur ce site.")),
        ),
        challenge_rows,
        models=(Challenge,),
        primary_key=("identifiant",),
    ),
    Dataset(
        "promotions",
        _("Promotions"),
        _("Chaque promotion publiée : année, nombre d’EIG et de défis, calendrier, contrat."),
        (
            _promotion(True),
            _year(),
            _count(
                "nombre_eig",
                _("Nombre d’EIG"),
                _("Entrepreneur·e·s d’intérêt général de la promotion, une fois connu·e·s."),
            ),
            Column("nombre_defis", "integer", _("Nombre de défis"), _("Défis publiés.")),
            Column(
                "ouverture_appel",
                "date",
                _("Ouverture de l’appel"),
                _("Ouverture de l’appel à candidatures (jour, heure de Paris)."),
            ),
            Column(
                "cloture_appel",
                "date",
                _("Clôture de l’appel"),
                _("Clôture de l’appel à candidatures (jour, heure de Paris)."),
            ),
            Column(
                "debut_programme",
                "date",
                _("Début du programme"),
                _("Arrivée des EIG dans les administrations."),
            ),
            Column("fin_programme", "date", _("Fin du programme"), _("Fin du programme.")),
            Column("duree_mois", "integer", _("Durée (mois)"), _("Durée du programme.")),
            Column(
                "remuneration_nette_mensuelle",
                "integer",
                _("Rémunération nette mensuelle"),
                _("En euros, quand elle est publiée."),
            ),
        ),
        cohort_rows,
        models=(Cohort,),
        primary_key=("promotion",),
    ),
    Dataset(
        "administrations",
        _("Administrations d’accueil"),
        _("Les administrations qui accueillent au moins un défi publié."),
        (
            Column(
                "identifiant", "integer", _("Identifiant"), _("Identifiant stable."), required=True
            ),
            Column(
                "ministere",
                "string",
                _("Ministère"),
                _("Ministère ou institution."),
                required=True,
                filter=True,
            ),
            Column("direction", "string", _("Direction"), _("Direction ou service.")),
            Column("site_web", "string", _("Site web"), _("Site de l’administration."), url=True),
            Column(
                "nombre_defis",
                "integer",
                _("Nombre de défis"),
                _("Défis publiés accueillis, toutes promotions."),
            ),
            Column(
                "promotions",
                "string",
                _("Promotions"),
                _("Numéros des promotions de ses défis, séparés par des virgules."),
            ),
        ),
        host_rows,
        models=(HostOrganisation, Challenge),
        primary_key=("identifiant",),
    ),
    Dataset(
        "evenements",
        _("Événements"),
        _("Les événements du programme : réunions d’information, jurys, bootcamps, ateliers."),
        (
            Column(
                "type",
                "string",
                _("Type"),
                _("Nature de l’événement (code)."),
                filter=True,
                choices=_choices(Event.Kind),
                required=True,
            ),
            Column("titre", "string", _("Titre"), _("Titre de l’événement."), required=True),
            Column("debut", "date", _("Début"), _("Premier jour."), required=True),
            Column("fin", "date", _("Fin"), _("Dernier jour, vide pour un seul jour.")),
            Column("lieu", "string", _("Lieu"), _("Lieu de l’événement.")),
            Column("lien", "string", _("Lien"), _("Page de l’événement."), url=True),
            _promotion(False),
        ),
        event_rows,
        models=(Event,),
        primary_key=("titre", "debut"),
    ),
    Dataset(
        "presse",
        _("Revue de presse"),
        _("Les articles et pages qui parlent du programme."),
        (
            Column(
                "categorie",
                "string",
                _("Catégorie"),
                _(
                    "Côté programme (programme), "
                    "presse (press) ou administrations (administrations)."
                ),
                filter=True,
                choices=_choices(PressItem.Category),
                required=True,
            ),
            Column("titre", "string", _("Titre"), _("Titre de l’article."), required=True),
            Column("media", "string", _("Média"), _("Média ou source."), required=True),
            Column("date", "date", _("Date"), _("Date de publication, si connue.")),
            Column(
                "lien", "string", _("Lien"), _("Adresse de l’article."), required=True, url=True
            ),
        ),
        press_rows,
        models=(PressItem,),
        primary_key=("lien",),
    ),
    Dataset(
        "candidatures-par-promotion",
        _("Candidatures par promotion"),
        _("Candidatures déposées à chaque promotion, défis et places offertes."),
        (
            _promotion(True),
            _year(),
            _count(
                "candidatures",
                _("Candidatures"),
                _("Candidatures déposées (brouillons et candidatures retirées exclus)."),
            ),
            Column("defis", "integer", _("Défis"), _("Défis publiés.")),
            Column("places", "integer", _("Places"), _("Somme des EIG recherché·e·s.")),
            Column(
                "candidatures_par_place",
                "number",
                _("Candidatures par place"),
                _("Candidatures divisées par places, au dixième."),
            ),
        ),
        per_cohort_rows,
        primary_key=("promotion",),
        statistics=True,
    ),
    Dataset(
        "entonnoir-de-selection",
        _("Entonnoir de la sélection"),
        _(
            "Pour chaque promotion, les candidatures déposées qui ont atteint chaque étape de la "
            "sélection (étape atteinte, même si la candidature n’a pas été retenue ensuite)."
        ),
        (
            _promotion(True),
            _year(),
            Column(
                "ordre",
                "integer",
                _("Ordre"),
                _("Rang de l’étape, de 1 (déposée) à 6 (retenue)."),
                required=True,
            ),
            Column(
                "etape",
                "string",
                _("Étape"),
                _("Code de l’étape."),
                required=True,
                filter=True,
                choices=tuple(code for code, _label in FUNNEL),
            ),
            Column("libelle", "string", _("Libellé"), _("Nom de l’étape."), required=True),
            _count(
                "candidatures",
                _("Candidatures"),
                _(
                    "Candidatures qui ont atteint l’étape. Vide aussi quand elle compte moins "
                    "de candidatures que le seuil de moins que l’étape précédente publiée : la "
                    "différence désignerait trop peu de personnes."
                ),
            ),
        ),
        funnel_rows,
        primary_key=("promotion", "etape"),
        statistics=True,
    ),
    Dataset(
        "candidatures-par-profil",
        _("Candidatures par profil"),
        _("Candidatures déposées à chaque promotion, par profil déclaré."),
        (
            _promotion(True),
            _year(),
            Column(
                "profil",
                "string",
                _("Profil"),
                _("Code du profil."),
                required=True,
                filter=True,
                choices=(*_choices(Profile), "non_renseigne"),
            ),
            Column("libelle", "string", _("Libellé"), _("Nom du profil."), required=True),
            _count("candidatures", _("Candidatures"), _("Candidatures déposées de ce profil.")),
        ),
        profile_rows,
        primary_key=("promotion", "profil"),
        statistics=True,
    ),
    Dataset(
        "candidatures-par-defi",
        _("Candidatures par défi"),
        _("La demande face aux places : candidatures qui choisissent chaque défi publié."),
        (
            _promotion(True),
            Column(
                "defi",
                "string",
                _("Défi"),
                _("Identifiant du défi (jeu « defis »)."),
                required=True,
            ),
            Column("nom_du_defi", "string", _("Nom du défi"), _("Nom du défi."), required=True),
            _count(
                "candidatures",
                _("Candidatures"),
                _(
                    "Candidatures déposées qui choisissent le défi, à n’importe quel rang "
                    "(une candidature choisit jusqu’à trois défis)."
                ),
            ),
            _count(
                "premiers_choix",
                _("Premiers choix"),
                _("Candidatures qui le choisissent en premier."),
            ),
            Column("places", "integer", _("Places"), _("EIG recherché·e·s pour le défi.")),
            Column(
                "candidatures_par_place",
                "number",
                _("Candidatures par place"),
                _("Candidatures divisées par places, au dixième."),
            ),
        ),
        demand_rows,
        primary_key=("defi",),
        statistics=True,
    ),
    Dataset(
        "administrations-par-promotion",
        _("Administrations d’accueil par promotion"),
        _("Pour chaque promotion et chaque ministère : administrations d’accueil et défis."),
        (
            _promotion(True),
            _year(),
            Column(
                "ministere",
                "string",
                _("Ministère"),
                _("Ministère ou institution."),
                required=True,
                filter=True,
            ),
            Column(
                "administrations",
                "integer",
                _("Administrations"),
                _("Administrations d’accueil distinctes de ce ministère."),
            ),
            Column("defis", "integer", _("Défis"), _("Défis publiés de ce ministère.")),
        ),
        hosts_per_cohort_rows,
        models=(HostOrganisation, Challenge),
        primary_key=("promotion", "ministere"),
    ),
    Dataset(
        "taille-des-equipes",
        _("Taille des équipes"),
        _(
            "Combien d’équipes de chaque taille a chaque promotion, d’après les EIG de chaque "
            "défi inscrits sur la plateforme. Les EIG de chaque défi sont publics : ces nombres "
            "d’équipes ne sont pas des comptes de candidatures et ne sont pas masqués."
        ),
        (
            _promotion(True),
            _year(),
            Column(
                "taille_equipe",
                "integer",
                _("Taille de l’équipe"),
                _("Nombre d’EIG sur le défi."),
                required=True,
            ),
            Column(
                "equipes",
                "integer",
                _("Équipes"),
                _("Défis qui ont une équipe de cette taille."),
                required=True,
            ),
        ),
        team_size_rows,
        primary_key=("promotion", "taille_equipe"),
        statistics=True,
    ),
]
BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}


def last_update(dataset):
    """The day the dataset's content last changed, as far as the platform knows: the latest
    edit of its models in the admin, or the latest submission or change of stage for the
    statistics; today when nothing dates it (the files are computed at each download)."""
    moments = []
    if dataset.models:
        types = ContentType.objects.get_for_models(*dataset.models).values()
        moments.append(
            ModelLogEntry.objects.filter(content_type__in=types).aggregate(Max("timestamp"))[
                "timestamp__max"
            ]
        )
    if dataset.statistics:
        applications = submitted_applications()
        moments.append(applications.aggregate(Max("submitted_at"))["submitted_at__max"])
        moments.append(
            StageTransition.objects.filter(application__in=applications).aggregate(Max("at"))[
                "at__max"
            ]
        )
    known = [moment for moment in moments if moment is not None]
    return timezone.localdate(max(known)) if known else timezone.localdate()


def table_schema(dataset):
    """The dataset's Table Schema (frictionless), columns documented in French."""
    limit = suppression.threshold()
    fields = []
    for column in dataset.columns:
        description = str(column.description)
        entry = {
            "name": column.name,
            "type": column.type,
            "title": str(column.title),
        }
        constraints = {}
        if column.required:
            constraints["required"] = True
        if column.choices:
            # Empty cells are missing values, which constraints skip.
            constraints["enum"] = list(column.choices)
        if column.counts_people:
            constraints["minimum"] = limit
            description += " " + str(SUPPRESSED % {"threshold": limit})
        if column.type == "date":
            entry["format"] = "default"
        if column.url:
            entry["format"] = "uri"
        entry["description"] = description
        if constraints:
            entry["constraints"] = constraints
        fields.append(entry)
    schema = {"fields": fields, "missingValues": [""]}
    if dataset.primary_key:
        schema["primaryKey"] = list(dataset.primary_key)
    return schema


def rows_as_text(dataset):
    """Rows with their dates in ISO 8601, for CSV and JSON alike."""
    return [
        {
            name: value.isoformat() if isinstance(value, datetime.date) else value
            for name, value in row.items()
        }
        for row in dataset.rows()
    ]
