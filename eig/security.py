"""Security headers beyond Django's own: the Content-Security-Policy (django-csp, with a looser
policy for Wagtail's admin), Permissions-Policy, and no-store on the pages of signed-in people."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

# Wagtail's admin writes inline scripts without a nonce (choosers, date pickers, inline panels)
# and style attributes: on its pages, used by the programme's staff only, they may run. A nonce
# in script-src would make browsers ignore 'unsafe-inline', so none is given there.
ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],  # previews of images before their upload
}

# Browser features no page of the platform uses, refused to its pages and to anything they frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
)


def is_admin_path(request):
    return request.path.startswith(reverse("wagtailadmin_home"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_request(self, request):
        super().process_request(request)
        # django-dsfr writes the nonce on its scripts only if the nonce is true, and django-csp's
        # nonce is false until it is read: read it, so every page has one.
        str(request.csp_nonce)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and is_admin_path(request):
            parts.replace = {**ADMIN_DIRECTIVES, **(parts.replace or {})}
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class NoStoreForSignedInMiddleware:
    """A page shown to a signed-in person has at least their name on it: no cache may keep it.

    The views behind `access()` say so themselves; this covers the others (public pages, sign-in
    pages, Wagtail's) unless the view chose its own Cache-Control (Wagtail's images do).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            add_never_cache_headers(response)
        return response
