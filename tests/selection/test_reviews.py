"""The evaluation grid and the reviewer's review: services and the reviewer's page."""

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from eig.audit.models import AuditEntry
from eig.selection import scoring
from eig.selection.assignment import propose_assignment
from eig.selection.models import Assignment, Review, ReviewScore
from eig.selection.reviews import ReviewRefused, grid_for, save_review
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    ReviewerFactory,
)

SCORED = [c.key for c in scoring.DEFAULT_CRITERIA if c.scored]


def full(value=4, verdict="neutre"):
    return {
        "scores": dict.fromkeys(SCORED, value),
        "checks": {"disponibilite": True},
        "verdict": verdict,
    }


def form_data(value="4", verdict="neutre", **extra):
    data = {f"score_{key}": value for key in SCORED}
    data |= {"score_disponibilite": "yes", "verdict": verdict, "comment": "Solide."}
    return data | extra


@pytest.fixture
def pair(bob):
    return AssignmentFactory(reviewer=bob, released=True)


def url(pair):
    return f"/jury/candidatures/{pair.application.public_id}/evaluation/"


def page_url(pair):
    return f"/jury/candidatures/{pair.application.public_id}/"


def test_the_grid_is_created_from_the_published_criteria_once(cohort):
    grid = grid_for(cohort)
    assert [c.key for c in grid.criteria.all()] == [c.key for c in scoring.DEFAULT_CRITERIA]
    assert not grid.criteria.get(key="disponibilite").scored
    assert grid_for(cohort).pk == grid.pk
    assert grid.criteria.count() == len(scoring.DEFAULT_CRITERIA)


def test_a_draft_is_saved_and_the_assignment_marked_started(pair, bob):
    review = save_review(
        assignment=pair, by=bob.user, data={"scores": {"dynamisme": 3}}, submit=False
    )
    assert review.status == "draft"
    assert review.scores.get(key="dynamisme").score == 3
    assert review.scores.get(key="integration").score is None
    pair.refresh_from_db()
    assert pair.started_at is not None
    assert AuditEntry.objects.filter(action="review.saved").exists()


def test_a_submission_needs_every_score_and_a_verdict(pair, bob):
    with pytest.raises(ReviewRefused):
        save_review(assignment=pair, by=bob.user, data={"scores": {"dynamisme": 3}}, submit=True)
    assert not Review.objects.exists()

    review = save_review(assignment=pair, by=bob.user, data=full(), submit=True)
    assert review.status == "submitted" and review.submitted_at
    assert review.scores.get(key="disponibilite").answer is True


def test_a_score_outside_the_scale_is_refused_in_french_and_changes_nothing(pair, bob):
    save_review(assignment=pair, by=bob.user, data={"scores": {"dynamisme": 3}}, submit=False)
    with pytest.raises(ReviewRefused) as refused:
        save_review(assignment=pair, by=bob.user, data=full(value=7), submit=False)
    assert str(refused.value) == (
        "« Dynamisme, vision, esprit d'initiative, attitude positive » : "
        "la note 7 est hors de l'échelle 1 à 5."
    )
    assert ReviewScore.objects.get(key="dynamisme").score == 3


def test_only_the_assigned_reviewer_on_a_released_assignment(cohort, pair, bob):
    other = ReviewerFactory(cohort=cohort)
    with pytest.raises(Http404):
        save_review(assignment=pair, by=other.user, data=full(), submit=False)
    proposed = AssignmentFactory(reviewer=bob)
    with pytest.raises(Http404):
        save_review(assignment=proposed, by=bob.user, data=full(), submit=False)
    assert not Review.objects.exists()
    proposed.refresh_from_db()
    assert proposed.started_at is None


def test_after_the_deadline_the_review_is_refused(cohort, pair, bob):
    grid = grid_for(cohort)
    grid.reviewing_deadline = timezone.now() - datetime.timedelta(hours=1)
    grid.save()
    with pytest.raises(ReviewRefused) as refused:
        save_review(assignment=pair, by=bob.user, data=full(), submit=True)
    assert str(refused.value).startswith("L'évaluation est close depuis le ")
    assert not Review.objects.exists()
    pair.refresh_from_db()
    assert pair.started_at is None


def test_a_submitted_review_stays_complete_when_changed(pair, bob):
    save_review(assignment=pair, by=bob.user, data=full(), submit=True)
    with pytest.raises(ReviewRefused):
        save_review(assignment=pair, by=bob.user, data={"scores": {"dynamisme": 1}}, submit=False)
    assert set(ReviewScore.objects.exclude(score=None).values_list("score", flat=True)) == {4}
    assert Review.objects.get().is_submitted


