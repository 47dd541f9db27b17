"""CVs: a PDF checked by its content, kept in the private storage, replaced without loss."""

import os

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from pypdf import PdfReader

from eig.applications.models import CV_MAX_BYTES
from eig.applications.storage import cv_upload_path, private_storage
from eig.pdf_files import ACTIVE_CONTENT, PDF_SIGNATURE, active_content, readable_size


def check_pdf(upload):
    """Raise ValidationError unless `upload` is a readable, unencrypted PDF of at most 5 MB,
    with nothing a viewer could run or open (see ACTIVE_CONTENT).

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
        found = active_content(reader) if pages else set()
    # pypdf reads untrusted bytes: any failure, whatever its type, means an unreadable file.
    except Exception:
        pages, encrypted, found = 0, False, set()
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
    if found:
        names = [str(label) for kind, label in ACTIVE_CONTENT.items() if kind in found]
        raise ValidationError(
            _(
                "Ce PDF contient %(found)s : par sécurité, il n’est pas accepté. Enregistrez "
                "votre CV de nouveau sans ces éléments, par exemple avec « Imprimer » puis "
                "« Enregistrer au format PDF », et déposez-le."
            )
            % {"found": get_text_list(names, _("et"))},
            code="active_content",
        )


def unavailable_message(*, kept):
    """What the CV's field says when the storage could not keep the file: nothing else is lost."""
    if kept:
        return _(
            "Le service qui conserve les fichiers ne répond pas : ce CV n’a pas pu être "
            "enregistré et votre CV précédent est conservé. Vos autres réponses sont "
            "enregistrées ; déposez ce fichier à nouveau dans quelques minutes."
        )
    return _(
        "Le service qui conserve les fichiers ne répond pas : votre CV n’a pas pu être "
        "enregistré. Vos autres réponses sont enregistrées ; déposez ce fichier à nouveau dans "
        "quelques minutes."
    )


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
