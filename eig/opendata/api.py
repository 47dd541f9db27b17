"""The read-only API, /api/v1/: the datasets of /donnees/, paginated and filtered (django-ninja).

Every dataset is one operation, built from its columns: its filters are its `filter` columns,
its items its rows. What a client gets wrong gets a 400 naming the parameter (an unknown one, a
malformed value, a page beyond the last), never a silent guess; too many requests get a 429 with
Retry-After. The version is in the address: a change that breaks reusers makes a /api/v2/.
"""

import datetime
import math
from typing import Literal

from django.conf import settings
from django.http import HttpResponse
from django.urls import URLPattern, reverse
from ninja import NinjaAPI, Query, Schema
from ninja.errors import ValidationError
from ninja.throttling import SimpleRateThrottle
from pydantic import Field, create_model

from eig.accounts.access import public
from eig.opendata import datasets, suppression

MAX_PER_PAGE = 500
DEFAULT_PER_PAGE = 50
PYTHON_TYPES = {"integer": int, "number": float, "string": str, "date": datetime.date}
READ_METHODS = ("GET", "HEAD", "OPTIONS")
WITHOUT_CONTROL_CHARACTERS = r"^[^\x00-\x1f\x7f-\x9f]*$"


class PerClientThrottle(SimpleRateThrottle):
    """OPEN_DATA_API_REQUESTS_PER_MINUTE per client address, counted in the cache."""

    def __init__(self):
        # The rate is read at each request, so that a change of the settings applies at once.
        self.rate = None

    def allow_request(self, request):
        self.num_requests, self.duration = settings.OPEN_DATA_API_REQUESTS_PER_MINUTE, 60
        return super().allow_request(request)

    def get_cache_key(self, request):
        # REMOTE_ADDR, which the proxy sets (README): a client writes X-Forwarded-For itself.
        return f"opendata-api-{request.META.get('REMOTE_ADDR', '')}"


api = NinjaAPI(
    title="API des données ouvertes du programme EIG",
    version="1",
    description=(
        "Les jeux de données publiés sur /donnees/, en lecture seule, sous Licence Ouverte 2.0. "
        "Chaque jeu se lit page par page (page, par_page) et se filtre par ses colonnes "
        "marquées filtre. Un paramètre inconnu ou mal formé, une page au-delà de la dernière : "
        "erreur 400 qui nomme le paramètre. Trop de requêtes : erreur 429 avec Retry-After."
    ),
    urls_namespace="api_v1",
    docs_url=None,
    openapi_url="/openapi.json",
    throttle=[PerClientThrottle()],
)


class Error(Schema):
    erreur: str = Field(description="Ce qui ne va pas, en français.")
    parametre: str | None = Field(description="Le paramètre en cause, s’il y en a un.")


class BadRequest(Exception):
    def __init__(self, message, parameter=None):
        super().__init__(message)
        self.message, self.parameter = message, parameter


ERRORS = {400: Error, 429: Error}


@api.exception_handler(BadRequest)
def bad_request(request, exc):
    return api.create_response(
        request, {"erreur": exc.message, "parametre": exc.parameter}, status=400
    )


@api.exception_handler(ValidationError)
def invalid_parameter(request, exc):
    error = exc.errors[0]
    parameter = str(error["loc"][-1]) if error.get("loc") else None
    message = f"Le paramètre « {parameter} » est invalide : {_in_french(error)}."
    return api.create_response(request, {"erreur": message, "parametre": parameter}, status=400)


def _in_french(error):
    """Pydantic's reason for refusing a value, as a French sentence."""
    context = error.get("ctx", {})
    kind = error.get("type", "")
    if kind == "int_parsing":
        return "un nombre entier est attendu"
    if kind == "float_parsing":
        return "un nombre est attendu"
    if kind.startswith("date"):
        return "une date AAAA-MM-JJ est attendue"
    if kind == "greater_than_equal":
        return f"au moins {context.get('ge')}"
    if kind == "less_than_equal":
        return f"au plus {context.get('le')}"
    if kind == "literal_error":
        return f"valeurs permises : {str(context.get('expected', '')).replace(' or ', ' ou ')}"
    return "valeur refusée"


def _item_schema(dataset):
    fields = {}
    for column in dataset.columns:
        kind = PYTHON_TYPES[column.type]
        description = str(column.description)
        if column.counts_people:
            description += " " + str(datasets.SUPPRESSED % {"threshold": suppression.threshold()})
        annotation = kind if column.required else kind | None
        fields[column.name] = (annotation, Field(title=str(column.title), description=description))
    return create_model(_model_name(dataset, "Ligne"), **fields)


def _filters_schema(dataset):
    fields = {
        "page": (int, Field(1, ge=1, description="Numéro de la page, à partir de 1.")),
        "par_page": (
            int,
            Field(
                DEFAULT_PER_PAGE,
                ge=1,
                le=MAX_PER_PAGE,
                description=f"Lignes par page, de 1 à {MAX_PER_PAGE}.",
            ),
        ),
    }
    for column in dataset.filters:
        kind = Literal[column.choices] if column.choices else PYTHON_TYPES[column.type]
        constraints = {}
        if kind is str:
            # Said in the schema: the site refuses control characters in any address.
            constraints["pattern"] = WITHOUT_CONTROL_CHARACTERS
        fields[column.name] = (
            kind | None,
            Field(
                None,
                description=f"Ne garder que les lignes de cette valeur : {column.description}",
                **constraints,
            ),
        )
    return create_model(_model_name(dataset, "Filtres"), **fields)


