import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eig.audit.models import AuditEntry
from eig.selection.assignment import propose_assignment
from eig.selection.forms import pair_label
from eig.selection.models import Assignment, Conflict, DiscussionComment
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    ChallengeChoiceFactory,
    ReviewerFactory,
)


@pytest.fixture
def pool(cohort):
    """Four submitted applications and three reviewers who can take three each."""
    applications = ApplicationFactory.create_batch(4, cohort=cohort, submitted=True)
    reviewers = ReviewerFactory.create_batch(3, cohort=cohort, max_load=3)
    return applications, reviewers


def url(cohort):
    return f"/equipe/selection/{cohort.number}/affectation/"


def loads(cohort):
    return {reviewer.pk: reviewer.assignments.count() for reviewer in cohort.reviewers.all()}


def test_the_proposal_gives_each_application_its_reviews_within_loads(client, carol, cohort, pool):
    applications, reviewers = pool
    Conflict.objects.create(
        reviewer=reviewers[0], application=applications[0], kind="declared", reason="Proche"
    )
    client.force_login(carol)

    response = client.post(url(cohort), {"reviews_per_application": 2})

    assert response.status_code == 302
    for application in applications:
        assert application.assignments.count() == 2
    assert max(loads(cohort).values()) <= 3
    assert not Assignment.objects.filter(reviewer=reviewers[0], application=applications[0])
    assert set(Assignment.objects.values_list("status", flat=True)) == {"proposed"}
    assert AuditEntry.objects.filter(action="assignment.proposed").exists()


def test_running_again_keeps_started_reviews_and_counts_them(cohort, pool, carol):
    applications, reviewers = pool
    started = AssignmentFactory(
        reviewer=reviewers[0],
        application=applications[0],
        released=True,
        started_at=timezone.now(),
    )
    reviewers[0].max_load = 2
    reviewers[0].save()

    propose_assignment(cohort=cohort, reviews_per_application=2, by=carol)

    started.refresh_from_db()
    assert started.status == "released"
    assert applications[0].assignments.count() == 2
    assert reviewers[0].assignments.count() <= 2  # the started review counts toward its load
    assert Assignment.objects.count() == 8


def test_running_again_replaces_the_proposal_and_keeps_the_discussion(cohort, pool, carol):
    applications, _reviewers = pool
    propose_assignment(cohort=cohort, reviews_per_application=2, by=carol)
    first_proposal = set(Assignment.objects.values_list("pk", flat=True))
    linked = Assignment.objects.filter(application=applications[0]).first()
    comment = DiscussionComment.objects.create(
        application=applications[0],
        assignment=linked,
        side=DiscussionComment.Side.REVIEWER,
        author_name="Membre du jury",
        body="Un avis à partager.",
    )

    propose_assignment(cohort=cohort, reviews_per_application=2, by=carol)

    comment.refresh_from_db()
    assert comment.assignment is None  # the message stays, unlinked from the old proposal
    assert Assignment.objects.count() == 8
    assert not first_proposal & set(Assignment.objects.values_list("pk", flat=True))


def proposal_queries(cohort, carol):
    with CaptureQueriesContext(connection) as queries:
        propose_assignment(cohort=cohort, reviews_per_application=2, by=carol)
    return len(queries)


def test_running_the_proposal_again_needs_as_many_queries_whatever_the_size(cohort, carol):
    ApplicationFactory.create_batch(3, cohort=cohort, submitted=True)
    ReviewerFactory.create_batch(2, cohort=cohort, max_load=3)
    proposal_queries(cohort, carol)
    small = proposal_queries(cohort, carol)  # replaces 6 proposed pairs
    ApplicationFactory.create_batch(27, cohort=cohort, submitted=True)
    ReviewerFactory.create_batch(6, cohort=cohort, max_load=30)
    proposal_queries(cohort, carol)

    assert proposal_queries(cohort, carol) == small  # replaces 60


def test_detected_host_conflicts_are_respected_until_the_team_consents(cohort, carol):
    choice = ChallengeChoiceFactory(application__cohort=cohort)
    application = choice.application
    application.status, application.submitted_at = "submitted", timezone.now()
    application.save()
    host_member = ReviewerFactory(cohort=cohort, host=choice.challenge.host)
    ReviewerFactory(cohort=cohort)

    propose_assignment(cohort=cohort, reviews_per_application=1, by=carol)

    conflict = Conflict.objects.get(reviewer=host_member)
    assert conflict.kind == "detected"
    assert not host_member.assignments.exists()


