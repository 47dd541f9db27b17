"""Uploaded files on an S3-compatible object storage (moto's server, see conftest): CVs private,
served only through the access checks, replaced and deleted without leftovers; Wagtail's images
and documents there too, images served by the site with a cache-friendly lifetime."""

import datetime
import io
import runpy
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

import eig.applications.storage
from eig.applications.models import Application
from eig.applications.retention import apply_retention
from eig.applications.storage import private_storage
from eig.storage import PrivateStorage
from tests.applications.helpers import pdf_upload, start, step_url
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    CohortFactory,
    small_pdf,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
EVERYONE = "http://acs.amazonaws.com/groups/global/AllUsers"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def downloaded(response):
    return b"".join(response.streaming_content)


def test_a_cv_goes_to_the_bucket_as_a_private_object_and_never_to_the_disk(
    alice_client, alice, cohort, bucket, settings
):
    start(alice_client, cohort)
    response = alice_client.post(step_url(cohort, "cv"), {"cv": pdf_upload(small_pdf())})

    assert response.status_code == 302
    application = Application.objects.get(candidate=alice)
    key = f"private/cv/{cohort.pk}/{application.public_id}.pdf"
    assert bucket.names() == [key]
    assert bucket.read(key) == small_pdf()
    grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"]
    assert all(grant["Grantee"].get("URI") != EVERYONE for grant in grants)
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner's only
    assert not settings.PRIVATE_MEDIA_ROOT.exists()


def test_the_cv_is_downloaded_only_through_the_access_checks(cohort, bucket, alice, erin, carol):
    application = ApplicationFactory(cohort=cohort, candidate=alice, complete=True, submitted=True)
    assert bucket.names() == [f"private/{application.cv.name}"]
    own = f"/mon-espace/candidatures/{application.public_id}/cv/"
    team = f"/equipe/candidatures/{application.public_id}/cv/"

    response = signed_in(alice).get(own)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="CV Alice Martin.pdf"'
    assert downloaded(response) == small_pdf()
    assert downloaded(signed_in(carol).get(team)) == small_pdf()
    assert signed_in(erin).get(own).status_code == 404
    assert Client().get(own).status_code == 302  # to the sign-in page


def test_a_cv_whose_object_is_gone_answers_404(cohort, bucket, alice):
    application = ApplicationFactory(cohort=cohort, candidate=alice, complete=True)
    bucket.client.delete_object(Bucket=bucket.name, Key=f"private/{application.cv.name}")

    response = signed_in(alice).get(f"/mon-espace/candidatures/{application.public_id}/cv/")

    assert response.status_code == 404


def test_a_replaced_cv_leaves_only_the_new_object(
    alice_client, alice, cohort, bucket, django_capture_on_commit_callbacks
):
    start(alice_client, cohort)
    alice_client.post(step_url(cohort, "cv"), {"cv": pdf_upload(small_pdf(), name="ancien.pdf")})
    new = small_pdf() + b"%% version 2\n"
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(step_url(cohort, "cv"), {"cv": pdf_upload(new, name="nouveau.pdf")})

    application = Application.objects.get(candidate=alice)
    assert bucket.names() == [f"private/{application.cv.name}"]
    assert bucket.read(f"private/{application.cv.name}") == new


def test_retention_deletes_the_cv_object_with_the_draft(
    db, bucket, settings, django_capture_on_commit_callbacks
):
    settings.RETENTION_NOTICE_DAYS = 30
    cohort = CohortFactory(
        application_call_opens_at=datetime.datetime(2017, 9, 27, tzinfo=PARIS),
        application_call_closes_at=datetime.datetime(2017, 10, 27, 17, tzinfo=PARIS),
        starts_on=datetime.date(2018, 1, 15),
        draft_retention_days=30,
    )
    draft = ApplicationFactory(
        cohort=cohort, candidate=CandidateFactory(username="brouillon@exemple.fr"), complete=True
    )
    assert bucket.names() == [f"private/{draft.cv.name}"]

    with django_capture_on_commit_callbacks(execute=True):
        apply_retention(now=datetime.datetime(2017, 11, 26, 17, tzinfo=PARIS))

    assert not Application.objects.filter(pk=draft.pk).exists()
    assert bucket.names() == []


