"""The assignment of reviewers to applications: proposed by the matching engine, edited, released.

Started assignments (a review exists) are never touched. Re-running the proposal pins them:
each application needs only the reviews it still lacks, each reviewer's maximum load is
reduced by their started reviews, and a started pair is marked as a conflict so that the same
reviewer is not given the same application twice. Every other assignment of the cohort, proposed
or released, is replaced by the new proposal, which reviewers see once the team releases it.
"""

from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.applications.models import ChallengeChoice
from eig.audit.models import Action
from eig.audit.services import record
from eig.matching import assign_reviewers
from eig.selection import conflicts as rules
from eig.selection import notices
from eig.selection.affinity import affinity, affinity_matrix
from eig.selection.models import Assignment, Conflict, DiscussionComment, Review, Reviewer
from eig.selection.selectors import assignable_applications
from eig.selection.services import candidate_facts, detect_conflicts, insert_rows, reviewer_facts

DEFAULT_REVIEWS_PER_APPLICATION = 2


class PairRefused(Exception):
    """The team asked for a pair that cannot be: the message says why, in French."""


@dataclass(frozen=True)
class Problem:
    """The data handed to the matching engine, in the order of its indices."""

    applications: list
    reviewers: list
    affinity: np.ndarray


def build_problem(cohort):
    applications, reviewers, skills = _load(cohort)
    matrix = affinity_matrix(
        reviewers=[
            (reviewer.profiles, {skill.pk for skill in reviewer.skills.all()})
            for reviewer in reviewers
        ],
        candidates=[
            (application.profile, skills.get(application.pk, set())) for application in applications
        ],
    ).reshape(len(applications), len(reviewers))
    return Problem(applications=applications, reviewers=reviewers, affinity=matrix)


def _load(cohort):
    applications = list(assignable_applications(cohort))
    reviewers = list(
        Reviewer.objects.filter(cohort=cohort).prefetch_related("skills").order_by("pk")
    )
    return applications, reviewers, _challenge_skills(applications)


def _challenge_skills(applications):
    """application pk -> the skills sought by the défis it chose."""
    skills = {}
    rows = ChallengeChoice.objects.filter(application__in=applications).values_list(
        "application_id", "challenge__skills"
    )
    for application_id, skill_id in rows:
        if skill_id is not None:
            skills.setdefault(application_id, set()).add(skill_id)
    return skills


def _affinity(reviewer, application, skills):
    return affinity(
        reviewer_profiles=reviewer.profiles,
        reviewer_skills={skill.pk for skill in reviewer.skills.all()},
        candidate_profile=application.profile,
        challenge_skills=skills.get(application.pk, set()),
    )


@transaction.atomic
def propose_assignment(*, cohort, reviews_per_application, by):
    """Replace the cohort's non-started assignments by an optimal proposal.

    Raises eig.matching.Infeasible (its message names the failing constraint, with the
    indices of `build_problem`) and changes nothing then.
    """
    # Row locks on the jury: two proposals for the same cohort run one after the other.
    list(Reviewer.objects.select_for_update().filter(cohort=cohort).values_list("pk"))
    detect_conflicts(cohort=cohort)
    problem = build_problem(cohort)
    needs, loads, conflicts = _constraints(cohort, problem, reviews_per_application)
    result = assign_reviewers(
        problem.affinity, reviews_per_application=needs, max_load=loads, conflicts=conflicts
    )
    _store(cohort, problem, result)
    record(
        action=Action.ASSIGNMENT_PROPOSED,
        actor=by,
        target=cohort,
        data={"reviews_per_application": reviews_per_application},
    )


def _store(cohort, problem, result):
    """The proposal replaces every assignment of `cohort` that is not started."""
    _delete_not_started(cohort)
    now = timezone.now()
    insert_rows(
        Assignment,
        ["reviewer_id", "application_id", "affinity", "status", "created_at"],
        (
            (
                problem.reviewers[column].pk,
                problem.applications[row].pk,
                float(problem.affinity[row, column]),
                Assignment.Status.PROPOSED.value,
                now,
            )
            for row, columns in enumerate(result)
            for column in columns
        ),
    )


