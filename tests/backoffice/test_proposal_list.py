"""The team's list of proposals per promotion: filters, search, statistics, exports, the page of
a proposal (journalled), its attachments."""

import csv
import io

import openpyxl
import pytest
import tablib
from django.core.files.base import ContentFile

from eig.audit.models import Action, AuditEntry
from eig.challenges.models import HostOrganisation
from eig.proposals.models import Proposal, ProposalAttachment, ProposalAuthor
from tests.factories import CandidateFactory, CohortFactory
from tests.proposals.helpers import make_proposal

pytestmark = pytest.mark.django_db
LIST = "/equipe/propositions/"
Status = Proposal.Status


@pytest.fixture
def cohort():
    return CohortFactory(number=7)


@pytest.fixture
def listed(cohort):
    interior = HostOrganisation.objects.create(ministry="Ministère de l’Intérieur")
    return {
        "alpha": make_proposal(cohort, title="Alpha", host=interior, fellows_sought=3),
        "beta": make_proposal(
            cohort,
            title="Bêta",
            host=None,
            new_host_ministry="Ministère des Armées",
            remote_policy="remote",
            status=Status.ADMISSIBLE,
        ),
        "gamma": make_proposal(cohort, title="Gamma", host=interior, status=Status.SHORTLISTED),
        "draft": make_proposal(cohort, title="Brouillon", status=Status.DRAFT),
        "elsewhere": make_proposal(CohortFactory(number=8), title="Autre promotion"),
    }


def titles(response):
    return [proposal.title for proposal in response.context["rows"]]


def test_the_list_shows_the_promotion_s_proposals_but_drafts(team_client, listed, cohort):
    response = team_client.get(LIST, {"promotion": cohort.number})

    assert titles(response) == ["Alpha", "Bêta", "Gamma"]
    assert 'aria-current="page">Défis proposés' in response.content.decode()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"etat": "shortlisted"}, ["Gamma"]),
        ({"etat": "tout"}, ["Alpha", "Bêta", "Brouillon", "Gamma"]),
        ({"ministere": "Ministère des Armées"}, ["Bêta"]),
        ({"ministere": "Ministère de l’Intérieur"}, ["Alpha", "Gamma"]),
        ({"eig": "3"}, ["Alpha"]),
        ({"teletravail": "remote"}, ["Bêta"]),
        ({"q": "intérieur"}, ["Alpha", "Gamma"]),
        ({"q": "armées"}, ["Bêta"]),
        ({"q": "gam"}, ["Gamma"]),
    ],
)
def test_filters_and_search(team_client, listed, cohort, filters, expected):
    response = team_client.get(LIST, {"promotion": cohort.number, **filters})

    assert sorted(titles(response)) == sorted(expected)


def test_search_finds_a_proposal_by_an_author_s_e_mail(team_client, listed, cohort):
    ProposalAuthor.objects.create(proposal=listed["beta"], email="co.autrice@armees.gouv.fr")

    response = team_client.get(LIST, {"promotion": cohort.number, "q": "co.autrice@"})

    assert titles(response) == ["Bêta"]


