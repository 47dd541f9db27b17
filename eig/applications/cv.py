"""CVs: a PDF checked by its content, kept in the private storage, replaced without loss."""

import math
import os

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from pypdf import PdfReader

from eig.applications.models import CV_MAX_BYTES
from eig.applications.storage import cv_upload_path, private_storage

PDF_SIGNATURE = b"%PDF-"


def check_pdf(upload):
    """Raise ValidationError unless `upload` is a readable, unencrypted PDF of at most 5 MB.

    The name and the type the browser announces are ignored: only the content counts.
    """
    if upload.size > CV_MAX_BYTES:
        raise ValidationError(
            _("Ce fichier fait %(size)s : un CV doit faire %(limit)s au plus.")
            % {"size": readable_size(upload.size), "limit": readable_size(CV_MAX_BYTES)},
            code="too_large",
        )
    upload.seek(0)
    signature = upload.read(len(PDF_SIGNATURE))
    upload.seek(0)
    if signature != PDF_SIGNATURE:
        raise ValidationError(
            _("Ce fichier n’est pas un PDF. Enregistrez votre CV au format PDF, puis déposez-le."),
            code="not_pdf",
        )
    try:
        reader = PdfReader(upload)
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
    # pypdf reads untrusted bytes: any failure, whatever its type, means an unreadable file.
    except Exception:
        pages, encrypted = 0, False
    finally:
        upload.seek(0)
    if encrypted:
        raise ValidationError(
            _("Ce PDF est protégé par un mot de passe. Déposez une version sans protection."),
            code="encrypted",
        )
    if pages == 0:
        raise ValidationError(
            _("Ce PDF est illisible ou endommagé. Exportez à nouveau votre CV en PDF."),
            code="unreadable",
        )


def readable_size(size):
    """A size as people read it, « 245 ko », « 5,1 Mo »: rounded up, so a file over the limit
    never reads as the limit."""
    if size < 1024 * 1024:
        return _("%(size)s ko") % {"size": math.ceil(size / 1024)}
    tenths = math.ceil(size * 10 / (1024 * 1024))
    return _("%(size)s Mo") % {"size": floatformat(tenths / 10, -1)}


def replace_cv(*, application, upload):
    """Store a checked `upload` as the CV of `application`; the old file goes once committed."""
    previous = application.cv.name
    application.cv = private_storage.save(cv_upload_path(application, upload.name), upload)
    application.cv_filename = os.path.basename(upload.name)[:200]
    application.cv_size = upload.size
    application.save(update_fields=["cv", "cv_filename", "cv_size", "updated_at"])
    if previous and previous != application.cv.name:
        delete_cv_file_on_commit(previous)


def delete_cv_file_on_commit(name):
    # After the commit only: a rolled-back change must still find its file.
    transaction.on_commit(lambda: private_storage.delete(name))
