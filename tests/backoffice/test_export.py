"""/equipe/candidatures/export.<csv|xlsx|ods>: the filtered list, in files read back here."""

import csv
import datetime
import io

import openpyxl
import pytest
import tablib
from django.utils import timezone

from eig import exports
from eig.applications.models import Profile
from eig.backoffice import export
from eig.cohorts.models import Cohort
from tests.backoffice.helpers import choose, submitted
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory

pytestmark = pytest.mark.django_db

EXPORT = "/equipe/candidatures/export.{}"
FORMATS = ["csv", "xlsx", "ods"]


def read_rows(response, file_format):
    """The file as a list of {header: value}, every value as text."""
    content = b"".join(response) if response.streaming else response.content
    if file_format == "csv":
        return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    if file_format == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        headers, *rows = sheet.iter_rows(values_only=True)
        return [dict(zip(headers, map(as_text, row), strict=True)) for row in rows]
    dataset = tablib.Dataset().load(content, format="ods")
    return [dict(zip(dataset.headers, map(as_text, row), strict=True)) for row in dataset]


def as_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@pytest.fixture
def cohort():
    cohort = CohortFactory()
    datafin = ChallengeFactory(cohort=cohort, slug="datafin", name="Datafin")
    lexibase = ChallengeFactory(cohort=cohort, name="Lexibase")
    choose(
        submitted(
            cohort=cohort,
            first_name="Élodie",
            last_name="Dupré",
            email="elodie@example.fr",
            profile=Profile.DATA_SCIENCE,
            years_of_experience=7,
            code_forge_url="https://forge.example/elodie",
            studies_completed=False,
        ),
        lexibase,
        datafin,
    )
    choose(submitted(cohort=cohort, first_name="Jean", last_name="Autre"), lexibase)
    ApplicationFactory(cohort=cohort, first_name="Brouillon", last_name="Exclu")
    submitted(cohort=CohortFactory(), first_name="Autre", last_name="Promo")
    return cohort


@pytest.mark.parametrize("file_format", FORMATS)
def test_the_export_holds_the_filtered_applications(team_client, cohort, file_format):
    response = team_client.get(
        EXPORT.format(file_format), {"promotion": cohort.number, "defi": "datafin"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == exports.CONTENT_TYPES[file_format]
    today = timezone.localdate(timezone=exports.PARIS).isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="candidatures-promotion-{cohort.number}-{today}.{file_format}"'
    )
    [row] = read_rows(response, file_format)
    assert row["Prénom"] == "Élodie"
    assert row["Nom"] == "Dupré"
    assert row["Adresse e-mail de contact"] == "elodie@example.fr"
    assert row["Promotion"] == f"Promotion {cohort.number}"
    assert row["Profil"] == "Data science"
    assert row["Années d'expérience"] == "7"
    assert row["État"] == "déposée"
    assert row["Déposée le"] == "2026-03-10 10:30:00"  # 9h30 UTC, in Paris
    assert [row["Choix n° 1"], row["Choix n° 2"], row["Choix n° 3"]] == ["Lexibase", "Datafin", ""]
    assert row["Forge de code"] == "https://forge.example/elodie"
    assert row["Disponible à temps plein"] == "Oui"
    assert row["Études terminées"] == "Non"


@pytest.mark.parametrize("file_format", FORMATS)
def test_the_default_export_has_every_submitted_application(team_client, cohort, file_format):
    response = team_client.get(EXPORT.format(file_format))

    names = sorted(row["Prénom"] for row in read_rows(response, file_format))
    assert names == ["Autre", "Jean", "Élodie"]
    assert "candidatures-toutes-promotions-" in response["Content-Disposition"]


@pytest.mark.parametrize("file_format", FORMATS)
def test_search_and_status_filters_apply_to_the_export(team_client, cohort, file_format):
    searched = team_client.get(EXPORT.format(file_format), {"q": "dupre"})
    drafts = team_client.get(EXPORT.format(file_format), {"etat": "draft"})

    assert [row["Nom"] for row in read_rows(searched, file_format)] == ["Dupré"]
    assert [row["Nom"] for row in read_rows(drafts, file_format)] == ["Exclu"]


@pytest.mark.parametrize("file_format", FORMATS)
def test_text_that_a_spreadsheet_would_run_as_a_formula_is_neutralised(team_client, file_format):
    submitted(
        first_name='=HYPERLINK("https://evil.example","clic")',
        last_name="+1+2",
        email="-3@example.fr",
        city="@SUM(1)",
        phone="\t=1",
        portfolio_url="\r=2",
    )

    [row] = read_rows(team_client.get(EXPORT.format(file_format)), file_format)

    assert row["Prénom"] == '\'=HYPERLINK("https://evil.example","clic")'
    assert row["Nom"] == "'+1+2"
    assert row["Adresse e-mail de contact"] == "'-3@example.fr"
    assert row["Ville de résidence"] == "'@SUM(1)"
    assert row["Téléphone"] == "'\t=1"
    assert row["Portfolio"].startswith("'")


def test_no_xlsx_cell_is_a_formula(team_client):
    submitted(first_name="=1+1", last_name="=SUM(A1:A2)")

    response = team_client.get(EXPORT.format("xlsx"))

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response))).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_a_bad_filter_sends_back_to_the_list_which_explains_it(team_client, cohort):
    unknown = Cohort.objects.order_by("-number").first().number + 1
    response = team_client.get(EXPORT.format("csv"), {"promotion": unknown, "q": "x"})

    assert response.status_code == 302
    assert response["Location"] == f"/equipe/candidatures/?promotion={unknown}&q=x"
    page = team_client.get(response["Location"]).content.decode()
    assert f"{unknown} n’en fait pas partie" in page


def test_an_unknown_format_is_a_404(team_client):
    assert team_client.get(EXPORT.format("pdf")).status_code == 404


def test_the_file_is_named_after_the_day_in_paris(monkeypatch, cohort):
    # 23h30 UTC on 28 November is already the 29th in Paris.
    late = datetime.datetime(2026, 11, 28, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: late)

    assert export.file_name(cohort, "ods") == (
        f"candidatures-promotion-{cohort.number}-2026-11-29.ods"
    )
    assert export.file_name(None, "csv") == "candidatures-toutes-promotions-2026-11-29.csv"
