"""The one access rule (eig/accounts/access.py): its order, and roles asked once per request."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from eig.accounts.access import PROGRAMME_TEAM, Role, access, has_role
from eig.accounts.roles import is_programme_team


def test_the_team_role_reads_the_groups_once(carol, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert is_programme_team(carol)
        assert is_programme_team(carol)


def test_a_role_is_asked_once_per_request(carol):
    asked = []
    counted = Role("counted", lambda user: asked.append(user) or True)
    request = RequestFactory().get("/")
    request.user = carol
    assert has_role(request, counted) and has_role(request, counted)
    assert asked == [carol]


def test_the_order_is_sign_in_then_role_then_method(alice, carol, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import Http404

    view = access(PROGRAMME_TEAM)(lambda request: HttpResponse("ok"))

    anonymous = rf.post("/equipe/")
    anonymous.user = AnonymousUser()
    # Not 405: a visitor learns nothing.
    assert view(anonymous)["Location"] == "/connexion/?next=/equipe/"

    candidate = rf.post("/equipe/")
    candidate.user = alice
    with pytest.raises(Http404):  # not 405 either
        view(candidate)

    team = rf.post("/equipe/")
    team.user = carol
    refused = view(team)
    assert refused.status_code == 405
    assert "no-store" in refused["Cache-Control"]

    allowed = rf.get("/equipe/")
    allowed.user = carol
    answered = view(allowed)
    assert answered.status_code == 200
    assert "no-store" in answered["Cache-Control"]
    assert "private" in answered["Cache-Control"]


def test_a_view_needs_a_role():
    with pytest.raises(ValueError):
        access()