def test_an_unknown_filter_value_is_told_next_to_it(team_client, listed, cohort):
    response = team_client.get(LIST, {"promotion": cohort.number, "eig": "7"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Un filtre n’est pas valide" in page
    assert "rows" not in response.context


def test_statistics_per_stage_per_ministry_and_seats(team_client, listed, cohort):
    statistics = team_client.get(LIST, {"promotion": cohort.number}).context["statistics"]

    assert statistics["seats"] == 3 + 2 + 2
    assert dict(statistics["per_status"]) == {"Déposé": 1, "Recevable": 1, "Présélectionné": 1}
    per_ministry = {
        row["ministry"]: (row["count"], row["seats"]) for row in statistics["per_ministry"]
    }
    assert per_ministry == {"Ministère de l’Intérieur": (2, 5), "Ministère des Armées": (1, 2)}


def test_the_switcher_leads_to_the_same_tab_for_another_promotion(team_client, listed):
    response = team_client.get(
        "/equipe/promotion/", {"onglet": "backoffice:proposal_list", "promotion": "8"}
    )

    assert response.url == f"{LIST}?promotion=8"


def test_a_promotion_without_call_says_so(team_client):
    cohort = CohortFactory()

    response = team_client.get(LIST, {"promotion": cohort.number})

    assert 'id="no-call"' in response.content.decode()


def read(response, file_format):
    content = response.content
    if file_format == "csv":
        assert content.startswith("\ufeff".encode())
        return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    if file_format == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        headers, *rows = sheet.iter_rows(values_only=True)
        return [dict(zip(headers, row, strict=True)) for row in rows]
    dataset = tablib.Dataset().load(content, format="ods")
    return [dict(zip(dataset.headers, row, strict=True)) for row in dataset]


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "ods"])
def test_the_export_is_the_filtered_list_and_is_journalled(
    team_client, listed, cohort, carol, file_format
):
    response = team_client.get(
        f"{LIST}export.{file_format}",
        {"promotion": cohort.number, "ministere": "Ministère de l’Intérieur"},
    )

    assert response.status_code == 200
    assert "propositions-promotion-7-" in response["Content-Disposition"]
    rows = read(response, file_format)
    assert [row["Nom du défi"] for row in rows] == ["Alpha", "Gamma"]
    assert rows[0]["Auteur·e·s"] == listed["alpha"].created_by.email
    assert rows[0]["Profils recherchés"] == "Développeur·se ; Data scientist"
    entry = AuditEntry.objects.get(action=Action.PROPOSALS_EXPORTED)
    assert entry.actor == carol and entry.data["format"] == file_format


def test_a_formula_in_a_title_is_neutralised_in_the_export(team_client, cohort):
    make_proposal(cohort, title='=HYPERLINK("http://x")')

    rows = read(team_client.get(f"{LIST}export.csv", {"promotion": cohort.number}), "csv")

    assert rows[0]["Nom du défi"].startswith("'=")


def test_the_page_shows_the_whole_proposal_and_journals_the_view(team_client, listed, carol):
    proposal = listed["alpha"]

    page = team_client.get(f"{LIST}{proposal.public_id}/").content.decode()

    for text in [
        "Alpha",
        "Les difficultés sont repérées trop tard.",
        "Données URSSAF",
        "Un outil de détection",
        "Data scientist",
        "Anne Opé",
        proposal.created_by.email,
        'id="jury-panels"',
    ]:
        assert text in page
    entry = AuditEntry.objects.get(action=Action.PROPOSAL_VIEWED)
    assert entry.actor == carol and entry.target_id == str(proposal.public_id)


def test_a_view_by_an_author_of_the_team_is_not_journalled(client, listed):
    author = CandidateFactory(programme_team=True)
    ProposalAuthor.objects.create(proposal=listed["alpha"], email=author.email, user=author)
    client.force_login(author)

    client.get(f"{LIST}{listed['alpha'].public_id}/")

    assert not AuditEntry.objects.filter(action=Action.PROPOSAL_VIEWED).exists()


def test_an_attachment_is_downloaded_through_the_access_check_and_journalled(
    team_client, listed, carol
):
    proposal = listed["alpha"]
    attachment = ProposalAttachment(proposal=proposal, original_name="note.pdf", size=9)
    attachment.file.save("note.pdf", ContentFile(b"%PDF-1.4\n"), save=True)

    response = team_client.get(f"{LIST}{proposal.public_id}/pieces/{attachment.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n"
    assert 'filename="note.pdf"' in response["Content-Disposition"]
    assert AuditEntry.objects.filter(action=Action.PROPOSAL_ATTACHMENT_VIEWED, actor=carol).exists()
    # Another proposal's address does not reach it.
    other = listed["beta"]
    assert team_client.get(f"{LIST}{other.public_id}/pieces/{attachment.pk}/").status_code == 404


def test_an_author_cannot_open_the_team_s_pages(client, listed):
    client.force_login(listed["alpha"].created_by)

    assert client.get(f"{LIST}{listed['alpha'].public_id}/").status_code == 404
    assert client.get(LIST).status_code == 404
