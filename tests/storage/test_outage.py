"""An object-storage outage (moto's server stopped): the CV's field says so in French, the
draft and everything already saved are kept, a download gets a page saying so; never a 500."""

import io

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PillowImage
from wagtail.images.models import Image

from eig.applications.models import Application
from tests.applications.helpers import identity_data, pdf_upload, start, step_url
from tests.factories import small_pdf
from tests.storage.conftest import Bucket, new_bucket, s3_settings, start_s3_server

UNAVAILABLE = "Le service qui conserve les fichiers ne répond pas"


@pytest.fixture
def outage(settings):
    """A bucket on a server of this test's own, and `outage.begin()` to stop that server."""
    server, address = start_s3_server()
    client, name = new_bucket(address)
    settings.STORAGES = {**settings.STORAGES, **s3_settings(address, name)}

    class Outage(Bucket):
        def begin(self):
            server.stop()

    yield Outage(client, name)
    server.stop()


def test_an_upload_during_an_outage_says_so_by_the_field_and_keeps_the_draft(
    alice_client, alice, cohort, outage
):
    start(alice_client, cohort)
    alice_client.post(step_url(cohort, "identite"), identity_data(city="Nantes"))
    outage.begin()

    response = alice_client.post(step_url(cohort, "cv"), {"cv": pdf_upload(small_pdf())})

    assert response.status_code == 200
    page = response.content.decode()
    field = page.split('id="id_cv-messages"')[1].split("</div>")[0]
    assert "votre CV n’a pas pu être enregistré" in field
    assert "déposez ce fichier à nouveau dans quelques minutes" in field
    assert 'href="#id_cv"' in page  # the summary of errors at the top leads to the field
    draft = Application.objects.get(candidate=alice)
    assert draft.is_draft and draft.city == "Nantes" and not draft.cv
    assert draft.last_step == "cv"


def test_a_replacement_during_an_outage_keeps_the_previous_cv(alice_client, alice, cohort, outage):
    start(alice_client, cohort)
    alice_client.post(step_url(cohort, "cv"), {"cv": pdf_upload(small_pdf(), name="ancien.pdf")})
    stored = Application.objects.get(candidate=alice).cv.name
    outage.begin()

    response = alice_client.post(step_url(cohort, "cv"), {"cv": pdf_upload(name="nouveau.pdf")})

    assert response.status_code == 200
    assert "votre CV précédent est conservé" in response.content.decode()
    draft = Application.objects.get(candidate=alice)
    assert (draft.cv.name, draft.cv_filename) == (stored, "ancien.pdf")


def test_a_download_during_an_outage_gets_a_page_saying_so(alice_client, alice, cohort, outage):
    start(alice_client, cohort)
    alice_client.post(step_url(cohort, "cv"), {"cv": pdf_upload(small_pdf())})
    application = Application.objects.get(candidate=alice)
    outage.begin()

    response = alice_client.get(f"/mon-espace/candidatures/{application.public_id}/cv/")

    assert response.status_code == 503
    page = response.content.decode()
    assert "Fichiers momentanément indisponibles" in page
    assert "Rien de ce qui était déjà enregistré n’est perdu" in page
    assert 'href="/mes-espaces/"' in page  # back to her space


def test_images_during_an_outage_get_a_503_not_an_error(db, outage):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (20, 20), "navy").save(buffer, "PNG")
    image = Image.objects.create(title="Promotion", file=ImageFile(buffer, "p.png"))
    url = image.get_rendition("fill-10x10").url
    outage.begin()

    assert Client().get(url).status_code == 503


def test_a_local_disk_that_fails_gives_the_same_message(alice_client, alice, cohort, settings):
    blocked = settings.PRIVATE_MEDIA_ROOT
    blocked.parent.mkdir(parents=True, exist_ok=True)
    blocked.write_text("a file where the folder should be")
    start(alice_client, cohort)

    response = alice_client.post(step_url(cohort, "cv"), {"cv": pdf_upload(small_pdf())})

    assert response.status_code == 200
    assert "votre CV n’a pas pu être enregistré" in response.content.decode()
    assert not Application.objects.get(candidate=alice).cv
