"""Wagtail's images, the site's public media, read from the storage (the disk or the object
storage) by the web process: the address never expires, so pages that show images stay
cacheable, and the front cache keeps the images too."""

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

from eig.accounts.access import public

# The renditions Wagtail makes of its images, which pages show. Originals (with their metadata)
# stay unserved; documents go through Wagtail's view, which checks their privacy.
PUBLIC_FOLDERS = ("images/",)
# A rendition's name changes with its filter: a day is long enough for the caches, short enough
# for an image replaced under the same name.
MAX_AGE = 24 * 60 * 60


@public()
def media(request, name):
    if posixpath.normpath(name) != name or not name.startswith(PUBLIC_FOLDERS):
        raise Http404
    try:
        image = default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type, _encoding = mimetypes.guess_type(name)
    response = FileResponse(image, content_type=content_type or "application/octet-stream")
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