def _delete_not_started(cohort):
    """Delete the cohort's assignments that are not started, in three statements whatever
    their number: Django's collector would load all 60,000 of a national call to unlink the
    discussion's messages one batch at a time."""
    stale = Assignment.objects.filter(reviewer__cohort=cohort).not_started()
    # The messages stay, signed without their letter, as the foreign key's SET_NULL says.
    DiscussionComment.objects.filter(assignment__in=stale).update(assignment=None)
    Review.objects.filter(assignment__in=stale).delete()
    select, params = stale.values("pk").query.sql_with_params()
    quote = connection.ops.quote_name
    table, key = Assignment._meta.db_table, Assignment._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {quote(table)} WHERE {quote(key)} IN ({select})", params)


def _constraints(cohort, problem, reviews_per_application):
    """Reviews still needed, loads still free, and forbidden pairs (conflicts, started pairs)."""
    application_index = {a.pk: i for i, a in enumerate(problem.applications)}
    reviewer_index = {r.pk: j for j, r in enumerate(problem.reviewers)}
    conflicts = np.zeros(problem.affinity.shape, dtype=bool)
    blocking = Conflict.objects.blocking().filter(reviewer__cohort=cohort)
    for reviewer_id, application_id in blocking.values_list("reviewer_id", "application_id"):
        if application_id in application_index:
            conflicts[application_index[application_id], reviewer_index[reviewer_id]] = True
    needs = np.full(len(problem.applications), reviews_per_application)
    loads = np.array([reviewer.max_load for reviewer in problem.reviewers], dtype=int)
    started = Assignment.objects.started().filter(reviewer__cohort=cohort)
    for reviewer_id, application_id in started.values_list("reviewer_id", "application_id"):
        loads[reviewer_index[reviewer_id]] -= 1
        if application_id in application_index:
            row = application_index[application_id]
            needs[row] -= 1
            conflicts[row, reviewer_index[reviewer_id]] = True
    return np.maximum(needs, 0), np.maximum(loads, 0), conflicts


def remove_assignment(*, assignment, by):
    if assignment.started_at is not None:
        raise PairRefused(_("Cette évaluation est commencée : l’affectation est conservée."))
    assignment.delete()
    record(action=Action.ASSIGNMENT_REMOVED, actor=by, target=assignment.application)


@transaction.atomic
def add_assignment(*, reviewer, application, by):
    """Add a pair by hand, unless the reviewer already has it or is in conflict."""
    if Assignment.objects.filter(reviewer=reviewer, application=application).exists():
        raise PairRefused(_("Cette personne évalue déjà cette candidature."))
    if in_conflict(reviewer, application):
        raise PairRefused(
            _("%(reviewer)s est en conflit d’intérêts avec %(candidate)s : affectation refusée.")
            % {"reviewer": reviewer, "candidate": application}
        )
    assignment = Assignment.objects.create(
        reviewer=reviewer,
        application=application,
        affinity=_affinity(reviewer, application, _challenge_skills([application])),
    )
    record(action=Action.ASSIGNMENT_ADDED, actor=by, target=application)
    return assignment


def in_conflict(reviewer, application):
    """A stored conflict decides (the team may have consented); else the rules, run now."""
    stored = Conflict.objects.filter(reviewer=reviewer, application=application).first()
    if stored is not None:
        return not stored.consented_by_team
    candidate = candidate_facts([application])[application.pk]
    facts = reviewer_facts(reviewer)
    return bool(rules.employer_reason(facts, candidate) or rules.host_reason(facts, candidate))


@transaction.atomic
def release_assignments(*, cohort, by, request=None):
    """Reviewers see their proposed assignments from now on, and are told by e-mail."""
    proposed = Assignment.objects.filter(reviewer__cohort=cohort, status=Assignment.Status.PROPOSED)
    reviewer_ids = set(proposed.values_list("reviewer_id", flat=True))
    count = proposed.update(status=Assignment.Status.RELEASED, released_at=timezone.now())
    notices.notify_released(reviewer_ids=reviewer_ids, by=by)
    transaction.on_commit(lambda: notices.schedule_reviewer_reminder(cohort=cohort))
    record(
        action=Action.ASSIGNMENT_RELEASED,
        actor=by,
        target=cohort,
        request=request,
        data={"count": count},
    )
    return count
