"""A candidate's session skips the second-factor and team questions on a candidate's pages
(eig.accounts.security.asks_nothing); everyone else still meets their steps."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django_otp.plugins.otp_totp.models import TOTPDevice

from eig.accounts.roles import PROGRAMME_TEAM_GROUP, is_programme_team
from eig.accounts.security import PLAIN_ACCOUNT, Step
from tests.accounts.helpers import ask_for_link, link_path
from tests.accounts.second_factor import FORCE_LOGIN

pytestmark = pytest.mark.django_db

CANDIDATE_PAGE = "/mon-espace/"
TEAM_PAGE = "/equipe/candidatures/"
TABLES = ("otp_totp_totpdevice", "otp_static_staticdevice", "auth_user_groups")


def tables_asked(client, path):
    """How many queries read each table the steps ask about."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    queries = [query["sql"] for query in captured.captured_queries]
    return response, {table: sum(f'"{table}"' in sql for sql in queries) for table in TABLES}


def test_a_candidate_signed_in_by_link_is_not_asked_the_staff_questions(client, alice, mailoutbox):
    ask_for_link(client, alice.email)
    client.post(link_path(mailoutbox[-1]))
    assert client.session[PLAIN_ACCOUNT] is True

    response, asked = tables_asked(client, CANDIDATE_PAGE)

    # No second-factor question; the team's is asked with the header's other roles, once.
    assert response.status_code == 200
    assert asked == {"otp_totp_totpdevice": 0, "otp_static_staticdevice": 0, "auth_user_groups": 1}


def test_the_team_signing_in_is_not_a_plain_account(client, carol):
    FORCE_LOGIN(client, carol)
    assert client.session[PLAIN_ACCOUNT] is False


def test_a_candidate_made_team_member_meets_the_set_up_at_the_first_team_page(client, alice):
    FORCE_LOGIN(client, alice)
    alice.groups.add(Group.objects.get_or_create(name=PROGRAMME_TEAM_GROUP)[0])

    response = client.get(TEAM_PAGE)

    # Not yet trusted as staff: this browser is confirmed first, then the app is set up.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(Step.CONFIRM_BROWSER.value))


def test_an_account_with_a_second_factor_gives_its_code_even_on_a_candidates_page(client, alice):
    TOTPDevice.objects.create(user=alice, name="Téléphone", confirmed=True)
    FORCE_LOGIN(client, alice)

    response = client.get(CANDIDATE_PAGE)

    assert client.session[PLAIN_ACCOUNT] is False
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(Step.VERIFY.value))


def test_the_team_question_is_asked_once_through_the_requests_lazy_user(carol):
    request = RequestFactory().get("/")
    request.user = SimpleLazyObject(lambda: carol)
    with CaptureQueriesContext(connection) as captured:
        assert is_programme_team(request.user)
        assert is_programme_team(request.user)
    assert len(captured.captured_queries) == 1