def test_an_infeasible_request_says_why_and_changes_nothing(client, carol, cohort, pool):
    applications, reviewers = pool
    kept = AssignmentFactory(reviewer=reviewers[0], application=applications[0])
    client.force_login(carol)

    response = client.post(url(cohort), {"reviews_per_application": 4})

    assert response.status_code == 200
    assert "Aucune affectation ne respecte toutes les contraintes" in response.text
    assert "demande 4 membres du jury, pour seulement 3 membres du jury possibles" in response.text
    assert list(Assignment.objects.all()) == [kept]


def test_the_page_shows_loads_and_affinities(client, carol, cohort, pool):
    applications, reviewers = pool
    AssignmentFactory(reviewer=reviewers[0], application=applications[0], affinity=2.5)
    client.force_login(carol)

    response = client.get(url(cohort))

    assert "1 candidature, 3 au plus" in response.text
    assert "2,50" in response.text


def test_a_pair_in_conflict_is_refused(client, carol, cohort, pool):
    applications, reviewers = pool
    Conflict.objects.create(
        reviewer=reviewers[1], application=applications[1], kind="declared", reason="Proche"
    )
    client.force_login(carol)

    response = client.post(
        url(cohort) + "ajouter/",
        {"reviewer": reviewers[1].pk, "application": pair_label(applications[1])},
    )

    assert "en conflit d’intérêts" in response.text
    assert not Assignment.objects.exists()


def test_a_pair_detected_as_conflicting_now_is_refused(client, carol, cohort, pool):
    applications, reviewers = pool
    applications[2].email = "alice@acme.fr"
    applications[2].save()
    reviewers[2].user.email = "bob@acme.fr"
    reviewers[2].user.save()
    client.force_login(carol)

    client.post(
        url(cohort) + "ajouter/",
        {"reviewer": reviewers[2].pk, "application": pair_label(applications[2])},
    )

    assert not Assignment.objects.exists()


def test_the_team_adds_and_removes_a_pair(client, carol, cohort, pool):
    applications, reviewers = pool
    client.force_login(carol)

    client.post(
        url(cohort) + "ajouter/",
        {"reviewer": reviewers[0].pk, "application": pair_label(applications[0])},
    )
    pair = Assignment.objects.get()
    assert pair.status == "proposed"
    client.post(url(cohort) + f"{pair.pk}/retirer/")

    assert not Assignment.objects.exists()


def test_a_started_pair_cannot_be_removed(client, carol, cohort, pool):
    applications, reviewers = pool
    pair = AssignmentFactory(
        reviewer=reviewers[0], application=applications[0], started_at=timezone.now()
    )
    client.force_login(carol)

    client.post(url(cohort) + f"{pair.pk}/retirer/")

    assert Assignment.objects.filter(pk=pair.pk).exists()


def test_release_makes_the_proposal_visible_to_the_reviewer(client, carol, cohort, bob):
    pair = AssignmentFactory(reviewer=bob)
    detail = f"/jury/candidatures/{pair.application.public_id}/"
    client.force_login(bob.user)
    assert client.get(detail).status_code == 404
    assert pair.application.full_name not in client.get("/jury/").text

    client.force_login(carol)
    client.post(url(cohort) + "publier/")

    client.force_login(bob.user)
    assert client.get(detail).status_code == 200
    assert pair.application.full_name in client.get("/jury/").text


def test_the_team_lifts_a_host_conflict_and_only_that_kind(client, carol, cohort):
    choice = ChallengeChoiceFactory(application__cohort=cohort, application__email="a@acme.fr")
    host_member = ReviewerFactory(cohort=cohort, host=choice.challenge.host)
    colleague = ReviewerFactory(cohort=cohort, user__email="bob@acme.fr")
    host_conflict = Conflict.objects.create(
        reviewer=host_member, application=choice.application, kind="detected", reason="hôte"
    )
    employer_conflict = Conflict.objects.create(
        reviewer=colleague, application=choice.application, kind="detected", reason="employeur"
    )
    client.force_login(carol)

    for conflict in (host_conflict, employer_conflict):
        client.post(url(cohort).replace("affectation/", f"conflits/{conflict.pk}/autoriser/"))

    host_conflict.refresh_from_db()
    employer_conflict.refresh_from_db()
    assert host_conflict.consented_by_team
    assert not employer_conflict.consented_by_team


def test_the_page_needs_few_queries_whatever_the_size(
    client, carol, cohort, pool, django_assert_max_num_queries
):
    applications, reviewers = pool
    for reviewer in reviewers:
        AssignmentFactory(reviewer=reviewer, application=applications[0])
    client.force_login(carol)

    # The header's roles and the promotion switcher's cohorts are a few of them.
    with django_assert_max_num_queries(23):
        client.get(url(cohort))
