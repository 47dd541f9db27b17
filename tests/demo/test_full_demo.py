"""The whole demo, as `make run` loads it: loaded once for this module (tests/conftest.py,
`full_demo`), each test reading it or changing it in its own rolled back transaction."""

import itertools
from collections import Counter

from django.apps import apps
from django.contrib.auth import authenticate
from django.core import serializers
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.models import Page, Revision

from eig.applications.models import Application, content_digest
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.demo.loader import DEMO_PASSWORD, DEMO_SECOND_FACTOR_CODES, DEMO_USERNAME, load_demo
from eig.selection.models import Review

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


def test_loading_twice_changes_nothing(full_demo):
    before = snapshot()
    revisions = Revision.objects.count()

    load_demo()

    assert snapshot() == before
    assert Revision.objects.count() == revisions


def test_loading_keeps_the_teams_edits_of_pages(full_demo):
    faq = Page.objects.get(slug="faq", locale__language_code="fr").specific
    faq.title = "FAQ revue par l'équipe"
    faq.save_revision().publish()

    load_demo()

    faq = Page.objects.get(slug="faq", locale__language_code="fr")
    assert faq.title == "FAQ revue par l'équipe"


def test_the_command_prints_the_back_office_login_and_the_second_factor(
    full_demo, settings, capsys
):
    settings.DEBUG = True

    call_command("load_demo")

    out = capsys.readouterr().out
    assert f"« {DEMO_USERNAME} »" in out
    assert f"« {DEMO_SECOND_FACTOR_CODES[0]} »" in out


def test_demo_has_an_open_call_to_try_the_form(full_demo):
    cohort = Cohort.objects.get(number=3)
    assert cohort.is_application_call_open()
    assert cohort.challenges.filter(status=Challenge.Status.OPEN).count() == 4


def test_demo_adds_synthetic_applications_to_promotion_2(full_demo):
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


def test_every_demo_candidate_who_applied_gets_the_receipt_of_their_submission(client, full_demo):
    applied = Application.objects.exclude(status=Application.Status.DRAFT).prefetch_related(
        "submissions"
    )
    assert applied.count() > 250
    for application in applied:
        [submission] = application.submissions.all()
        assert submission.at == application.submitted_at
        assert submission.snapshot and submission.digest == content_digest(application)
    sample = applied.filter(status=Application.Status.REJECTED).first()
    client.force_login(sample.candidate)

    response = client.get(f"/mon-espace/candidatures/{sample.public_id}/recepisse/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_demo_applications_are_spread_over_the_stages_with_their_history(full_demo):
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


def test_demo_has_reviews_in_various_states_that_the_team_can_read(client, full_demo):
    reviews = Review.objects.filter(assignment__reviewer__cohort__number=2)
    assert reviews.filter(status="submitted").count() > 200
    assert reviews.exclude(status="submitted").exists()
    client.force_login(
        authenticate(SIGN_IN_REQUEST, username=DEMO_USERNAME, password=DEMO_PASSWORD)
    )
    response = client.get("/equipe/selection/2/notes/")
    assert response.status_code == 200
    assert "calibr" in response.content.decode().lower()
