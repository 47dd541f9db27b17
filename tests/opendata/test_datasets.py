"""The datasets: their figures, their files, their schemas, and what they never publish."""

import json

import pytest
from django.urls import reverse
from frictionless import Dialect, Resource, Schema, formats

from eig.applications.models import Application
from eig.community.models import Fellow
from eig.opendata import datasets
from tests.opendata.conftest import (
    SECRET_EMAIL_DOMAIN,
    SECRET_LAST_NAME,
    SECRET_MOTIVATION,
)

pytestmark = pytest.mark.django_db


def rows_of(slug, **where):
    return [
        row
        for row in datasets.BY_SLUG[slug].rows()
        if all(row[key] == value for key, value in where.items())
    ]


def test_the_funnel_counts_the_stages_each_application_reached(promotion):
    funnel = {
        row["etape"]: row["candidatures"] for row in rows_of("entonnoir-de-selection", promotion=40)
    }
    # The rejected ones count up to the shortlist their history went through.
    assert funnel == {
        "deposee": 30,
        "recevable": 22,
        "preselectionnee": 16,
        "admissible": 9,
        "auditionnee": 9,
        "retenue": 9,
    }


def test_a_small_profile_is_hidden_with_the_next_smallest(promotion):
    profiles = {
        row["profil"]: row["candidatures"]
        for row in rows_of("candidatures-par-profil", promotion=40)
    }
    # 3 in law alone could be recomputed from the total (30): design is hidden too.
    assert profiles["development"] == 20
    assert profiles["law"] is None
    assert profiles["design"] is None


def test_demand_per_challenge_hides_the_small_counts(promotion):
    demand = {row["defi"]: row for row in rows_of("candidatures-par-defi", promotion=40)}
    assert demand["defi-populaire"]["candidatures"] == 27
    assert demand["defi-populaire"]["candidatures_par_place"] == 9.0
    assert demand["defi-discret"]["candidatures"] is None
    # The first choices split the applications: 27 and 3, so 27 would tell the 3.
    assert demand["defi-discret"]["premiers_choix"] is None
    assert demand["defi-populaire"]["premiers_choix"] is None


def test_per_cohort_counts_and_seats(promotion):
    (row,) = rows_of("candidatures-par-promotion", promotion=40)
    assert row["candidatures"] == 30
    assert row["places"] == 5
    assert row["candidatures_par_place"] == 6.0


def test_a_higher_threshold_from_the_settings_hides_more(promotion, settings):
    settings.OPEN_DATA_MIN_COUNT = 25
    profiles = {
        row["profil"]: row["candidatures"]
        for row in rows_of("candidatures-par-profil", promotion=40)
    }
    assert profiles["development"] is None


@pytest.mark.parametrize("dataset", datasets.DATASETS, ids=lambda dataset: dataset.slug)
def test_every_file_validates_against_its_schema(client, promotion, tmp_path, dataset):
    schema_response = client.get(reverse("opendata:download", args=[dataset.slug, "schema.json"]))
    descriptor = schema_response.json()
    schema = Schema.from_descriptor(
        {
            key: descriptor[key]
            for key in ("fields", "missingValues", "primaryKey")
            if key in descriptor
        }
    )
    assert descriptor["licenses"][0]["name"] == "etalab-2.0"
    assert all(field["description"] for field in descriptor["fields"])

    csv = client.get(reverse("opendata:download", args=[dataset.slug, "csv"]))
    assert csv.content.startswith("\ufeff".encode())
    path = tmp_path / f"{dataset.slug}.csv"
    path.write_bytes(csv.content)
    resource = Resource(
        path=path.name,
        basepath=str(tmp_path),
        schema=schema,
        encoding="utf-8-sig",
        dialect=Dialect(controls=[formats.CsvControl(delimiter=";")]),
    )
    report = resource.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])

    document = client.get(reverse("opendata:download", args=[dataset.slug, "json"])).json()
    assert document["licence"]["name"] == "etalab-2.0"
    assert document["mis_a_jour_le"]
    assert document["seuil_secret_statistique"] == 5
    header = [field["name"] for field in descriptor["fields"]]
    rows = [header] + [[row[name] for name in header] for row in document["donnees"]]
    report = Resource(data=rows, schema=schema).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # The CSV and the JSON carry the same rows.
    assert len(document["donnees"]) == len(csv.content.decode("utf-8-sig").strip().splitlines()) - 1


