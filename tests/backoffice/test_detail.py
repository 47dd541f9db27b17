"""/equipe/candidatures/<id>/ and its CV."""

import pytest

from eig.applications.models import Experience
from tests.backoffice.helpers import submitted
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    ChallengeChoiceFactory,
    ChallengeFactory,
    small_pdf,
)

pytestmark = pytest.mark.django_db


def detail_path(application):
    return f"/equipe/candidatures/{application.public_id}/"


def test_the_detail_shows_every_answer(team_client):
    application = submitted(
        first_name="Élodie",
        last_name="Dupré",
        email="elodie@example.fr",
        phone="06 12 34 56 78",
        city="Lyon",
        years_of_experience=7,
        background="Dix ans de données publiques.",
        experiences_text="Et quelques hackathons.",
        motivation="Servir l'intérêt général.",
        administration_fit="J'ai déjà travaillé avec une mairie.",
        preferred_teammate="jean@example.fr",
        code_forge_url="https://forge.example/elodie",
        portfolio_url="https://elodie.example",
        not_public_agent=False,
    )
    Experience.objects.create(
        application=application, position=1, title="Cheffe de projet", organisation="Ville"
    )
    datafin = ChallengeFactory(cohort=application.cohort, name="Datafin")
    ChallengeChoiceFactory(
        application=application, challenge=datafin, rank=1, contribution="Mes cartes."
    )
    ChallengeChoiceFactory(
        application=application,
        challenge=ChallengeFactory(cohort=application.cohort, name="Signaux faibles"),
        rank=2,
        contribution="Mes modèles.",
    )

    page = team_client.get(detail_path(application)).content.decode()

    for shown in [
        "Élodie Dupré",
        'href="mailto:elodie@example.fr"',
        "06 12 34 56 78",
        "Lyon",
        "<dd>7</dd>",
        "Dix ans de données publiques.",
        "Et quelques hackathons.",
        "Cheffe de projet",
        "Servir l&#x27;intérêt général.",
        "J&#x27;ai déjà travaillé avec une mairie.",
        "jean@example.fr",
        'href="https://forge.example/elodie"',
        'href="https://elodie.example"',
        "Mes cartes.",
        "Mes modèles.",
        "10 mars 2026 à 10h30",  # 9h30 UTC, in Paris
        str(application.public_id),
        f'href="/equipe/candidatures/{application.public_id}/cv/"',
        "CV Alice Martin.pdf",
    ]:
        assert shown in page
    assert page.index("Datafin") < page.index("Signaux faibles")
    assert "<dt>Pas agent public en poste</dt><dd>Non</dd>" in page
    assert "<dt>Disponible à temps plein</dt><dd>Oui</dd>" in page


def test_what_candidates_typed_is_escaped_and_scripts_are_never_linked(team_client):
    application = ApplicationFactory(
        first_name="<script>alert(1)</script>",
        motivation="<img src=x onerror=alert(2)>",
        portfolio_url="javascript:alert(3)",
    )
    ChallengeChoiceFactory(application=application, contribution="<b>gras</b>")

    page = team_client.get(detail_path(application)).content.decode()

    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "<b>gras</b>" not in page
    assert "&lt;b&gt;gras&lt;/b&gt;" in page
    assert 'href="javascript:alert(3)"' not in page
    assert "javascript:alert(3)" in page


def test_a_draft_without_name_or_cv_is_shown_plainly(team_client):
    application = ApplicationFactory(last_step="profil")

    page = team_client.get(detail_path(application)).content.decode()

    assert "Candidature sans nom" in page
    assert "Aucun CV déposé." in page
    assert "profil" in page


def test_the_team_downloads_the_cv_as_a_pdf_attachment(team_client):
    application = submitted(cv_filename="Mon CV été.pdf")

    response = team_client.get(detail_path(application) + "cv/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == small_pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''Mon%20CV%20%C3%A9t%C3%A9.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_another_candidate_cannot_download_a_cv(client):
    application = submitted()
    client.force_login(CandidateFactory())

    assert client.get(detail_path(application) + "cv/").status_code == 404


def test_no_cv_is_a_404(team_client):
    assert team_client.get(detail_path(ApplicationFactory()) + "cv/").status_code == 404


def test_a_cv_missing_from_the_disk_is_a_404(team_client):
    application = submitted()
    application.cv.storage.delete(application.cv.name)

    assert team_client.get(detail_path(application) + "cv/").status_code == 404