def test_the_storage_the_migrations_name_uses_the_backend_configured_at_runtime(bucket):
    # The applications' first migration builds eig.applications.storage.PrivateStorage().
    from_migration = eig.applications.storage.PrivateStorage()
    name = from_migration.save("cv/essai.pdf", io.BytesIO(small_pdf()))

    assert bucket.names() == ["private/cv/essai.pdf"]
    assert private_storage.open(name).read() == small_pdf()
    assert from_migration.deconstruct() == ("eig.storage.PrivateStorage", (), {})
    private_storage.delete(name)
    assert bucket.names() == []


def test_private_files_have_no_url_on_the_object_storage_either(bucket):
    with pytest.raises(ValueError, match="no URL"):
        PrivateStorage().url("cv/essai.pdf")


def png():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def test_wagtail_images_are_stored_privately_and_served_by_the_site_cacheably(bucket, db):
    image = Image.objects.create(title="Promotion", file=ImageFile(io.BytesIO(png()), "p.png"))
    rendition = image.get_rendition("fill-20x20")

    assert rendition.url.startswith("/media/images/")  # the site's address, never the bucket's
    assert f"media/{rendition.file.name}" in bucket.names()
    response = Client().get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert downloaded(response) == bucket.read(f"media/{rendition.file.name}")
    # Originals and anything outside the renditions stay unserved.
    assert Client().get(image.file.url).status_code == 404
    assert Client().get("/media/images/../private/cv/x.pdf").status_code == 404


def test_wagtail_documents_are_on_the_object_storage_and_served_by_wagtail(bucket, db):
    document = Document.objects.create(
        title="Règlement", file=SimpleUploadedFile("reglement.pdf", small_pdf())
    )

    assert f"media/{document.file.name}" in bucket.names()
    response = Client().get(document.url)
    assert response.status_code == 200
    assert downloaded(response) == small_pdf()


def storages_from_environment():
    """STORAGES as eig/settings.py makes it from the environment of the moment."""
    return runpy.run_path(str(Path(settings.BASE_DIR) / "eig" / "settings.py"))["STORAGES"]


def test_the_environment_chooses_the_object_storage(monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "eig-fichiers")
    monkeypatch.setenv("S3_ENDPOINT_URL", "https://s3.fr-par.scw.cloud")
    monkeypatch.setenv("S3_REGION", "fr-par")
    monkeypatch.setenv("S3_ADDRESSING_STYLE", "virtual")
    configured = storages_from_environment()
    private = configured["private"]["OPTIONS"]
    assert configured["private"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert configured["default"]["OPTIONS"]["location"] == "media"
    assert private["location"] == "private"
    assert private["bucket_name"] == "eig-fichiers"
    assert private["endpoint_url"] == "https://s3.fr-par.scw.cloud"
    assert private["region_name"] == "fr-par"
    assert private["default_acl"] is None
    assert private["client_config"].s3 == {"addressing_style": "virtual"}

    monkeypatch.setenv("S3_ADDRESSING_STYLE", "sideways")
    with pytest.raises(ImproperlyConfigured, match="S3_ADDRESSING_STYLE"):
        storages_from_environment()


def test_without_a_bucket_files_stay_on_the_local_disk(settings, monkeypatch):
    monkeypatch.delenv("S3_BUCKET", raising=False)
    assert storages_from_environment()["private"] == {"BACKEND": "eig.storage.LocalPrivateStorage"}
    name = private_storage.save("cv/essai.pdf", io.BytesIO(small_pdf()))
    assert (settings.PRIVATE_MEDIA_ROOT / name).read_bytes() == small_pdf()
    assert type(storages["private"]).__name__ == "LocalPrivateStorage"
