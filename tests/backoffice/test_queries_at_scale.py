"""The team's pages run as many queries for 20 applications as for 60: none grows with the cohort.

Each page timed by bench/backoffice_scale.py (20,000 applications) is read here at two sizes
of the same cohort, its reviews and auditions; the counts must be equal. The written scores,
which read every review of the cohort, are kept while no review changes: that is checked too.
"""

import datetime
import math
import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eig.accounts.security import LAST_ACTIVITY
from eig.applications.models import Application
from eig.auditions import services as auditions
from eig.auditions.criteria import CRITERIA
from eig.selection import reviews as selection_reviews
from eig.selection import score_tables, scoring
from eig.selection.discussion import post_comment
from eig.selection.kept import scores_changed
from eig.selection.models import Review, ReviewScore
from eig.selection.personal_data import JuryWork
from eig.selection.reviews import cohort_finals, cohort_scores, save_review, submit_review
from eig.selection.views import scores as score_views
from tests.backoffice.helpers import choose, submitted
from tests.factories import (
    AssignmentFactory,
    CandidateFactory,
    ChallengeFactory,
    CohortFactory,
    InterviewFactory,
    InterviewSlotFactory,
    ReviewerFactory,
)

pytestmark = pytest.mark.django_db

SCORED = [c.key for c in scoring.DEFAULT_CRITERIA if c.scored]
REVIEW = {"scores": dict.fromkeys(SCORED, 3), "verdict": "neutre"}
STAGES = ["submitted", "eligible", "shortlisted", "rejected", "invited", "interviewed", "selected"]


