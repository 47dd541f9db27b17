"""The journey bench/deadline_rush.py times still goes through: its cohort takes applications,
each of its pages carries the form token it reads, and its answers to the steps are accepted.

The bench runs outside the suite (PostgreSQL, gunicorn); when the application changes what a
call needs (published rules, a new step, a renamed field), this test fails instead of the bench
storing nothing.
"""

import importlib.util
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Max

from eig.applications.models import Application
from eig.cohorts.models import Cohort
from tests.factories import CandidateFactory

BENCH = Path(__file__).resolve().parents[2] / "bench" / "deadline_rush.py"


@pytest.fixture
def bench():
    spec = importlib.util.spec_from_file_location("deadline_rush", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def form_token(bench, client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code, response.get("Location"))
    found = bench.CSRF.search(response.content.decode())
    assert found, f"{path}: no form token where the bench looks for it"
    return found.group(1)


@pytest.mark.django_db
def test_the_bench_candidate_starts_fills_every_step_and_submits(bench, client):
    cohort, challenge_ids = bench.create_open_cohort()
    # The bench's database holds its cohort alone; here the demo's cohorts take the low numbers.
    cohort.number = Cohort.objects.aggregate(Max("number"))["number__max"] + 1
    cohort.save(update_fields=["number"])
    candidate = bench.Candidate(7)
    client.force_login(CandidateFactory(email=candidate.email))
    client.handler.enforce_csrf_checks = True

    token = form_token(bench, client, "/candidater/")
    response = client.post("/candidater/", {"csrfmiddlewaretoken": token, "cohort": cohort.number})
    assert response.status_code == 302
    for slug, fields, files in bench.steps(candidate, challenge_ids, bench.cv_pdf()):
        path = f"/candidater/{cohort.number}/{slug}/"
        data = {"csrfmiddlewaretoken": form_token(bench, client, path), **fields}
        for name, (filename, content) in (files or {}).items():
            data[name] = SimpleUploadedFile(filename, content, content_type="application/pdf")
        response = client.post(path, data)
        assert response.status_code == 302, f"step {slug} refused the bench's answers"
    review = f"/candidater/{cohort.number}/recapitulatif/"
    response = client.post(review, {"csrfmiddlewaretoken": form_token(bench, client, review)})

    assert response.status_code == 302
    assert "confirmation" in response["Location"]
    assert Application.objects.filter(cohort=cohort).submitted().count() == 1
