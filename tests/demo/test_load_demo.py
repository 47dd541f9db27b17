import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from wagtail.models import Page

from eig.challenges.models import Challenge, HostOrganisation
from eig.cohorts.models import Cohort
from eig.demo.loader import (
    DEMO_PASSWORD,
    DEMO_SECOND_FACTOR_CODES,
    DEMO_USERNAME,
    load_demo_second_factor,
)

# Password checks need a request: django-axes counts failures per IP address.
SIGN_IN_REQUEST = RequestFactory().post("/admin/login/")


def test_demo_loads_promotions_1_and_2(demo):
    assert list(Cohort.objects.values_list("number", "year", "fellows_count")) == [
        (1, 2017, 11),
        (2, 2018, 27),
    ]
    assert Challenge.objects.filter(cohort__number=1).count() == 9
    assert Challenge.objects.filter(cohort__number=2).count() == 13
    assert HostOrganisation.objects.filter(challenges__cohort__number=2).distinct().count() >= 10
    assert Page.objects.filter(slug="faq").exists()


def test_demo_account_signs_in_to_the_admin(client, demo):
    user = authenticate(SIGN_IN_REQUEST, username=DEMO_USERNAME, password=DEMO_PASSWORD)
    assert user is not None and not user.is_superuser

    client.force_login(user)

    assert client.get("/admin/").status_code == 200
    challenge = Challenge.objects.get(slug="hopkins")
    assert (
        client.get(f"/admin/snippets/challenges/challenge/edit/{challenge.pk}/").status_code == 200
    )


def test_command_refuses_to_run_outside_debug_without_force(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("load_demo")


def test_demo_team_member_signs_in_by_link_and_a_code_and_reaches_the_back_office(
    client, demo, mailoutbox, real_sign_in
):
    load_demo_second_factor()
    client.post("/connexion/", {"email": DEMO_USERNAME})
    link = re.search(r"https?://[^/\s]+(/connexion/lien/\S+/)", mailoutbox[0].body).group(1)

    client.post(link)
    # The code is still to give.
    asked = client.get("/equipe/candidatures/")
    assert asked["Location"].startswith("/compte/double-authentification/")
    client.post("/compte/double-authentification/", {"code": DEMO_SECOND_FACTOR_CODES[0]})

    assert client.get("/equipe/candidatures/").status_code == 200
