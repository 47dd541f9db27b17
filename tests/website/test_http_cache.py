"""What Django lets the front cache share (eig/http_cache.py): the public pages, for visitors
without a session only; never a form, a signed-in person's page, or an answer with a cookie."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import get_resolver
from wagtail.models import Page, PageViewRestriction

from eig.challenges.models import Challenge
from eig.http_cache import SharedCacheMiddleware, cacheable
from tests.security.helpers import directives

SHARED_PAGES = [
    "/",
    "/defis/",
    "/defis/?promotion=toutes&competence=",
    "/defis/signauxfaibles/",
    "/promotions/",
    "/promotions/2/",
    "/presse/",
    "/evenements/",
    "/faq/",
    "/reglement/",
    "/plan-du-site/",
    "/mentions-legales/",
]


def is_shared(response):
    cache = response.get("Cache-Control", "")
    return "public" in cache and "s-maxage" in cache


def is_never_stored(response):
    cache = response.get("Cache-Control", "")
    return "no-store" in cache and "private" in cache and "public" not in cache


@pytest.mark.parametrize("url", SHARED_PAGES)
def test_a_public_page_is_shared_with_every_visitor(client, demo, settings, url):
    settings.PUBLIC_CACHE_SECONDS = 120

    response = client.get(url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=120"
    assert not response.cookies
    # One copy for everyone: no nonce, that every visitor would know; no inline script runs.
    policy = response["Content-Security-Policy"]
    assert "nonce-" not in policy
    assert directives(policy)["script-src"] == ["'self'"]
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("url", ["/", "/defis/", "/presse/", "/faq/"])
def test_a_signed_in_person_s_page_is_never_stored(client, demo, alice, url):
    client.force_login(alice)

    response = client.get(url)

    assert response.status_code == 200
    assert is_never_stored(response)
    assert "nonce-" in response["Content-Security-Policy"]


def test_a_visitor_with_a_session_gets_a_page_of_their_own(client, demo):
    session = client.session
    session["seen"] = True
    session.save()

    response = client.get("/defis/")

    assert is_never_stored(response)


def test_a_page_showing_a_message_is_never_shared(client, demo):
    # A message waiting for the next page (after signing out, the session gone: in a cookie).
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies["messages"] = storage._encode([Message(constants.INFO, "À bientôt !")])

    response = client.get("/")

    assert "À bientôt !" in response.content.decode()
    assert is_never_stored(response)


@pytest.mark.parametrize("url", ["/connexion/", "/candidater/", "/nulle-part/"])
def test_sign_in_forms_and_errors_are_never_stored(client, demo, url):
    response = client.get(url)

    assert not is_shared(response)
    assert is_never_stored(response)


def test_a_post_to_a_public_page_is_never_stored(client, demo):
    response = client.post("/defis/")

    assert response.status_code == 405
    assert is_never_stored(response)


def test_a_page_behind_a_password_is_never_shared(client, demo):
    page = Page.objects.get(url_path__endswith="/faq/", locale__language_code="fr")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    response = client.get("/faq/")

    assert response.status_code == 200  # Wagtail's password form
    assert not is_shared(response)


def test_an_unpublished_challenge_is_a_404_never_stored(client, demo):
    challenge = Challenge.objects.filter(status=Challenge.Status.DRAFT).first()
    url = f"/defis/{challenge.slug}/" if challenge else "/defis/pas-de-tel-defi/"

    response = client.get(url)

    assert response.status_code == 404
    assert is_never_stored(response)


def test_only_public_read_only_views_are_cacheable():
    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from walk(pattern.url_patterns)
            else:
                yield pattern

    patterns = walk(get_resolver().url_patterns)
    cacheable = [p for p in patterns if getattr(p.callback, "cacheable", False)]

    assert {p.name for p in cacheable} >= {
        "challenge_list",
        "challenge_detail",
        "cohort_list",
        "cohort_detail",
        "press",
        "events",
    }
    for pattern in cacheable:
        assert getattr(pattern.callback, "access_public", False), pattern.name
        assert set(pattern.callback.access_methods) <= {"GET", "HEAD"}, pattern.name


def through_the_middleware(view, session=None):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.session = session or SessionStore()
    return SharedCacheMiddleware(cacheable(view))(request)


def test_a_page_with_a_form_token_is_never_shared():
    # The CSRF cookie is set after this middleware: the token's use is what tells.
    response = through_the_middleware(lambda request: HttpResponse(get_token(request)))

    assert is_never_stored(response)


def test_a_page_that_starts_a_session_is_never_shared():
    def view(request):
        request.session["choice"] = "x"
        return HttpResponse("ok")

    assert is_never_stored(through_the_middleware(view))


def test_the_same_page_without_them_is_shared():
    assert is_shared(through_the_middleware(lambda request: HttpResponse("ok")))
