"""The CV: a PDF checked by its content, at most 5 MB, private, replaceable without loss."""

import io

import pytest
from pypdf import PdfWriter

from eig.applications.models import CV_MAX_BYTES, Application
from eig.applications.storage import private_storage
from tests.applications.helpers import pdf_upload, start, step_url
from tests.factories import ApplicationFactory, small_pdf


@pytest.fixture
def draft(alice_client, alice, cohort):
    start(alice_client, cohort)
    return Application.objects.get(candidate=alice)


def upload(client, cohort, content, name="CV.pdf"):
    return client.post(step_url(cohort, "cv"), {"cv": pdf_upload(content, name=name)})


def encrypted_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_valid_pdf_is_stored_privately_with_its_name_and_size(alice_client, cohort, draft):
    response = upload(alice_client, cohort, small_pdf(), name="Mon CV (2026).pdf")

    assert response["Location"] == step_url(cohort, "motivation")
    draft.refresh_from_db()
    assert draft.cv_filename == "Mon CV (2026).pdf"
    assert draft.cv_size == len(small_pdf())
    # The stored name says nothing of the candidate; the file has no public address.
    assert draft.cv.name == f"cv/{draft.cohort_id}/{draft.public_id}.pdf"
    assert private_storage.open(draft.cv.name).read() == small_pdf()
    with pytest.raises(ValueError, match="no URL"):
        draft.cv.url  # noqa: B018


@pytest.mark.parametrize(
    "content, message",
    [
        (b"Hello, I am a text file named .pdf", "Ce fichier n’est pas un PDF."),
        (b"%PDF-1.7\nnot really a PDF at all", "Ce PDF est illisible ou endommagé."),
        (encrypted_pdf(), "Ce PDF est protégé par un mot de passe."),
        (
            small_pdf() + b"\0" * CV_MAX_BYTES,
            "Ce fichier fait 5,1 Mo : un CV doit faire 5 Mo au plus.",
        ),
    ],
    ids=["not-a-pdf", "broken", "encrypted", "too-large"],
)
def test_a_bad_file_is_refused_and_the_previous_cv_kept(
    alice_client, cohort, draft, content, message
):
    upload(alice_client, cohort, small_pdf(), name="Bon CV.pdf")

    response = upload(alice_client, cohort, content, name="Mauvais.pdf")

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "fr-upload-group--error" in page
    draft.refresh_from_db()
    assert draft.cv_filename == "Bon CV.pdf"
    assert private_storage.open(draft.cv.name).read() == small_pdf()


def test_an_oversized_cv_is_an_error_next_to_its_field_on_the_step(alice_client, cohort, draft):
    upload(alice_client, cohort, small_pdf(), name="Bon CV.pdf")

    response = upload(alice_client, cohort, b"%PDF-" + b"0" * (6 * 1024 * 1024))

    page = response.content.decode()
    assert response.status_code == 413
    assert "Envoi trop volumineux" not in page
    assert "Le fichier envoyé dépasse 5" in page
    assert 'action="/candidater/3/cv/"' in page
    assert "Votre CV est enregistré" in page  # the one saved before stays
    draft.refresh_from_db()
    assert draft.cv_filename == "Bon CV.pdf"


def test_too_much_form_data_gets_the_same_page(alice_client, cohort, draft, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = alice_client.post(step_url(cohort, "motivation"), {"motivation": "x" * 2000})

    assert response.status_code == 413
    assert "Envoi trop volumineux" in response.content.decode()


def test_replacing_the_cv_removes_the_old_file_once_committed(
    alice_client, cohort, draft, django_capture_on_commit_callbacks
):
    upload(alice_client, cohort, small_pdf(), name="Ancien.pdf")
    draft.refresh_from_db()
    old_name = draft.cv.name

    with django_capture_on_commit_callbacks(execute=True):
        upload(alice_client, cohort, small_pdf() + b"\n% nouvelle version", name="Nouveau.pdf")

    draft.refresh_from_db()
    assert draft.cv_filename == "Nouveau.pdf"
    assert private_storage.exists(draft.cv.name)
    assert not private_storage.exists(old_name)


def test_moving_on_without_a_file_keeps_the_cv(alice_client, cohort, draft):
    upload(alice_client, cohort, small_pdf(), name="Bon CV.pdf")

    response = alice_client.post(step_url(cohort, "cv"), {"navigation": "next"})

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.cv_filename == "Bon CV.pdf"


def test_the_owner_and_the_programme_team_download_the_cv(client, alice, carol, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, complete=True)
    own = f"/mon-espace/candidatures/{application.public_id}/cv/"
    team = f"/equipe/candidatures/{application.public_id}/cv/"

    for user, url in ((alice, own), (carol, team)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == ('attachment; filename="CV Alice Martin.pdf"')
        assert "no-store" in response["Cache-Control"]
        assert response.getvalue() == small_pdf()


def test_no_cv_no_download(alice_client, alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice)

    assert (
        alice_client.get(f"/mon-espace/candidatures/{application.public_id}/cv/").status_code == 404
    )
