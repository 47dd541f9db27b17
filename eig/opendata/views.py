"""The public pages of the open data: /donnees/ and its files, /statistiques/, the API's docs."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from eig.accounts.access import public
from eig.exports import file_bytes
from eig.opendata import datasets, statistics, suppression
from eig.opendata.api import api

JSON_CONTENT_TYPE = "application/json; charset=utf-8"


def _dataset_or_404(slug):
    try:
        return datasets.BY_SLUG[slug]
    except KeyError:
        raise Http404 from None


def _files(request, dataset):
    return {
        key: request.build_absolute_uri(
            reverse("opendata:download", args=[dataset.slug, file_format])
        )
        for key, file_format in (("csv", "csv"), ("json", "json"), ("schema", "schema.json"))
    }


@public()
def index(request):
    entries = [
        {
            "dataset": dataset,
            "updated": datasets.last_update(dataset),
            "files": _files(request, dataset),
        }
        for dataset in datasets.DATASETS
    ]
    return render(
        request,
        "opendata/index.html",
        {
            "entries": entries,
            "licence": datasets.LICENCE,
            "threshold": suppression.threshold(),
        },
    )


@public()
def dataset_detail(request, slug):
    dataset = _dataset_or_404(slug)
    return render(
        request,
        "opendata/dataset.html",
        {
            "dataset": dataset,
            "schema": datasets.table_schema(dataset),
            "updated": datasets.last_update(dataset),
            "files": _files(request, dataset),
            "licence": datasets.LICENCE,
            "threshold": suppression.threshold(),
            "api_url": reverse(f"api_v1:{dataset.slug}"),
        },
    )


@public()
def download(request, slug, file_format):
    dataset = _dataset_or_404(slug)
    if file_format == "csv":
        rows = datasets.rows_as_text(dataset)
        names = dataset.column_names
        content = file_bytes(
            names, ([row[name] for name in names] for row in rows), "csv", title=dataset.slug
        )
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    elif file_format == "json":
        document = {
            "jeu_de_donnees": dataset.slug,
            "titre": str(dataset.title),
            "description": str(dataset.description),
            "licence": datasets.LICENCE,
            "mis_a_jour_le": datasets.last_update(dataset).isoformat(),
            "seuil_secret_statistique": suppression.threshold(),
            "schema": _files(request, dataset)["schema"],
            "donnees": datasets.rows_as_text(dataset),
        }
        response = _json(document)
    else:
        document = {
            "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
            "name": dataset.slug,
            "title": str(dataset.title),
            "description": str(dataset.description),
            "licenses": [datasets.LICENCE],
            **datasets.table_schema(dataset),
        }
        response = _json(document)
    name = f"{dataset.slug}.{file_format}"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    # Anyone may reuse the files from a page of their own.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _json(document):
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type=JSON_CONTENT_TYPE
    )


@public()
def statistics_page(request):
    numbers = statistics.demand_numbers()
    selected = numbers[-1] if numbers else None
    error = ""
    asked = request.GET.get("promotion", "")
    if asked:
        if asked.isascii() and asked.isdigit() and int(asked) in numbers:
            selected = int(asked)
        else:
            error = _(
                "Aucune statistique publiée pour la promotion « %(asked)s » : choisissez une "
                "promotion de la liste."
            ) % {"asked": asked[:20]}
    return render(
        request,
        "opendata/statistics.html",
        {
            "funnel": statistics.funnel_chart(),
            "profiles": statistics.profile_chart(),
            "hosts": statistics.hosts_chart(),
            "demand": statistics.demand_chart(selected) if selected else None,
            "numbers": numbers,
            "selected": selected,
            "error": error,
            "threshold": suppression.threshold(),
        },
        status=400 if error else 200,
    )


@public()
def api_docs(request):
    """The API's reference, rendered here from its OpenAPI schema: no script, no CDN."""
    schema = api.get_openapi_schema(path_prefix=reverse("api_v1:api-root"))
    operations = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "id": operation["operationId"],
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "required": parameter.get("required", False),
                            "type": _type_of(parameter.get("schema", {})),
                            "description": parameter.get("description", "")
                            or parameter.get("schema", {}).get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "responses": [
                        {"code": code, "description": RESPONSES.get(code, response["description"])}
                        for code, response in operation.get("responses", {}).items()
                    ],
                }
            )
    return render(
        request,
        "opendata/api_docs.html",
        {
            "operations": operations,
            "schema_url": reverse("api_v1:openapi-json"),
            "info": schema["info"],
        },
    )


RESPONSES = {
    "200": _lazy("les lignes demandées"),
    "400": _lazy("paramètre inconnu, mal formé, hors bornes, ou page au-delà de la dernière"),
    "429": _lazy("trop de requêtes : réessayer après le délai de l’en-tête Retry-After"),
}
TYPES = {"integer": _lazy("entier"), "number": _lazy("nombre"), "string": _lazy("texte")}


def _type_of(schema):
    """A parameter's type as a reader wants it: « integer (1 à 100) », « open | completed »."""
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if option.get("type") != "null"]
        schema = options[0] if options else {}
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    kind = TYPES.get(schema.get("type", "string"), schema.get("type"))
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return _("%(type)s, de %(low)s à %(high)s") % {"type": kind, "low": low, "high": high}
    if low is not None:
        return _("%(type)s, au moins %(low)s") % {"type": kind, "low": low}
    return kind
