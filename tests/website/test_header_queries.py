"""The header's spaces cost a bounded number of queries on every page, whatever the roles."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from eig.accounts.access import PROGRAMME_TEAM, has_role
from eig.website.spaces import spaces_of
from tests.factories import ApplicationFactory, InterviewSlotFactory


def request_of(user, session=None):
    request = RequestFactory().get("/")
    request.user, request.session = user, session or {}
    return request


def test_every_role_of_the_header_is_asked_in_one_query_then_the_applications(bob, mentor, cohort):
    mentor.user = bob.user
    mentor.save()
    InterviewSlotFactory(panel=[bob.user])
    ApplicationFactory(cohort=cohort, candidate=bob.user)
    request = request_of(bob.user)
    has_role(request, PROGRAMME_TEAM)  # asked by the security middleware before any page

    with CaptureQueriesContext(connection) as queries:
        keys = [space.key for space in spaces_of(request)]
        spaces_of(request)  # the header and the page ask again: kept on the request

    assert keys == ["jury", "panel", "mentor", "candidate"]
    assert len(queries) == 2


def test_a_fellow_s_header_asks_two_questions(alice, erin):
    request = request_of(alice)
    has_role(request, PROGRAMME_TEAM)

    with CaptureQueriesContext(connection) as queries:
        keys = [space.key for space in spaces_of(request)]

    assert keys == ["candidate"]
    assert len(queries) == 1  # no role: a candidate, without asking for the applications


def test_a_signed_in_public_page_asks_every_role_in_one_query(client, bob, mentor):
    mentor.user = bob.user
    mentor.save()
    client.force_login(bob.user)
    client.get("/presse/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/presse/")

    role_tables = ("selection_reviewer", "challenges_mentor", "auditions_interviewslot")
    asking_roles = [q["sql"] for q in queries if any(t in q["sql"] for t in role_tables)]
    assert len(asking_roles) == 1
    html = response.content.decode()
    assert 'href="/jury/"' in html and 'href="/mentor/"' in html
