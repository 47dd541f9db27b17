"""The scores and the rankings, pages and files, list only the applications the jury assesses.

An application withdrawn or found ineligible after its reviews, and a draft that chose the défi,
never appear in them.
"""

import pytest

from eig.applications.models import Application
from eig.selection import score_tables
from tests.factories import ApplicationFactory, ChallengeChoiceFactory
from tests.selection.test_exports import parsed, ranking_url, scores_url
from tests.selection.test_reviews_scores import example, review  # noqa: F401


@pytest.fixture
def left_the_selection(cohort, example):  # noqa: F811
    """Of the four reviewed applications, one is withdrawn and one found ineligible; a draft and
    a submitted application without a review chose the défi too."""
    apps, challenge = example
    Application.objects.filter(pk=apps[1].pk).update(status=Application.Status.WITHDRAWN)
    Application.objects.filter(pk=apps[3].pk).update(status=Application.Status.INELIGIBLE)
    draft = ApplicationFactory(cohort=cohort, email="brouillon@example.fr")
    ChallengeChoiceFactory(application=draft, challenge=challenge, rank=1)
    waiting = ApplicationFactory(cohort=cohort, submitted=True, email="en-attente@example.fr")
    ChallengeChoiceFactory(application=waiting, challenge=challenge, rank=2)
    kept = [apps[0].email, apps[2].email, waiting.email]
    gone = [apps[1].email, apps[3].email, draft.email]
    return challenge, kept, gone


@pytest.mark.parametrize("calibrated", [True, False])
def test_a_ranking_holds_only_the_assessed_applications(cohort, left_the_selection, calibrated):
    challenge, kept, _gone = left_the_selection
    _criteria, scores, _error = score_tables.cohort_scores(cohort)

    rows = score_tables.ranking_rows(cohort, challenge, scores, calibrated=calibrated)

    assert sorted(row["application"].email for row in rows) == sorted(kept)
    assert [row["entry"].position for row in rows] == [1, 2, 3]


def test_the_scores_hold_only_the_assessed_applications(cohort, left_the_selection):
    _challenge, kept, _gone = left_the_selection
    criteria, scores, _error = score_tables.cohort_scores(cohort)

    rows = score_tables.score_rows(cohort, criteria, scores)

    # The application without a review has no score to show.
    assert sorted(row["application"].email for row in rows) == sorted(kept[:2])


def test_the_pages_and_files_leave_out_who_left_the_selection(
    client, carol, cohort, left_the_selection
):
    challenge, kept, _gone = left_the_selection
    client.force_login(carol)
    ranking_page = client.get(f"/equipe/selection/{cohort.number}/notes/defis/{challenge.slug}/")
    scores_page = client.get(f"/equipe/selection/{cohort.number}/notes/")
    ranking_file = parsed(client.get(ranking_url(cohort, challenge, "csv")), "csv")
    scores_file = parsed(client.get(scores_url(cohort, "xlsx")), "xlsx")

    def emails(page):
        return sorted(row["application"].email for row in page.context["rows"])

    assert emails(ranking_page) == sorted(row[2] for row in ranking_file[1:]) == sorted(kept)
    assert emails(scores_page) == sorted(row[1] for row in scores_file[1:]) == sorted(kept[:2])
