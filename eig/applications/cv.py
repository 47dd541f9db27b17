"""CVs: a PDF checked by its content, kept in the private storage, replaced without loss."""

import math
import os

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import floatformat
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from eig.applications.models import CV_MAX_BYTES
from eig.applications.storage import cv_upload_path, private_storage

PDF_SIGNATURE = b"%PDF-"
# What a PDF viewer could run or open when the team reads the CV, in the order the message
# names them: such a PDF is refused (rather than cleaned, which could change what it shows).
ACTIVE_CONTENT = {
    "javascript": gettext_lazy("du JavaScript"),
    "launch": gettext_lazy("une action qui ouvre un programme ou un fichier"),
    "embedded_file": gettext_lazy("des fichiers joints"),
    "xfa": gettext_lazy("un formulaire XFA"),
}
# A CV has a few hundred objects; reading more would hold the request for seconds (about
# 0.2 ms each): such a file is refused as unreadable.
MAX_OBJECTS = 20_000
# Keys of a dictionary that carry active content wherever they appear.
ACTIVE_KEYS = {
    "/JS": "javascript",
    "/JavaScript": "javascript",  # the document's named scripts
    "/EmbeddedFiles": "embedded_file",
    "/EF": "embedded_file",  # a file specification with the file inside
    "/XFA": "xfa",
}
# Values of /S (an action's type) or /Subtype (an annotation's) that are active content.
ACTIVE_TYPES = {
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/FileAttachment": "embedded_file",
}


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


def active_content(reader):
    """The kinds of ACTIVE_CONTENT found in the objects the document reaches from its root.

    Walked without recursion, each indirect object once, streams left undecoded; an object
    pypdf cannot read is skipped, as a viewer would. Raises ValueError past MAX_OBJECTS.
    """
    found = set()
    seen = set()
    stack = [reader.trailer.raw_get("/Root")]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            if len(seen) > MAX_OBJECTS:
                raise ValueError("too many objects to check")
            try:
                item = item.get_object()
            except Exception:
                continue
        if isinstance(item, DictionaryObject):
            found.update(kind for key, kind in ACTIVE_KEYS.items() if key in item)
            for key in ("/S", "/Subtype"):
                kind = ACTIVE_TYPES.get(str(_resolved(item.raw_get(key)))) if key in item else None
                if kind:
                    found.add(kind)
            stack.extend(item.raw_get(key) for key in item)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return found


def _resolved(value):
    try:
        return value.get_object()
    except Exception:
        return None


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
