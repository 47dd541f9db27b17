"""The submission is the request of the deadline rush (bench/deadline_rush.py): each of its
reads is made once, whatever the number of experiences and défis."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eig.applications import services
from eig.applications.models import Application, ChallengeChoice, Experience
from tests.factories import ApplicationFactory, ChallengeFactory


def tables_read(queries):
    """How many SELECTs read each of the tables that a submission checks and copies."""
    counts = {}
    for query in queries:
        sql = query["sql"]
        if not sql.startswith("SELECT"):
            continue
        for table in ("applications_experience", "applications_challengechoice", "cohorts_cohort"):
            if f'FROM "{table}"' in sql:
                counts[table] = counts.get(table, 0) + 1
    return counts


@pytest.mark.parametrize("extra", [0, 2])
def test_a_submission_reads_the_cohort_experiences_and_choices_once(
    alice, cohort, extra, monkeypatch
):
    # The confirmation e-mail is the worker's, not the request's: only its enqueuing counts.
    sent = []
    monkeypatch.setattr(
        services,
        "send_submission_confirmation",
        SimpleNamespace(enqueue=lambda **kwargs: sent.append(kwargs)),
    )
    application = ApplicationFactory(cohort=cohort, candidate=alice, complete=True)
    for position in range(2, 2 + extra):
        Experience.objects.create(application=application, position=position, title="Dev")
        ChallengeChoice.objects.create(
            application=application,
            challenge=ChallengeFactory(cohort=cohort),
            rank=position,
            contribution="Mon expérience.",
        )
    application = Application.objects.get(pk=application.pk)

    with CaptureQueriesContext(connection) as captured:
        services.submit_application(application=application, by=alice)

    submitted = Application.objects.get(pk=application.pk)
    assert submitted.status == Application.Status.SUBMITTED
    snapshot = submitted.submissions.get().snapshot
    assert len(snapshot["experiences"]) == application.experiences.count()
    assert [row[0] for row in snapshot["choices"]] == list(range(1, 2 + extra))
    assert len(sent) == 1
    counts = tables_read(captured.captured_queries)
    # Experiences once; choices once, with their défis, for the checks and the snapshot; the
    # cohort comes with the locked application.
    assert counts.get("applications_experience") == 1
    assert counts.get("applications_challengechoice") == 1
    assert counts.get("cohorts_cohort", 0) == 0