def test_recommended_defis_must_be_among_the_candidate_choices(cohort, pair, bob):
    chosen = pair.application.choices.get().challenge
    other = ApplicationFactory(cohort=cohort, submitted=True).choices.get().challenge
    with pytest.raises(ReviewRefused):
        save_review(
            assignment=pair, by=bob.user, data=full() | {"recommended": [other]}, submit=False
        )
    review = save_review(
        assignment=pair, by=bob.user, data=full() | {"recommended": [chosen]}, submit=False
    )
    assert list(review.recommended.all()) == [chosen]


def test_running_the_assignment_again_keeps_a_started_review(cohort, carol):
    applications = ApplicationFactory.create_batch(3, cohort=cohort, submitted=True)
    reviewers = ReviewerFactory.create_batch(3, cohort=cohort, max_load=3)
    pair = AssignmentFactory(reviewer=reviewers[0], application=applications[0], released=True)
    save_review(assignment=pair, by=reviewers[0].user, data=full(), submit=False)

    propose_assignment(cohort=cohort, reviews_per_application=2, by=carol)

    kept = Assignment.objects.get(pk=pair.pk)
    assert kept.started_at is not None and kept.status == "released"
    assert Review.objects.get().assignment_id == pair.pk


# --- The reviewer's page ------------------------------------------------------------------


def test_the_reviewer_saves_a_draft_then_submits(client, pair, bob):
    client.force_login(bob.user)
    page = client.get(page_url(pair))
    assert page.status_code == 200
    assert "Enregistrer le brouillon" in page.text and "Coup de cœur" in page.text
    assert client.get(url(pair)).url == page_url(pair) + "#grille"

    response = client.post(url(pair), {"score_dynamisme": "2", "draft": ""})
    assert response.status_code == 302
    assert Review.objects.get().status == "draft"

    response = client.post(url(pair), form_data() | {"submit": ""})
    assert response.url == f"/jury/candidatures/{pair.application.public_id}/soumission/"
    assert Review.objects.get().status == "draft"  # saved, not yet submitted
    client.post(response.url)
    review = Review.objects.get()
    assert review.status == "submitted"
    assert review.scores.get(key="dynamisme").score == 4

    page = client.get(page_url(pair))
    assert ">Soumettre<" not in page.text and "Enregistrer les modifications" in page.text


def test_an_incomplete_submission_shows_errors_next_to_fields_and_keeps_values(client, pair, bob):
    client.force_login(bob.user)
    data = form_data()
    del data["score_integration"]
    response = client.post(url(pair), data | {"submit": "", "comment_dynamisme": "Très motivée"})
    assert response.status_code == 200
    assert "Donnez une note de 1 à 5 pour soumettre." in response.text
    assert "Très motivée" in response.text
    assert 'name="score_dynamisme" value="4" checked' in response.text
    assert not Review.objects.exists()


def test_a_score_outside_the_scale_on_the_page(client, pair, bob):
    client.force_login(bob.user)
    response = client.post(url(pair), form_data(value="7") | {"draft": ""})
    assert response.status_code == 200
    assert "Choisissez une note de 1 à 5." in response.text
    assert not Review.objects.exists()


def test_after_the_deadline_the_page_is_read_only(client, cohort, pair, bob):
    grid = grid_for(cohort)
    grid.reviewing_deadline = timezone.now() - datetime.timedelta(days=1)
    grid.save()
    client.force_login(bob.user)
    page = client.get(page_url(pair))
    assert "évaluation est close depuis le" in page.text
    assert "Soumettre" not in page.text
    client.post(url(pair), form_data() | {"submit": ""})
    assert not Review.objects.exists()


def test_the_evaluation_page_access(client, cohort, pair, bob, carol, alice_application):
    response = client.get(url(pair))  # anonymous: asked to sign in
    assert response.status_code == 302
    assert "/connexion/" in response.url

    client.force_login(alice_application.candidate)
    assert client.get(url(pair)).status_code == 404

    client.force_login(carol)
    assert client.get(url(pair)).status_code == 404

    other = ReviewerFactory(cohort=cohort)
    client.force_login(other.user)
    assert client.get(url(pair)).status_code == 404
    assert client.post(url(pair), form_data() | {"submit": ""}).status_code == 404
    assert AuditEntry.objects.filter(action="application.access_denied").exists()

    proposed = AssignmentFactory(reviewer=bob)
    client.force_login(bob.user)
    assert client.get(url(proposed)).status_code == 404
    assert not Review.objects.exists()


def test_the_team_edits_the_grid_in_the_wagtail_admin(client, cohort, django_user_model):
    grid = grid_for(cohort)
    admin = django_user_model.objects.create_superuser("admin@equipe.example", password="x")
    client.force_login(admin)
    assert client.get("/admin/snippets/selection/reviewgrid/").status_code == 200
    page = client.get(f"/admin/snippets/selection/reviewgrid/edit/{grid.pk}/")
    assert page.status_code == 200
    assert "Compréhension du défi" in page.text
