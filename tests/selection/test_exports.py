"""Downloads of the scores and of a défi's ranking: the page's rows, as CSV, XLSX or ODS."""

import csv
import io

import openpyxl
import pytest
import tablib

from eig.applications.models import Application
from eig.audit.models import Action, AuditEntry
from eig.decisions.services import decision_templates, send_decisions
from tests.factories import ApplicationFactory, ReviewerFactory
from tests.selection.test_reviews_scores import example, review  # noqa: F401

FORMATS = ["csv", "xlsx", "ods"]


def scores_url(cohort, file_format):
    return f"/equipe/selection/{cohort.number}/notes/export.{file_format}"


def ranking_url(cohort, challenge, file_format):
    return f"/equipe/selection/{cohort.number}/notes/defis/{challenge.slug}/export.{file_format}"


def parsed(response, file_format):
    """The rows of the file, headers first, every cell as text."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if file_format == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    if file_format == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = sheet.iter_rows(values_only=True)
    else:
        dataset = tablib.Dataset().load(content, format="ods")
        rows = [dataset.headers, *dataset]
    return [["" if cell is None else str(cell) for cell in row] for row in rows]


@pytest.mark.parametrize("file_format", FORMATS)
def test_the_scores_file_has_the_rows_of_the_page(client, carol, cohort, example, file_format):  # noqa: F811
    client.force_login(carol)
    page = client.get(f"/equipe/selection/{cohort.number}/notes/")
    response = client.get(scores_url(cohort, file_format))
    assert response.status_code == 200
    assert f"notes-promotion-{cohort.number}-" in response["Content-Disposition"]
    rows = parsed(response, file_format)
    assert rows[0][:6] == [
        "Candidature",
        "Courriel",
        "État",
        "Évaluations",
        "Note globale brute",
        "Note globale calibrée",
    ]
    assert rows[0][-2:] == ["Désaccord", "Motifs du désaccord"]
    expected = [row["application"].email for row in page.context["rows"]]
    assert [row[1] for row in rows[1:]] == expected
    by_email = {row[1]: row for row in rows[1:]}
    apps, _challenge = example
    assert float(by_email[apps[0].email][4]) == 2
    assert float(by_email[apps[2].email][4]) == 5
    assert float(by_email[apps[0].email][5]) == pytest.approx(4.58)
    assert float(by_email[apps[0].email][3]) == 1
    assert by_email[apps[0].email][-2] == "Non"


def test_a_disagreement_and_its_reasons_are_in_the_file(client, carol, cohort):
    application = ApplicationFactory(cohort=cohort, submitted=True)
    first = ReviewerFactory(cohort=cohort, full_name="Anne")
    second = ReviewerFactory(cohort=cohort, full_name="Bruno")
    review(first, application, 3, verdict="coup_de_coeur", dynamisme=1)
    review(second, application, 3, verdict="defavorable", dynamisme=4)
    client.force_login(carol)
    rows = parsed(client.get(scores_url(cohort, "csv")), "csv")
    assert rows[1][-2] == "Oui"
    assert "Anne" in rows[1][-1] and "Bruno" in rows[1][-1]


@pytest.mark.parametrize("file_format", FORMATS)
def test_the_ranking_file_follows_the_page(client, carol, cohort, example, file_format):  # noqa: F811
    _apps, challenge = example
    client.force_login(carol)
    for query in ("", "?brut=1"):
        page = client.get(f"/equipe/selection/{cohort.number}/notes/defis/{challenge.slug}/{query}")
        response = client.get(ranking_url(cohort, challenge, file_format) + query)
        assert response.status_code == 200
        rows = parsed(response, file_format)
        assert rows[0] == [
            "Rang",
            "Candidature",
            "Courriel",
            "Note",
            "Choix n°",
            "Recommandations",
            "Évaluations",
            "Note écrite",
            "Note d’audition",
            "Ville",
            "Identifiant",
        ]
        shown = [
            (str(row["entry"].position), row["application"].email, round(row["entry"].score, 2))
            for row in page.context["rows"]
        ]
        assert [(str(int(float(r[0]))), r[2], round(float(r[3]), 2)) for r in rows[1:]] == shown
    assert "brut" in response["Content-Disposition"]


def test_the_raw_ranking_differs_from_the_calibrated_one(client, carol, cohort, example):  # noqa: F811
    apps, challenge = example
    client.force_login(carol)
    calibrated = parsed(client.get(ranking_url(cohort, challenge, "csv")), "csv")
    raw = parsed(client.get(ranking_url(cohort, challenge, "csv") + "?brut=1"), "csv")
    assert raw[1][2] == apps[2].email  # 5 is the best raw score
    assert float(raw[1][3]) == 5
    assert float(calibrated[1][3]) == pytest.approx(4.58)


@pytest.mark.parametrize("file_format", FORMATS)
def test_formulas_are_neutralised(client, carol, cohort, example, file_format):  # noqa: F811
    apps, challenge = example
    apps[0].first_name = '=HYPERLINK("http://evil.example")'
    apps[0].email = "+33@example.fr"
    apps[0].save()
    client.force_login(carol)
    for url in (scores_url(cohort, file_format), ranking_url(cohort, challenge, file_format)):
        cells = [cell for row in parsed(client.get(url), file_format) for cell in row]
        assert "'+33@example.fr" in cells
        assert any(cell.startswith("'=HYPERLINK") for cell in cells)
        assert not any(cell.startswith(("=", "+")) for cell in cells)


def test_each_download_is_audited(client, carol, cohort, example):  # noqa: F811
    _apps, challenge = example
    client.force_login(carol)
    client.get(scores_url(cohort, "xlsx"))
    client.get(ranking_url(cohort, challenge, "ods") + "?brut=1")
    entries = AuditEntry.objects.filter(
        action__in=[Action.SCORES_EXPORTED, Action.RANKING_EXPORTED]
    ).order_by("pk")
    assert [(entry.action, entry.target_label, entry.data) for entry in entries] == [
        (Action.SCORES_EXPORTED, str(cohort), {"format": "xlsx", "filters": {}}),
        (Action.RANKING_EXPORTED, str(challenge), {"format": "ods", "filters": {"brut": "1"}}),
    ]
    assert {entry.actor for entry in entries} == {carol}


def test_the_pages_link_to_the_downloads(client, carol, cohort, example):  # noqa: F811
    _apps, challenge = example
    client.force_login(carol)
    assert scores_url(cohort, "ods") in client.get(f"/equipe/selection/{cohort.number}/notes/").text
    raw_page = client.get(f"/equipe/selection/{cohort.number}/notes/defis/{challenge.slug}/?brut=1")
    assert ranking_url(cohort, challenge, "xlsx") + "?brut=1" in raw_page.text


@pytest.mark.parametrize("which", ["scores", "ranking"])
def test_only_the_programme_team_may_download(client, carol, cohort, example, which):  # noqa: F811
    apps, challenge = example
    url = scores_url(cohort, "csv") if which == "scores" else ranking_url(cohort, challenge, "csv")
    response = client.get(url)
    assert response.status_code == 302
    assert "/connexion" in response["Location"] or "next=" in response["Location"]
    client.force_login(apps[0].candidate)
    assert client.get(url).status_code == 404
    reviewer = ReviewerFactory(cohort=cohort)
    client.force_login(reviewer.user)
    assert client.get(url).status_code == 404
    client.force_login(carol)
    assert client.get(url).status_code == 200
    # The candidate's sign-in is journaled; a refused download is not.
    refused = AuditEntry.objects.filter(actor=apps[0].candidate).exclude(action=Action.SIGNED_IN)
    assert not refused.exists()


def decisions_url(cohort, file_format):
    return f"/equipe/decisions/{cohort.number}/export.{file_format}"


@pytest.mark.parametrize("file_format", FORMATS)
def test_the_sent_decisions_are_exported(
    client, carol, cohort, file_format, django_capture_on_commit_callbacks
):
    selected = ApplicationFactory(
        cohort=cohort, submitted=True, status=Application.Status.SELECTED, first_name="=Alice"
    )
    ApplicationFactory(cohort=cohort, submitted=True, status=Application.Status.REJECTED)
    # A decision counts as sent once the e-mail has left, after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        decision_templates(cohort)
        send_decisions(
            cohort=cohort, outcome=Application.Status.SELECTED, by=carol, before_teams=True
        )
    client.force_login(carol)
    assert (
        decisions_url(cohort, file_format) in client.get(f"/equipe/decisions/{cohort.number}/").text
    )
    response = client.get(decisions_url(cohort, file_format))
    assert response.status_code == 200
    rows = parsed(response, file_format)
    assert rows[0] == ["Candidature", "Courriel", "Décision", "Envoyée le", "Envoyée par"]
    assert len(rows) == 2  # the rejected candidate has not been told yet
    assert rows[1][0].startswith("'=Alice")
    assert rows[1][1] == selected.email
    assert rows[1][2] == str(Application.Status.SELECTED.label)
    assert rows[1][3]
    assert rows[1][4] == carol.email or rows[1][4] == carol.username
    entry = AuditEntry.objects.get(action=Action.DECISIONS_EXPORTED)
    assert entry.data == {"format": file_format, "filters": {}}
    assert entry.target_label == str(cohort)


def test_only_the_programme_team_may_download_the_decisions(client, carol, cohort):
    application = ApplicationFactory(cohort=cohort, submitted=True)
    url = decisions_url(cohort, "csv")
    assert client.get(url)["Location"].startswith("/connexion/?next=")
    client.force_login(application.candidate)
    assert client.get(url).status_code == 404
    client.force_login(carol)
    assert client.get(url).status_code == 200
