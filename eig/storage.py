"""Where uploaded files live: the local disk by default, an S3-compatible object storage when
S3_BUCKET is set, so that any web process can serve any file (settings.STORAGES).

Private files (CVs, proposals' attachments, profile photos) have no URL: only access-checked
views serve them, streamed through the site. Wagtail's images are public media, served by the
site's media view (eig.website.media), which the front cache may keep; Wagtail's documents go
through Wagtail's own view, which checks their collection's privacy.
"""

import logging
import os
from contextlib import contextmanager

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import transaction
from django.shortcuts import render
from django.utils.deconstruct import deconstructible
from django.utils.encoding import filepath_to_uri
from django.utils.translation import gettext_lazy as _
from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)

PRIVATE = "private"  # the alias of the private storage in settings.STORAGES
ADDRESSING_STYLES = ("auto", "path", "virtual")


class StorageUnavailable(Exception):
    """The storage did not answer (object storage down or unreachable, disk full): nothing was
    stored, read or deleted."""


UPLOAD_UNAVAILABLE = _(
    "Le stockage des fichiers ne répond pas : votre fichier n’a pas été enregistré. Réessayez "
    "dans quelques minutes ; le reste du formulaire est conservé."
)


def report_unavailable_upload(form, field):
    """Say by the file's field that the storage failed; the view re-renders the bound form, so
    nothing typed is lost (the CV's step words it its own way: its answers are already saved)."""
    form.add_error(field, UPLOAD_UNAVAILABLE)


@contextmanager
def unavailable_on_failure():
    """Turn the storage's own failures into StorageUnavailable; a missing file stays a
    FileNotFoundError, which views answer with a 404."""
    try:
        yield
    except FileNotFoundError:
        raise
    except (BotoCoreError, ClientError, OSError) as error:
        raise StorageUnavailable(str(error)) from error


def s3_storages(*, bucket, endpoint_url="", region="", access_key="", secret_key="", style=""):
    """The "default" (Wagtail's images and documents) and "private" entries of STORAGES, on one
    bucket under media/ and private/. Empty keys leave boto3 its usual credentials (its
    environment variables, an instance role)."""
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        # Private objects only: no ACL is ever sent, the bucket's policy keeps them private.
        "default_acl": None,
        # Never overwrite: a CV replaced in a transaction that rolls back must find its file.
        "file_overwrite": False,
        # An outage fails the request in seconds instead of holding it (and a draft's lock).
        "client_config": Config(
            s3={"addressing_style": style or "auto"},
            connect_timeout=3,
            read_timeout=10,
            retries={"mode": "standard", "max_attempts": 2},
        ),
    }
    return {
        "default": {
            "BACKEND": "eig.storage.MediaS3Storage",
            "OPTIONS": {**options, "location": "media"},
        },
        PRIVATE: {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**options, "location": "private"},
        },
    }


class MediaS3Storage(S3Storage):
    """Wagtail's files on the object storage, addressed through the site (MEDIA_URL): no signed
    URL expires in a cached page, and browsers never need to reach the bucket."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name)


class LocalPrivateStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT, read at each use so tests can move it."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)


@deconstructible
class PrivateStorage(Storage):
    """The storage STORAGES names "private" (the disk or the object storage), looked up at each
    use: the migrations name this class, whichever backend a deployment chooses. A failure of
    the backend raises StorageUnavailable."""

    @property
    def backend(self):
        return storages[PRIVATE]

    def open(self, name, mode="rb"):
        with unavailable_on_failure():
            opened = self.backend.open(name, mode)
            if "r" in mode:
                # An object storage's file downloads on first read: fetch it now, so that an
                # outage fails here, before a response has started.
                opened.seek(0)
            return opened

    def save(self, name, content, max_length=None):
        with unavailable_on_failure():
            return self.backend.save(name, content, max_length=max_length)

    def delete(self, name):
        with unavailable_on_failure():
            self.backend.delete(name)

    def exists(self, name):
        with unavailable_on_failure():
            return self.backend.exists(name)

    def size(self, name):
        with unavailable_on_failure():
            return self.backend.size(name)

    def listdir(self, path):
        with unavailable_on_failure():
            return self.backend.listdir(path)

    def get_modified_time(self, name):
        with unavailable_on_failure():
            return self.backend.get_modified_time(name)

    def get_available_name(self, name, max_length=None):
        with unavailable_on_failure():
            return self.backend.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.backend.generate_filename(filename)

    def url(self, name):
        raise ValueError("Private files have no URL: serve them through an access-checked view.")


private_storage = PrivateStorage()


def delete_after_commit(name):
    """Delete a private file once the change that replaced it commits (a rolled-back change must
    still find it). An outage by then leaves an orphan file, logged, not a failed request."""

    def delete():
        try:
            private_storage.delete(name)
        except StorageUnavailable:
            logger.warning("Storage unavailable: %s was not deleted", name)

    transaction.on_commit(delete)


class StorageUnavailableMiddleware:
    """A request the storage failed (a download, an upload no form caught, Wagtail's images and
    documents) gets a page saying so, with its 503, instead of a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, StorageUnavailable | BotoCoreError | ClientError):
            logger.error("Storage unavailable: %s", exception)
            return render(request, "storage_unavailable.html", {"breadcrumb_data": {}}, status=503)
        return None
