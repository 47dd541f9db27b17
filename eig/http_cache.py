"""What the front cache (Varnish, deploy/varnish.vcl) may keep: the decision is Django's.

A view opts in with `@cacheable`; its answer is then marked `public, s-maxage` only for a
visitor who is not signed in, has no session, gets no cookie, asked with GET or HEAD and got a
200. Every other answer to a visitor is `no-store`, like every page of a signed-in person
(eig.security.NoStoreForSignedInMiddleware): a page shown to one person is never served to
another. The front cache then only has to obey these headers; its own bypass list is defence.
"""

import functools

from csp.constants import SELF
from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control


def cacheable(view):
    """An answer of `view` to a visitor may be shared with every other visitor."""

    @functools.wraps(view)
    def marked(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.cacheable = True
        return response

    marked.cacheable = True
    return marked


def is_shareable(request, response):
    return (
        getattr(response, "cacheable", False)
        and request.method in ("GET", "HEAD")
        and response.status_code == 200
        # First the cookie: without one, asking whether the person is signed in costs no query.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.user.is_authenticated
        and not response.cookies
        # Cookies the outer middlewares will set: a form's CSRF token, a new session.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(getattr(request, "session", None), "modified", False)
        and "Cache-Control" not in response
    )


class SharedCacheMiddleware:
    """After the authentication, before NoStoreForSignedInMiddleware (which answers first for
    signed-in people): marks the shareable answers, and forbids caching any other a visitor gets.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_shareable(request, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.PUBLIC_CACHE_SECONDS
            )
            # The same copy goes to every visitor, so a nonce in it would be known to all: these
            # pages run no inline script, and their scripts come from the site itself.
            response._csp_replace = {**getattr(response, "_csp_replace", {}), "script-src": [SELF]}
        elif "Cache-Control" not in response:
            add_never_cache_headers(response)
        return response


def cacheable_pages(serve_page):
    """Wagtail's `on_serve_page` hook: its pages are cacheable as the views marked so (a page
    with view restrictions gets Wagtail's own no-cache headers, which win)."""

    def serve(page, request, args, kwargs):
        response = serve_page(page, request, args, kwargs)
        response.cacheable = True
        return response

    return serve
