"""PDF files sent by people (CVs, proposals' attachments): read by their content, never by their
name, and refused when a viewer could run or open something from them."""

import math

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

PDF_SIGNATURE = b"%PDF-"
# What a PDF viewer could run or open when the team reads the file, in the order the message
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


def has_pdf_signature(upload):
    """Whether `upload` starts as a PDF does; the file is read from its start again after."""
    upload.seek(0)
    signature = upload.read(len(PDF_SIGNATURE))
    upload.seek(0)
    return signature == PDF_SIGNATURE


def inspect(upload):
    """(encrypted, pages, active content found) of a PDF; (False, 0, set()) if unreadable."""
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
    return encrypted, pages, found


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


def active_content_names(found):
    """The kinds found, as the message names them, in the order of ACTIVE_CONTENT."""
    return [str(label) for kind, label in ACTIVE_CONTENT.items() if kind in found]


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
