"""Team formation of a cohort from the selection data, as a proposal the team reviews.

Scores: score[candidate][défi] = the candidate's calibrated overall score from submitted
reviews (0 when they have none), plus a preference bonus for the rank the candidate gave the
défi: rank 1 → +0.5, rank 2 → +0.25, rank 3 → 0. A pair is allowed only when the défi is among
the candidate's choices and is published (not a draft, in a published cohort).

Seats: at most min(défi.fellows_sought, cohort.team_size_max) per défi and no minimum (0): a
défi may stay empty when too few candidates were retained. ``form_teams`` may still raise
``Infeasible`` (its French message is shown as is).

Lifecycle: draft (replaced by each new run) → locked (no run replaces it any more) →
published. Each run, lock and publish is journaled; refused transitions raise ``TeamsRefused``.
Lock and publish check the state on the proposal's row, locked in their transaction, so two
clicks at once cannot both pass, and a run never replaces a draft being locked.
"""

import math

import numpy as np
from django.db import transaction
from django.utils import timezone

from eig.applications.models import Application, ChallengeChoice
from eig.audit.models import Action
from eig.audit.services import record
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.matching import form_teams
from eig.selection.reviews import cohort_scores
from eig.teams.models import ProposedMember, TeamProposal

RANK_BONUS = {1: 0.5, 2: 0.25, 3: 0.0}
STEPS = 4


class TeamsRefused(ValueError):
    """A refused transition; the message is French and shown to the team."""


def current_proposal(cohort):
    """The proposal the team sees: published, else locked, else the draft (or None)."""
    proposals = TeamProposal.objects.filter(cohort=cohort)
    for status in (TeamProposal.Status.PUBLISHED, TeamProposal.Status.LOCKED):
        found = proposals.filter(status=status).first()
        if found:
            return found
    return proposals.filter(status=TeamProposal.Status.DRAFT).first()


def overall_score(scores):
    """Calibrated overall score, raw one when not finite, 0 without a submitted review."""
    if scores is None or not scores.review_count:
        return 0.0
    for value in (scores.calibrated_overall, scores.raw_overall):
        if value is not None and math.isfinite(value):
            return float(value)
    return 0.0


def refuse_if_locked(cohort):
    if TeamProposal.objects.filter(
        cohort=cohort, status__in=[TeamProposal.Status.LOCKED, TeamProposal.Status.PUBLISHED]
    ).exists():
        raise TeamsRefused(
            "Les équipes de cette promotion sont verrouillées : elles ne peuvent plus être "
            "recalculées."
        )


def propose_teams(*, cohort, by=None, progress=None, include_pending=False, request=None):
    """Compute and store a draft proposal (replacing the previous draft); returns it.

    ``progress(step, total, label)`` is called at each of the four phases.
    """

    def step(number, label):
        if progress:
            progress(number, STEPS, label)

    refuse_if_locked(cohort)  # before the computation, so a refusal comes at once

    step(1, "lecture des candidatures")
    applications = list(
        Application.objects.retained(or_pending=include_pending)
        .filter(cohort=cohort)
        .order_by("pk")
    )
    challenges = list(Challenge.objects.published().filter(cohort=cohort).order_by("pk"))
    choices = ChallengeChoice.objects.filter(
        application__in=applications, challenge__in=challenges
    ).values_list("application_id", "challenge_id", "rank")

    step(2, "calcul des scores")
    _criteria, by_application = cohort_scores(cohort)
    row = {application.pk: i for i, application in enumerate(applications)}
    column = {challenge.pk: j for j, challenge in enumerate(challenges)}
    score = np.zeros((len(applications), len(challenges)))
    allowed = np.zeros_like(score, dtype=bool)
    ranks = {}
    for application_id, challenge_id, rank in choices:
        i, j = row[application_id], column[challenge_id]
        allowed[i, j] = True
        score[i, j] = overall_score(by_application.get(application_id)) + RANK_BONUS.get(rank, 0.0)
        ranks[application_id, challenge_id] = rank

    step(3, "formation des équipes")
    seats_max = [min(c.fellows_sought, cohort.team_size_max) for c in challenges]
    if applications and challenges:
        assignment = form_teams(score, allowed=allowed, seats_min=0, seats_max=seats_max)
    else:
        assignment = [None] * len(applications)

    step(4, "enregistrement de la proposition")
    with transaction.atomic():
        # The cohort's row makes two runs write one after the other; the proposals' rows make
        # a lock under way finish first, so the check below sees it.
        list(Cohort.objects.select_for_update().filter(pk=cohort.pk).values_list("pk"))
        list(TeamProposal.objects.select_for_update().filter(cohort=cohort).values_list("pk"))
        refuse_if_locked(cohort)
        TeamProposal.objects.filter(cohort=cohort, status=TeamProposal.Status.DRAFT).delete()
        proposal = TeamProposal.objects.create(cohort=cohort, created_by=by)
        members = []
        total = 0.0
        for application, j in zip(applications, assignment, strict=True):
            if j is None:
                members.append(ProposedMember(proposal=proposal, application=application))
                continue
            challenge = challenges[j]
            value = float(score[row[application.pk], j])
            total += value
            members.append(
                ProposedMember(
                    proposal=proposal,
                    application=application,
                    challenge=challenge,
                    score=value,
                    rank=ranks.get((application.pk, challenge.pk)),
                )
            )
        ProposedMember.objects.bulk_create(members)
        proposal.total_score = total
        proposal.save(update_fields=["total_score"])
        placed = sum(1 for member in members if member.challenge_id)
        record(
            action=Action.TEAMS_COMPUTED,
            actor=by,
            target=proposal,
            request=request,
            data={
                "include_pending": include_pending,
                "placed": placed,
                "unplaced": len(members) - placed,
            },
        )
    return proposal


def locked_row(proposal):
    """The proposal as stored now, its row locked until the end of the caller's transaction."""
    locked = TeamProposal.objects.select_for_update().filter(pk=proposal.pk).first()
    if locked is None:
        raise TeamsRefused(
            "Cette proposition vient d'être remplacée par un nouveau calcul : vérifiez-la avant "
            "de continuer."
        )
    return locked


def lock(proposal, *, by, request=None):
    with transaction.atomic():
        proposal = locked_row(proposal)
        if proposal.status != TeamProposal.Status.DRAFT:
            raise TeamsRefused("Seule une proposition en brouillon peut être verrouillée.")
        proposal.status = TeamProposal.Status.LOCKED
        proposal.locked_at = timezone.now()
        proposal.save(update_fields=["status", "locked_at"])
        record(action=Action.TEAMS_LOCKED, actor=by, target=proposal, request=request)
    return proposal


def publish(proposal, *, by, request=None):
    with transaction.atomic():
        proposal = locked_row(proposal)
        if proposal.status != TeamProposal.Status.LOCKED:
            raise TeamsRefused("Seule une proposition verrouillée peut être publiée.")
        proposal.status = TeamProposal.Status.PUBLISHED
        proposal.published_at = timezone.now()
        proposal.save(update_fields=["status", "published_at"])
        record(action=Action.TEAMS_PUBLISHED, actor=by, target=proposal, request=request)
    return proposal