def _page_schema(dataset, item):
    return create_model(
        _model_name(dataset, "Page"),
        jeu_de_donnees=(str, ...),
        licence=(str, ...),
        mis_a_jour_le=(datetime.date, ...),
        nombre=(int, Field(description="Lignes qui répondent aux filtres, toutes pages.")),
        page=(int, ...),
        pages=(int, ...),
        par_page=(int, ...),
        suivante=(str | None, Field(description="Adresse de la page suivante.")),
        precedente=(str | None, Field(description="Adresse de la page précédente.")),
        resultats=(list[item], ...),
    )


def _model_name(dataset, suffix):
    return "".join(part.capitalize() for part in dataset.slug.split("-")) + suffix


def _page_url(request, page):
    query = request.GET.copy()
    query["page"] = page
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _register(dataset):
    filters_schema = _filters_schema(dataset)
    page_schema = _page_schema(dataset, _item_schema(dataset))
    allowed = set(filters_schema.model_fields)

    def read(request, filters: Query[filters_schema]):  # noqa: B008 (ninja's way)
        unknown = sorted(set(request.GET) - allowed)
        if unknown:
            raise BadRequest(
                f"Paramètre inconnu « {unknown[0]} » : ce jeu accepte "
                + ", ".join(sorted(allowed))
                + ".",
                unknown[0],
            )
        wanted = {
            column.name: getattr(filters, column.name)
            for column in dataset.filters
            if getattr(filters, column.name) is not None
        }
        rows = [
            row
            for row in dataset.rows()
            if all(row[name] == value for name, value in wanted.items())
        ]
        pages = max(math.ceil(len(rows) / filters.par_page), 1)
        if filters.page > pages:
            raise BadRequest(
                f"La page {filters.page} n’existe pas : il y a {pages} page(s) de "
                f"{filters.par_page} lignes.",
                "page",
            )
        start = (filters.page - 1) * filters.par_page
        return {
            "jeu_de_donnees": dataset.slug,
            "licence": datasets.LICENCE["title"],
            "mis_a_jour_le": datasets.last_update(dataset),
            "nombre": len(rows),
            "page": filters.page,
            "pages": pages,
            "par_page": filters.par_page,
            "suivante": _page_url(request, filters.page + 1) if filters.page < pages else None,
            "precedente": _page_url(request, filters.page - 1) if filters.page > 1 else None,
            "resultats": rows[start : start + filters.par_page],
        }

    read.__name__ = dataset.slug.replace("-", "_")
    api.get(
        f"/{dataset.slug}",
        response={200: page_schema, **ERRORS},
        summary=str(dataset.title),
        description=str(dataset.description),
        operation_id=read.__name__,
        url_name=dataset.slug,
    )(read)


class Resource(Schema):
    jeu_de_donnees: str
    titre: str
    description: str
    adresse: str = Field(description="L’opération de l’API qui le sert.")
    fichier_csv: str
    fichier_json: str
    schema_table: str = Field(description="Son Table Schema (frictionless).")


class Catalogue(Schema):
    licence: str
    seuil_secret_statistique: int
    jeux_de_donnees: list[Resource]


@api.get(
    "/",
    response={200: Catalogue, **ERRORS},
    summary="Catalogue",
    description="Les jeux de données servis par cette version de l’API, et leurs fichiers.",
    operation_id="catalogue",
    url_name="catalogue",
)
def catalogue(request):
    if request.GET:
        parameter = sorted(request.GET)[0]
        raise BadRequest(
            f"Paramètre inconnu « {parameter} » : le catalogue n’en prend aucun.", parameter
        )

    def absolute(name, *args):
        return request.build_absolute_uri(reverse(name, args=args))

    return {
        "licence": datasets.LICENCE["title"],
        "seuil_secret_statistique": suppression.threshold(),
        "jeux_de_donnees": [
            {
                "jeu_de_donnees": dataset.slug,
                "titre": str(dataset.title),
                "description": str(dataset.description),
                "adresse": absolute(f"api_v1:{dataset.slug}"),
                "fichier_csv": absolute("opendata:download", dataset.slug, "csv"),
                "fichier_json": absolute("opendata:download", dataset.slug, "json"),
                "schema_table": absolute("opendata:download", dataset.slug, "schema.json"),
            }
            for dataset in datasets.DATASETS
        ],
    }


for _dataset in datasets.DATASETS:
    _register(_dataset)


def open_for_reading(view):
    """CORS open for reading from any site, without credentials; HEAD answered as GET."""

    def cors_view(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
            response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method == "HEAD":
            request.method = "GET"
            response = view(request, *args, **kwargs)
            response.content = b""
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    cors_view.csrf_exempt = getattr(view, "csrf_exempt", False)
    return cors_view


def urls():
    """The API's URL patterns, each public and open for reading."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = public(methods=READ_METHODS)(open_for_reading(pattern.callback))
    return patterns, app_name, namespace
