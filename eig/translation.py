"""The public site in English (docs/i18n.md): which addresses, and which text of a record.

The programme's records (défis, promotions, events, the call for défis) are one row each, with
the English version of their public texts next to the French ones in `<field>_en`; a visitor of
the English site reads it when it is written, the French text otherwise.
"""

from django.conf import settings
from django.http import Http404
from django.urls import translate_url
from django.utils.translation import get_language

ENGLISH = "en"
ENGLISH_PREFIX = "/en/"


def english_path(path):
    """The address of the same public page on the English site."""
    return path if path.startswith(ENGLISH_PREFIX) else "/en" + path


def french_path(path):
    """The address of the same public page on the French site."""
    return path[len(ENGLISH_PREFIX) - 1 :] if path.startswith(ENGLISH_PREFIX) else path


def is_english():
    return get_language() == ENGLISH


def translated(obj, field):
    """The text of `field` in the active language, or the French one when it is not written."""
    if is_english():
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field)


def falls_back(obj, field):
    """Whether an English visitor reads `field` in French (no English text yet)."""
    return is_english() and not getattr(obj, f"{field}_en", "")


def any_falls_back(objects, fields):
    """Whether an English visitor reads in French any of `fields` that `objects` show: a text
    written in French without its English version. One notice per page says so."""
    return is_english() and any(
        getattr(obj, field) and not getattr(obj, f"{field}_en", "")
        for obj in objects
        for field in fields
    )


class EnglishSiteMiddleware:
    """Under /en/, only the public site's pages: sign-in, the spaces and the forms stay French.

    The public pages are the views marked public (eig.accounts.access) and Wagtail's pages; a
    signed-in person's page under /en/ does not exist (404), as its address was never given.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(ENGLISH_PREFIX):
            return None
        if public_view(view_func):
            return None
        raise Http404


def public_view(view_func):
    return getattr(view_func, "access_public", False) or getattr(
        view_func, "access_delegated", False
    )


def language_links(request):
    """Context: the same public page's address in each language, for the language switcher and
    the `hreflang` links; nothing on the pages that exist in French only."""
    # The menu marks its current item by the French address (the same under /en/).
    path = french_path(request.path)
    home = {"home_path": "/en/" if is_english() else "/", "path_in_french": path}
    match = getattr(request, "resolver_match", None)
    if match is None or not public_view(match.func):
        return home
    addresses = {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}
    if len(set(addresses.values())) < len(addresses):
        return home
    site = settings.SITE_URL.rstrip("/")
    current = get_language()
    return {
        **home,
        "language_links": [
            {
                "code": code,
                "name": name,
                "path": addresses[code],
                "url": site + addresses[code],
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ],
        "default_language_url": site + addresses[settings.LANGUAGE_CODE],
    }
