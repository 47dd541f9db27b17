"""The read-only API: pages, filters, errors that name their parameter, rate limit, CORS, and a
fuzzing of every operation against its own OpenAPI schema."""

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from eig.opendata import datasets
from eig.wsgi import application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def test_a_dataset_page_by_page(client, promotion):
    url = reverse("api_v1:entonnoir-de-selection")
    first = client.get(url, {"promotion": 40, "par_page": 4}).json()
    assert first["nombre"] == 6
    assert first["pages"] == 2
    assert [row["etape"] for row in first["resultats"]] == [
        "deposee",
        "recevable",
        "preselectionnee",
        "admissible",
    ]
    assert first["precedente"] is None
    second = client.get(first["suivante"]).json()
    assert [row["candidatures"] for row in second["resultats"]] == [9, 9]
    assert second["suivante"] is None


def test_filters_keep_the_rows_of_their_value(client, promotion):
    rows = client.get(reverse("api_v1:defis"), {"promotion": 40}).json()["resultats"]
    assert {row["identifiant"] for row in rows} == {"defi-populaire", "defi-discret"}
    rows = client.get(reverse("api_v1:candidatures-par-profil"), {"profil": "law"}).json()
    assert {row["promotion"] for row in rows["resultats"]} >= {40}
    assert all(row["profil"] == "law" for row in rows["resultats"])


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"couleur": "bleu"}, "couleur"),  # an unknown filter is not ignored
        ({"page": "deux"}, "page"),
        ({"page": "0"}, "page"),
        ({"par_page": "100000"}, "par_page"),
        ({"promotion": "2.5"}, "promotion"),
        ({"etat": "fini"}, "etat"),
        ({"page": "999"}, "page"),  # beyond the last page
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, promotion, query, parameter):
    response = client.get(reverse("api_v1:defis"), query)
    assert response.status_code == 400
    assert response.json()["parametre"] == parameter
    assert response.json()["erreur"]


def test_the_catalogue_refuses_parameters_too(client, db):
    response = client.get(reverse("api_v1:catalogue"), {"format": "xml"})
    assert response.status_code == 400
    assert response.json()["parametre"] == "format"


def test_the_catalogue_lists_every_dataset(client, db):
    catalogue = client.get(reverse("api_v1:catalogue")).json()
    assert [entry["jeu_de_donnees"] for entry in catalogue["jeux_de_donnees"]] == [
        dataset.slug for dataset in datasets.DATASETS
    ]


def test_too_many_requests_get_a_429_with_retry_after(client, db, settings):
    settings.OPEN_DATA_API_REQUESTS_PER_MINUTE = 3
    url = reverse("api_v1:promotions")
    for _ in range(3):
        assert client.get(url, REMOTE_ADDR="198.51.100.7").status_code == 200
    refused = client.get(url, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    # Per client: another address still reads.
    assert client.get(url, REMOTE_ADDR="198.51.100.8").status_code == 200


def test_cors_is_open_for_reading_without_credentials(client, db):
    url = reverse("api_v1:presse")
    response = client.get(url, HTTP_ORIGIN="https://reutilisation.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(url, HTTP_ORIGIN="https://reutilisation.example.org")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert client.post(url).status_code == 405


def test_the_openapi_schema_and_its_docs(client, db):
    schema = client.get(reverse("api_v1:openapi-json")).json()
    paths = schema["paths"]
    for dataset in datasets.DATASETS:
        operation = paths[f"/api/v1/{dataset.slug}"]["get"]
        assert {"200", "400", "429"} <= set(operation["responses"])
    docs = client.get(reverse("opendata:api_docs"))
    page = docs.content.decode()
    assert "/api/v1/candidatures-par-defi" in page
    assert "<code>par_page</code>" in page
    # Rendered on the server: no script of its own, nothing from another site.
    assert "swagger" not in page.lower()
    assert "cdn." not in page


@pytest.fixture
def connection_kept_across_requests():
    # As Django's test client does: the real WSGI handler closes the database connection at each
    # request's end, which on PostgreSQL ends the test's transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_every_operation_conforms_to_its_schema(db, settings, connection_kept_across_requests):
    """Schemathesis fuzzes every operation in process (WSGI) from the API's own OpenAPI schema:
    never a 500, every answer (200, 400…) as the schema declares it."""
    settings.OPEN_DATA_API_REQUESTS_PER_MINUTE = 100_000
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == len(datasets.DATASETS) + 1

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=20,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            # A page beyond the last is refused on purpose (a 400 naming `page`, tested above),
            # though its number is schema-valid: the one check that cannot know the last page.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        conforms()