def test_a_count_below_the_threshold_fails_the_schema(promotion, tmp_path):
    """The schema itself refuses a small count: validation catches a suppression forgotten."""
    schema = Schema.from_descriptor(
        datasets.table_schema(datasets.BY_SLUG["candidatures-par-profil"])
    )
    rows = [
        ["promotion", "annee", "profil", "libelle", "candidatures"],
        [40, 2048, "law", "Droit", 3],
    ]
    assert not Resource(data=rows, schema=schema).validate().valid


def every_published_text(client):
    """Every file of /donnees/, every API page, and the public statistics page, as text."""
    texts = []
    for dataset in datasets.DATASETS:
        for file_format in ("csv", "json"):
            response = client.get(reverse("opendata:download", args=[dataset.slug, file_format]))
            texts.append(response.content.decode("utf-8-sig"))
        response = client.get(reverse(f"api_v1:{dataset.slug}"), {"par_page": 500})
        texts.append(json.dumps(response.json(), ensure_ascii=False))
    texts.append(client.get(reverse("opendata:statistics")).content.decode())
    texts.append(client.get(reverse("opendata:statistics"), {"promotion": 40}).content.decode())
    return texts


def test_nothing_published_carries_personal_data(client, promotion):
    for text in every_published_text(client):
        assert SECRET_LAST_NAME not in text
        assert SECRET_EMAIL_DOMAIN not in text
        assert SECRET_MOTIVATION not in text
        assert "Quillebeufville" not in text


def test_no_published_count_of_people_is_below_the_threshold(client, promotion):
    people = {
        dataset.slug: [column.name for column in dataset.columns if column.counts_people]
        for dataset in datasets.DATASETS
    }
    for dataset in datasets.DATASETS:
        document = client.get(reverse("opendata:download", args=[dataset.slug, "json"])).json()
        api_page = client.get(reverse(f"api_v1:{dataset.slug}"), {"par_page": 500}).json()
        for row in document["donnees"] + api_page["resultats"]:
            for name in people[dataset.slug]:
                assert row[name] is None or row[name] >= 5, (dataset.slug, row)
    # The public charts of people show the same figures: the hidden ones read « masqué ».
    response = client.get(reverse("opendata:statistics"), {"promotion": 40})
    for name in ("funnel", "profiles"):
        for row in response.context[name].rows:
            assert all(value is None or value >= 5 for value in row.values), (name, row)
    demand = [row.values[0] for row in response.context["demand"].rows]
    assert all(value is None or value >= 5 for value in demand)
    assert None in demand
    assert "masqué" in response.content.decode()


def test_the_list_of_datasets(client, promotion):
    response = client.get(reverse("opendata:index"))
    page = response.content.decode()
    for dataset in datasets.DATASETS:
        assert reverse("opendata:download", args=[dataset.slug, "csv"]) in page
    assert "Licence Ouverte" in page


def test_a_dataset_page_documents_its_columns(client, promotion):
    page = client.get(
        reverse("opendata:dataset", args=["candidatures-par-profil"])
    ).content.decode()
    assert "<code>candidatures</code>" in page
    assert "secret statistique" in page


def test_an_unknown_dataset_is_a_404(client, db):
    assert client.get("/donnees/inconnu.csv").status_code == 404
    assert client.get("/donnees/inconnu/").status_code == 404


def test_an_unknown_promotion_on_the_statistics_page_says_so(client, promotion):
    response = client.get(reverse("opendata:statistics"), {"promotion": "abc"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Aucune statistique publiée pour la promotion « abc »" in page
    assert 'aria-describedby="promotion-error"' in page
    # The charts are still there, the latest promotion's demand among them.
    assert response.context["demand"] is not None


def test_team_sizes_count_the_teams_of_each_size(promotion):
    selected = list(Application.objects.filter(cohort=promotion, status="selected")[:5])
    popular, quiet = (
        promotion.challenges.get(slug=slug) for slug in ("defi-populaire", "defi-discret")
    )
    for application, challenge in zip(selected, [popular] * 3 + [quiet] * 2, strict=True):
        Fellow.objects.create(
            user=application.candidate,
            application=application,
            challenge=challenge,
            cohort=promotion,
        )
    sizes = {
        row["taille_equipe"]: row["equipes"] for row in rows_of("taille-des-equipes", promotion=40)
    }
    assert sizes == {2: 1, 3: 1}
