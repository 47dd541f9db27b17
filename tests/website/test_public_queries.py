"""A public page missing from the front cache is made quickly: its queries are counted and
bounded, and the challenge cards come from a cached fragment until a change gives the
fragments a new version (eig/website/templatetags/public_fragments.py)."""

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils.html import escape

from eig.challenges.models import Challenge
from eig.website.purge import FRAGMENTS_VERSION_KEY, new_fragments_version

# The page and the most queries it may make for a visitor once its fragments are cached (the
# first time after a change, each fragment stored costs a few more).
MAX_QUERIES = {
    "/": 20,
    "/defis/": 10,
    "/defis/signauxfaibles/": 6,
    "/promotions/2/": 14,
    "/presse/": 2,
    "/evenements/": 3,
}


# The English site (docs/i18n.md): the same pages under /en/, within the same ceilings, but for
# Wagtail's pages, routed from the active language's home: its locale, and the translation.
MAX_QUERIES |= {"/en" + url: ceiling for url, ceiling in MAX_QUERIES.items()}
MAX_QUERIES["/"] += 1
MAX_QUERIES["/en/"] += 2


@pytest.mark.parametrize("url", MAX_QUERIES)
def test_a_public_page_makes_a_bounded_number_of_queries(
    client, demo, url, django_assert_max_num_queries
):
    client.get(url)

    with django_assert_max_num_queries(MAX_QUERIES[url]):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("page", ["list", "promotion"])
def test_the_challenge_cards_are_kept_until_a_change(client, demo, page):
    cache.clear()
    challenge = Challenge.objects.published().select_related("cohort").get(slug="signauxfaibles")
    url = {
        "list": "/defis/?promotion=toutes",
        "promotion": f"/promotions/{challenge.cohort.number}/",
    }[page]
    assert escape(challenge.summary) in client.get(url).content.decode()

    # Changed behind the signals' back: the cached cards still show the old summary…
    Challenge.objects.filter(pk=challenge.pk).update(summary="Un résumé tout neuf.")
    assert "Un résumé tout neuf." not in client.get(url).content.decode()

    # …until a change gives the fragments a new version, as every save does.
    new_fragments_version()
    assert "Un résumé tout neuf." in client.get(url).content.decode()


def test_a_fragment_is_rendered_once_per_version_and_key(db):
    cache.delete(FRAGMENTS_VERSION_KEY)
    template = Template(
        '{% load public_fragments %}{% fragment "t" key %}{{ value }}{% endfragment %}'
    )

    def render(**context):
        return template.render(Context(context))

    assert render(key=1, value="a") == "a"
    assert render(key=1, value="b") == "a"  # kept
    assert render(key=2, value="b") == "b"  # another key, another fragment
    new_fragments_version()
    assert render(key=1, value="c") == "c"  # a change: rendered again
