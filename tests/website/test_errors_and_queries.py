import pytest
from django.contrib.auth import get_user
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.functional import SimpleLazyObject

from eig.challenges.models import Skill
from eig.cohorts.models import Cohort
from eig.website.purge import new_fragments_version
from eig.website.views import server_error
from tests.factories import ChallengeFactory, EventFactory, MentorFactory, PressItemFactory

LIST_PAGES = [
    "/",
    "/defis/",
    "/defis/?promotion=toutes",
    "/promotions/",
    "/promotions/2/",
    "/presse/",
    "/evenements/",
]


def test_unknown_address_gives_the_dsfr_404_page(client, demo):
    response = client.get("/nulle-part/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page non trouvée" in html
    assert "fr-footer" in html


def test_server_error_page_is_dsfr_and_needs_no_database(db, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.session = SessionStore()  # a visitor with a session: still no query
    request.user = SimpleLazyObject(lambda: get_user(request))

    with django_assert_num_queries(0):
        response = server_error(request)

    assert response.status_code == 500
    assert "Erreur inattendue" in response.content.decode()
    assert "fr-footer" in response.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", LIST_PAGES)
def test_list_pages_queries_stay_bounded_as_the_data_grows(client, demo, url):
    # Measured on a miss of the cached fragments (a new version drops them), as after a change.
    count_queries(client, url)
    new_fragments_version()
    before = count_queries(client, url)
    cohort = Cohort.objects.get(number=2)
    skills = list(Skill.objects.all()[:3])
    for index in range(15):
        challenge = ChallengeFactory(cohort=cohort, skills=skills)
        MentorFactory(challenge=challenge)
        PressItemFactory()
        EventFactory(cohort=cohort, title=f"Atelier {index}")

    new_fragments_version()
    after = count_queries(client, url)

    # Each page's own ceiling is in test_public_queries.py.
    assert after == before