@pytest.fixture
def cohort():
    """A cohort whose call has closed, with three défis and three reviewers."""
    cohort = CohortFactory(
        application_call_opens_at=timezone.now() - datetime.timedelta(days=60),
        application_call_closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    for index in range(3):
        ChallengeFactory(cohort=cohort, slug=f"defi-{index}", name=f"Défi {index}")
    for index in range(3):
        ReviewerFactory(cohort=cohort, full_name=f"Jury {index}")
    return cohort


def grow(cohort, count):
    """`count` more applications at every stage, each with two défis and two submitted reviews
    with a recommendation; the interviewed and selected ones with a graded audition."""
    challenges = list(cohort.challenges.order_by("pk"))
    reviewers = list(cohort.reviewers.order_by("pk"))
    panel = CandidateFactory()
    start = Application.objects.filter(cohort=cohort).count()
    for index in range(start, start + count):
        stage = STAGES[index % len(STAGES)]
        application = submitted(
            cohort=cohort, first_name="Camille", last_name=f"Martin {index:03}", status=stage
        )
        choose(application, challenges[index % 3], challenges[(index + 1) % 3])
        for offset in range(2):
            reviewer = reviewers[(index + offset) % 3]
            pair = AssignmentFactory(reviewer=reviewer, application=application, released=True)
            data = {
                "scores": dict.fromkeys(SCORED, 1 + (index + offset) % 5),
                "verdict": "neutre",
                "recommended": [challenges[index % 3]],
            }
            save_review(assignment=pair, by=reviewer.user, data=data, submit=True)
        if stage in ("invited", "interviewed", "selected"):
            slot = InterviewSlotFactory(
                cohort=cohort,
                starts_at=timezone.now() - datetime.timedelta(days=1, minutes=index),
                panel=[panel],
            )
            interview = InterviewFactory(slot=slot, application=application)
            if stage != "invited":
                auditions.save_grid(
                    interview=interview,
                    member=panel,
                    scores={key: (4, "") for key, _label in CRITERIA},
                )


def pages(cohort):
    """The addresses timed by the benchmark, for `cohort` as it is now."""
    number = cohort.number
    challenge = cohort.challenges.order_by("pk").first()
    middle = Application.objects.filter(cohort=cohort).order_by("pk")[5]
    listed = f"/equipe/candidatures/?promotion={number}"
    return {
        "list": listed,
        "list sorted by score": f"{listed}&tri=-note",
        "list filtered": f"{listed}&defi={challenge.slug}&etat=eligible",
        "search": f"{listed}&q=martin",
        "statistics": f"/equipe/candidatures/statistiques/?promotion={number}",
        "detail": f"/equipe/candidatures/{middle.public_id}/",
        "detail from the list": f"/equipe/candidatures/{middle.public_id}/?promotion={number}",
        "scores": f"/equipe/selection/{number}/notes/",
        "ranking": f"/equipe/selection/{number}/notes/defis/{challenge.slug}/",
        "export": f"/equipe/candidatures/export.xlsx?promotion={number}",
    }


def counts(client, cohort):
    """{page: (queries with the scores to compute, queries with the scores kept)}."""
    # The session notes the last activity every minute or so, which would add its own queries
    # to whichever request comes then: it is noted ahead for these requests.
    session = client.session
    session[LAST_ACTIVITY] = int(time.time()) + 3600
    session.save()
    found = {}
    for name, path in pages(cohort).items():
        selection_reviews._computed_scores.clear()
        cold = queries(client.get, path)
        found[name] = (cold, queries(client.get, path))
    found["assignment"] = (
        queries(
            client.post,
            f"/equipe/selection/{cohort.number}/affectation/",
            {"reviews_per_application": 1},
        ),
    )
    # The second run replaces the first one's draft, as every run but the first does.
    formation = f"/equipe/equipes/{cohort.number}/recalculer/"
    queries(client.post, formation, {"method": "optimal"})
    found["team formation"] = (queries(client.post, formation, {"method": "optimal"}),)

    return found


def queries(method, path, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = method(path, data) if data is not None else method(path)
        if response.streaming:
            b"".join(response)
    assert response.status_code in (200, 302), (path, response.status_code)
    return len(captured)


def test_no_page_runs_more_queries_for_more_applications(team_client, cohort):
    grow(cohort, 20)
    # The very first read does once what no later one does (the cohort's scores stamp created).
    team_client.get(pages(cohort)["list"])
    small = counts(team_client, cohort)
    grow(cohort, 40)

    large = counts(team_client, cohort)

    assert Application.objects.filter(cohort=cohort).count() == 60
    assert large == small, (small, large)


def test_the_scores_and_a_ranking_show_every_row_once_by_pages(team_client, cohort, monkeypatch):
    monkeypatch.setattr(score_views, "ROWS_PER_PAGE", 6)
    grow(cohort, 20)
    criteria, scores, _error = score_tables.cohort_scores(cohort)
    challenge = cohort.challenges.order_by("pk").first()
    expected = {
        "scores": [
            row["application"].full_name
            for row in score_tables.score_rows(cohort, criteria, scores)
        ],
        "ranking": [
            row["application"].full_name
            for row in score_tables.ranking_rows(cohort, challenge, scores, calibrated=True)
        ],
    }

    for name, rows in expected.items():
        assert len(rows) > 6
        shown = []
        for number in range(1, math.ceil(len(rows) / 6) + 1):
            page = team_client.get(pages(cohort)[name], {"page": number}).text
            shown += re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', page)
            assert 'aria-label="Pagination"' in page
        assert shown == rows, name


# --- The scores kept while no review changes ----------------------------------------------------


@pytest.fixture
def reviewed(cohort):
    grow(cohort, 4)
    return cohort


def test_the_scores_are_read_once_while_no_review_changes(reviewed):
    _criteria, first = cohort_scores(reviewed)

    with CaptureQueriesContext(connection) as again:
        _criteria, second = cohort_scores(reviewed)

    assert second is first
    assert not any('"selection_reviewscore"."key"' in query["sql"] for query in again)


def test_a_changed_review_is_in_the_next_scores(reviewed):
    review = Review.objects.filter(assignment__reviewer__cohort=reviewed).first()
    application = review.assignment.application_id
    _criteria, before = cohort_scores(reviewed)
    data = {"scores": dict.fromkeys(SCORED, 5), "verdict": "coup_de_coeur"}

    save_review(
        assignment=review.assignment, by=review.assignment.reviewer.user, data=data, submit=True
    )
    _criteria, after = cohort_scores(reviewed)

    assert after is not before
    assert after[application].raw[SCORED[0]] != before[application].raw[SCORED[0]]
    assert after[application].verdicts["coup_de_coeur"] == 1


def test_a_deleted_review_leaves_the_next_scores(reviewed):
    review = Review.objects.filter(assignment__reviewer__cohort=reviewed).first()
    application = review.assignment.application_id
    _criteria, before = cohort_scores(reviewed)

    review.delete()
    _criteria, after = cohort_scores(reviewed)

    assert after[application].review_count == before[application].review_count - 1


def test_a_new_review_is_in_the_next_scores(reviewed):
    application = submitted(cohort=reviewed)
    reviewer = reviewed.reviewers.order_by("pk").first()
    pair = AssignmentFactory(reviewer=reviewer, application=application, released=True)
    _criteria, before = cohort_scores(reviewed)

    save_review(assignment=pair, by=reviewer.user, data=REVIEW, submit=False)
    _criteria, drafted = cohort_scores(reviewed)
    submit_review(assignment=pair, by=reviewer.user)
    _criteria, after = cohort_scores(reviewed)

    assert drafted is before  # a draft counts for nothing yet
    assert application.pk not in before
    assert after[application.pk].review_count == 1


def test_other_writes_leave_the_kept_scores(reviewed, carol):
    review = Review.objects.filter(assignment__reviewer__cohort=reviewed).first()
    application = review.assignment.application
    _criteria, first = cohort_scores(reviewed)

    JuryWork().erase([application.pk])  # the anonymisation blanks the texts, not the scores
    post_comment(application=application, by=carol, body="Une question au jury.")
    Application.objects.filter(pk=application.pk).update(status=Application.Status.SHORTLISTED)
    pair = AssignmentFactory(
        reviewer=review.assignment.reviewer, application=submitted(cohort=reviewed), released=True
    )
    save_review(assignment=pair, by=pair.reviewer.user, data=REVIEW, submit=False)
    with CaptureQueriesContext(connection) as again:
        _criteria, second = cohort_scores(reviewed)

    assert second is first
    assert len(again) == 3  # the grid, its criteria and the version
    assert cohort_finals(reviewed, second) is cohort_finals(reviewed, first)


def test_an_audition_mark_is_in_the_next_final_scores(reviewed, carol):
    application = Application.objects.filter(cohort=reviewed).order_by("pk").first()
    before = cohort_finals(reviewed, cohort_scores(reviewed)[1])[0]
    slot = InterviewSlotFactory(
        cohort=reviewed, starts_at=timezone.now() - datetime.timedelta(days=1), panel=[carol]
    )
    interview = InterviewFactory(slot=slot, application=application)

    auditions.save_grid(
        interview=interview, member=carol, scores={key: (5, "") for key, _label in CRITERIA}
    )
    after = cohort_finals(reviewed, cohort_scores(reviewed)[1])[0]

    assert before[application.pk].audition is None
    assert after[application.pk].audition == 5


def test_a_review_changed_by_another_process_is_seen(reviewed):
    """The version is read from the database: a write another process made is seen here."""
    review = Review.objects.filter(assignment__reviewer__cohort=reviewed).first()
    _criteria, before = cohort_scores(reviewed)

    ReviewScore.objects.filter(review=review, key=SCORED[0]).update(score=5)
    scores_changed([reviewed.pk])  # what that process's write did, its signal aside
    _criteria, after = cohort_scores(reviewed)

    assert after is not before
    assert (
        after[review.assignment.application_id].raw[SCORED[0]]
        != (before[review.assignment.application_id].raw[SCORED[0]])
    )


def test_scores_are_kept_per_cohort(reviewed):
    other = CohortFactory()
    reviewer = ReviewerFactory(cohort=other)
    application = submitted(cohort=other)
    pair = AssignmentFactory(reviewer=reviewer, application=application, released=True)
    data = {"scores": dict.fromkeys(SCORED, 3), "verdict": "neutre"}
    save_review(assignment=pair, by=reviewer.user, data=data, submit=True)

    _criteria, first = cohort_scores(reviewed)
    _criteria, second = cohort_scores(other)

    assert set(second) == {application.pk}
    assert application.pk not in first
    assert cohort_scores(reviewed)[1] is first
