from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from eig.accounts.access import delegated
from eig.accounts.views import AdminLoginView
from eig.opendata import api as opendata_api
from eig.proposals import views as proposal_views
from eig.website import media, views


def delegate(patterns):
    """Mark every view of a library's URL conf as checking access itself (see eig.accounts.access).

    Wagtail's admin has its own sign-in and permissions, its pages and documents their own
    privacy settings: the platform's sign-in rule must not send their visitors elsewhere.
    """
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            delegate(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            delegated(pattern.callback)
    return patterns


def delegated_include(urlconf):
    urlconf_module, app_name, namespace = include(urlconf)
    delegate(getattr(urlconf_module, "urlpatterns", urlconf_module))
    return urlconf_module, app_name, namespace


def editorial_page(route, name):
    """A Wagtail page at a fixed address, with a URL name for templates (footer links)."""
    return path(route, delegated(wagtail_views.serve), {"path": route}, name=name)


urlpatterns = [
    # Before Wagtail's own: its password sign-in lands on the person's space, as every other.
    path("admin/login/", delegated(AdminLoginView.as_view()), name="wagtailadmin_login"),
    path("admin/", delegated_include(wagtailadmin_urls)),
    path("documents/", delegated_include(wagtaildocs_urls)),
]
# The public site, in French at these addresses and in English under /en/ (docs/i18n.md): the
# language comes from the address only, never from the browser (eig.translation).
urlpatterns += i18n_patterns(
    path("defis/", views.challenge_list, name="challenge_list"),
    path("defis/<slug:slug>/", views.challenge_detail, name="challenge_detail"),
    path("promotions/", views.cohort_list, name="cohort_list"),
    path("promotions/<int:number>/", views.cohort_detail, name="cohort_detail"),
    path("presse/", views.press, name="press"),
    path("evenements/", views.events, name="events"),
    path("actualites/rss.xml", views.news_rss, name="news_rss"),
    path("actualites/atom.xml", views.news_atom, name="news_atom"),
    # Their signed-in pages (a promotion's space, registrations) are not under /en/.
    path("", include("eig.opendata.urls")),
    path("", include("eig.community.urls")),
    path("appel-a-defis/", proposal_views.call_page, name="challenge_call"),
    editorial_page("faq/", "faq"),
    editorial_page("reglement/", "rules"),
    editorial_page("plan-du-site/", "footer-sitemap"),
    editorial_page("accessibilite/", "footer-accessibility-status"),
    editorial_page("mentions-legales/", "footer-legal-notice"),
    editorial_page("donnees-personnelles/", "footer-personal-data"),
    editorial_page("gestion-des-cookies/", "footer-cookie-management"),
    prefix_default_language=False,
)
urlpatterns += [
    path("mes-espaces/", views.my_spaces, name="my_spaces"),
    path("api/v1/", opendata_api.urls()),
    path("", include("eig.accounts.urls")),
    path("", include("eig.applications.urls")),
    path("mon-espace/audition/", include("eig.auditions.candidate_urls")),
    path("equipe/annonces/", include("eig.communications.urls")),
    path("equipe/journal/", include("eig.audit.urls")),
    path("equipe/auditions/", include("eig.auditions.urls")),
    path("equipe/selection/", include("eig.selection.urls")),
    path("equipe/decisions/", include("eig.decisions.urls")),
    path("equipe/equipes/", include("eig.teams.urls")),
    path("", include("eig.challenge_jury.urls")),
    path("equipe/", include("eig.backoffice.urls")),
    path("jury/", include("eig.selection.reviewer_urls")),
    path("mentor/", include("eig.selection.mentor_urls")),
    path("administration/", include("eig.proposals.urls")),
]

if settings.DEBUG and not settings.S3_BUCKET:
    from django.conf.urls.static import static

    urlpatterns += delegate(static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT))
# Wagtail's images, from the disk or the object storage, for any process (eig.website.media).
urlpatterns.append(path("media/<path:name>", media.media, name="media"))

# Last: Wagtail's pages, the French tree at the root and the English one under /en/.
urlpatterns += i18n_patterns(
    path("", delegated_include(wagtail_urls)), prefix_default_language=False
)

handler404 = "eig.website.views.page_not_found"
handler500 = "eig.website.views.server_error"
