"""Wagtail's site for a request to one of its pages, found once per process and version of the
public fragments rather than once per request (the lookup is a query, and so was its root page).

A change of a site or of a page gives the fragments a new version (eig.website.purge): the site
and root page kept here are then read again.
"""

from wagtail import views as wagtail_views
from wagtail.models import Site

from eig.website.purge import kept


def _site_with_root_page(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 (read now, kept with the site)
    return site


class KnownSiteMiddleware:
    """Before Wagtail routes a request to a page, hands it the site kept for the request's host."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_site"):
            host = (request._get_raw_host(), request.get_port())
            request._wagtail_site = kept(
                request, ("site", *host), lambda: _site_with_root_page(request)
            )
