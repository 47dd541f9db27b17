import itertools
import re
from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from wagtail.models import Page, Revision

from eig.applications.models import Application
from eig.challenges.models import Challenge, HostOrganisation
from eig.cohorts.models import Cohort
from eig.demo.loader import (
    DEMO_PASSWORD,
    DEMO_SECOND_FACTOR_CODES,
    DEMO_USERNAME,
    load_demo,
    load_demo_second_factor,
)

# Password checks need a request: django-axes counts failures per IP address.
SIGN_IN_REQUEST = RequestFactory().post("/admin/login/")


def snapshot():
    """Every row of every table the demo touches, as comparable values."""
    tables = {}
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "django_tasks_db"}:
            continue
        tables[model._meta.label] = serializers.serialize("json", model.objects.order_by("pk"))
    return tables


def test_demo_loads_promotions_1_and_2(demo):
    assert list(Cohort.objects.values_list("number", "year", "fellows_count")) == [
        (1, 2017, 11),
        (2, 2018, 27),
    ]
    assert Challenge.objects.filter(cohort__number=1).count() == 9
    assert Challenge.objects.filter(cohort__number=2).count() == 13
    assert HostOrganisation.objects.filter(challenges__cohort__number=2).distinct().count() >= 10
    assert Page.objects.filter(slug="faq").exists()


def test_loading_twice_changes_nothing(db):
    load_demo()
    before = snapshot()
    revisions = Revision.objects.count()

    load_demo()

    assert snapshot() == before
    assert Revision.objects.count() == revisions


def test_loading_keeps_the_teams_edits_of_pages(demo):
    faq = Page.objects.get(slug="faq").specific
    faq.title = "FAQ revue par l'équipe"
    faq.save_revision().publish()

    load_demo()

    assert Page.objects.get(slug="faq").title == "FAQ revue par l'équipe"


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


def test_command_prints_the_back_office_login(db, settings, capsys):
    settings.DEBUG = True

    call_command("load_demo")

    assert f"« {DEMO_USERNAME} »" in capsys.readouterr().out


def test_demo_has_an_open_call_to_try_the_form(db):
    load_demo()

    cohort = Cohort.objects.get(number=3)
    assert cohort.is_application_call_open()
    assert cohort.challenges.filter(status=Challenge.Status.OPEN).count() == 4


def test_demo_adds_synthetic_applications_to_promotion_2(db):
    load_demo()

    applications = Application.objects.filter(cohort__number=2)
    assert 300 <= applications.count() <= 400
    assert applications.drafts().exists()
    submitted = applications.submitted()
    assert submitted.count() > 250
    calls_close = Cohort.objects.get(number=2).application_call_closes_at
    assert all(a.submitted_at < calls_close for a in submitted)
    assert all(1 <= a.choices.count() <= 3 for a in submitted.prefetch_related("choices"))
    sample = submitted.first()
    with sample.cv.open("rb") as cv:
        assert cv.read(5) == b"%PDF-"
    assert sample.candidate.has_usable_password() is False


def test_demo_applications_are_spread_over_the_stages_with_their_history(db):
    load_demo()

    applications = Application.objects.filter(cohort__number=2).prefetch_related("transitions")
    stages = Counter(application.status for application in applications)
    assert 50 <= stages[Application.Status.INVITED] <= 70
    assert 20 <= stages[Application.Status.SELECTED] <= 35
    assert stages[Application.Status.WAITLISTED] >= 2
    assert stages[Application.Status.REJECTED] > 20
    for application in applications.exclude(status=Application.Status.DRAFT):
        history = list(application.transitions.all())
        assert history[0].to_status == Application.Status.SUBMITTED
        assert history[-1].to_status == application.status
        assert all(
            later.from_status == earlier.to_status for earlier, later in itertools.pairwise(history)
        )
        assert all(t.reason for t in history if t.to_status == Application.Status.INELIGIBLE)


def test_demo_team_member_signs_in_by_link_and_a_code_and_reaches_the_back_office(
    client, demo, mailoutbox, real_sign_in
):
    load_demo_second_factor()
    client.post("/connexion/", {"email": DEMO_USERNAME})
    link = re.search(r"https?://[^/\s]+(/connexion/lien/\S+/)", mailoutbox[0].body).group(1)

    client.post(link)
    assert client.get("/equipe/candidatures/").status_code == 302  # the code is still to give
    client.post("/compte/double-authentification/", {"code": DEMO_SECOND_FACTOR_CODES[0]})

    assert client.get("/equipe/candidatures/").status_code == 200


def test_demo_has_reviews_in_various_states_that_the_team_can_read(client, db):
    from eig.selection.models import Review

    load_demo()

    reviews = Review.objects.filter(assignment__reviewer__cohort__number=2)
    assert reviews.filter(status="submitted").count() > 200
    assert reviews.exclude(status="submitted").exists()
    client.force_login(
        authenticate(SIGN_IN_REQUEST, username=DEMO_USERNAME, password=DEMO_PASSWORD)
    )
    html = client.get("/equipe/selection/2/notes/").content.decode()
    assert "calibr" in html.lower()
