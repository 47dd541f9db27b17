"""Two sensitive views around the site's own URLs, for tests/accounts/test_sessions.py."""

from django.http import HttpResponse
from django.urls import path

from eig import urls as site_urls
from eig.accounts.access import SIGNED_IN, access


@access(SIGNED_IN, sensitive=True)
def export(request):
    return HttpResponse("export", content_type="text/plain")


@access(SIGNED_IN, methods=("POST",), sensitive=True)
def send(request):
    """Says what it received: the typed message, and the names of the fields."""
    fields = ",".join(sorted(request.POST))
    return HttpResponse(f"{request.POST['message']}|{fields}", content_type="text/plain")


urlpatterns = [
    path("essai/export/", export),
    path("essai/envoi/", send),
    # The site's patterns themselves: i18n_patterns may not sit inside an include().
    *site_urls.urlpatterns,
]
