"""A public page missing from the front cache costs a few queries and one read of the shared cache
(docs/production.md, « Les pages publiques absentes du cache »): its content is a fragment whose
data is only read when it is rendered; the version of the fragments is read once per request,
each process keeps its copies of the fragments, the programme and the Wagtail site per version."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort, Programme
from eig.website.purge import new_fragments_version
from tests.factories import ChallengeFactory, EventFactory, MentorFactory, PressItemFactory

# The most queries a page may make for an anonymous visitor once its fragment is kept.
FRONT_MISS_QUERIES = {
    # The fragments' version; Wagtail: the page's locale, its ancestors, its view restrictions.
    "/": 4,
    "/defis/": 1,  # the version
    "/defis/signauxfaibles/": 2,  # the version, the défi (its title, or a 404)
    "/promotions/2/": 2,  # the version, the promotion (its title, or a 404)
    "/presse/": 1,
    "/evenements/": 1,
}
# The English site: the same, but for Wagtail's home, routed from the English tree.
FRONT_MISS_QUERIES |= {"/en" + url: ceiling for url, ceiling in FRONT_MISS_QUERIES.items()}
FRONT_MISS_QUERIES["/en/"] += 2


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def cache_reads(queries):
    return [sql for sql in queries if '"value", "expires" FROM "eig_cache"' in sql]


@pytest.mark.parametrize("url", FRONT_MISS_QUERIES)
def test_a_page_missing_from_the_front_cache_makes_few_queries_and_one_cache_read(
    client, demo, url
):
    client.get(url)  # the fragment rendered and kept, the programme and the site read

    queries = queries_of(client, url)

    assert len(queries) <= FRONT_MISS_QUERIES[url], queries
    assert len(cache_reads(queries)) == 1  # the version: the fragment is this process's copy


@pytest.mark.parametrize("url", FRONT_MISS_QUERIES)
def test_a_front_miss_does_not_grow_with_the_data(client, demo, url):
    client.get(url)
    before = len(queries_of(client, url))
    cohort = Cohort.objects.get(number=2)
    for index in range(15):
        MentorFactory(challenge=ChallengeFactory(cohort=cohort))
        PressItemFactory()
        EventFactory(cohort=cohort, title=f"Atelier {index}")
    new_fragments_version()  # as the saves do once committed

    client.get(url)  # rendered again, with the new records
    assert len(queries_of(client, url)) == before


def test_another_process_copy_is_read_from_the_shared_cache_once(client, demo):
    from eig.website.templatetags import public_fragments

    client.get("/presse/")
    public_fragments.forget_copies()  # as in a process that has not rendered the page yet

    assert len(cache_reads(queries_of(client, "/presse/"))) == 2  # the version, the fragment
    assert len(cache_reads(queries_of(client, "/presse/"))) == 1  # then its own copy


def test_the_page_content_is_not_read_when_its_fragment_is_kept(client, demo):
    client.get("/promotions/2/")

    queries = " ".join(queries_of(client, "/promotions/2/"))

    for table in ("challenges_challenge", "events_event", "cohorts_selectioncriterion"):
        assert table not in queries


def test_a_saved_change_reaches_the_kept_fragments_programme_and_site(
    client, demo, django_capture_on_commit_callbacks
):
    for url in ("/", "/defis/?promotion=toutes"):
        client.get(url)
    assert "wagtailcore_site" not in " ".join(queries_of(client, "/"))  # the site is kept
    programme = Programme.objects.get()
    challenge = Challenge.objects.published().get(slug="signauxfaibles")

    with django_capture_on_commit_callbacks(execute=True):
        programme.name = "Programme renommé"
        programme.save()
        challenge.summary = "Un résumé tout neuf."
        challenge.save()

    assert "wagtailcore_site" in " ".join(queries_of(client, "/"))  # read again
    assert "Programme renommé" in client.get("/").content.decode()
    assert "Un résumé tout neuf." in client.get("/defis/?promotion=toutes").content.decode()
