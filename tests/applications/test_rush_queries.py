"""The queries of each request of the deadline rush (bench/deadline_rush.py), held to a budget.

Every query of these requests runs for each of the candidates of the last hour before the
deadline: a new one (a header's question, a check asked again, a list read twice) fails here
before it halves the submissions per second. The candidate signs in as by the e-mailed link,
without a second factor (Client.force_login as Django defines it, not the suite's default).
"""

import importlib.util
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext

from eig.applications.models import Application
from eig.cohorts.models import Cohort
from tests.accounts.second_factor import FORCE_LOGIN
from tests.factories import CandidateFactory

BENCH = Path(__file__).resolve().parents[2] / "bench" / "deadline_rush.py"

# Queries per request as the test database runs them, its savepoints included (the bench's
# PostgreSQL runs 4 fewer for the submission). Before this budget, each request ran 2 to 4 more.
BUDGET = {
    # The first page may read the programme the process then keeps (eig.website.purge.kept).
    "GET step identite": 8,
    "POST step identite": 8,
    "GET step parcours": 8,
    "POST step parcours": 9,
    "GET step cv": 7,
    "POST step cv": 8,
    "GET step motivation": 8,
    "POST step motivation": 7,
    "GET step defis": 11,
    "POST step defis": 12,
    "GET step binome": 7,
    "POST step binome": 7,
    "GET step eligibilite": 8,
    "POST step eligibilite": 9,
    "GET review": 9,
    "POST submit": 16,
}


@pytest.fixture
def bench():
    spec = importlib.util.spec_from_file_location("deadline_rush", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_each_request_of_the_rush_stays_within_its_query_budget(bench, client):
    cohort, challenge_ids = bench.create_open_cohort()
    cohort.number = Cohort.objects.aggregate(Max("number"))["number__max"] + 1
    cohort.save(update_fields=["number"])
    candidate = bench.Candidate(3)
    FORCE_LOGIN(client, CandidateFactory(email=candidate.email))
    spent = {}

    def measured(label, method, path, data=None):
        with CaptureQueriesContext(connection) as captured:
            response = getattr(client, method)(path, data) if data else client.get(path)
        spent[label] = len(captured.captured_queries)
        return response

    client.post("/candidater/", {"cohort": cohort.number})
    for slug, fields, files in bench.steps(candidate, challenge_ids, bench.cv_pdf()):
        path = f"/candidater/{cohort.number}/{slug}/"
        assert measured(f"GET step {slug}", "get", path).status_code == 200
        data = dict(fields)
        for name, (filename, content) in (files or {}).items():
            data[name] = SimpleUploadedFile(filename, content, content_type="application/pdf")
        assert measured(f"POST step {slug}", "post", path, data).status_code == 302
    review = f"/candidater/{cohort.number}/recapitulatif/"
    assert measured("GET review", "get", review).status_code == 200
    response = measured("POST submit", "post", review, {"submit": "1"})

    assert "confirmation" in response["Location"]
    assert Application.objects.filter(cohort=cohort).submitted().count() == 1
    over = {label: n for label, n in spent.items() if n > BUDGET[label]}
    assert not over, f"over budget: {over} (all: {spent})"
