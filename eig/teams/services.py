"""Team formation of a cohort from the selection data, as a proposal the team reviews.

Scores: score[candidate][défi] = the candidate's final score (the calibrated overall score of
the submitted reviews, combined with the audition: eig.selection.reviews.final_scores; 0 when
they have neither), plus a preference bonus for the rank the candidate gave the
défi: rank 1 → +0.5, rank 2 → +0.25, rank 3 → 0. A pair is allowed only when the défi is among
the candidate's choices and is published (not a draft, in a published cohort).

Seats: at most min(défi.fellows_sought, cohort.team_size_max) per défi and no minimum (0): a
défi may stay empty when too few candidates were retained.

The team's decisions: pairs pinned (this person on this défi) or forbidden (never on it),
stored per cohort (``TeamConstraint``), each checked by the engine when added; the engine's
refusal (``Infeasible``) is shown with the names of the people and défis (``readable``).
Method: the optimal total score (``form_teams``) or a stable assignment (``stable_match``,
each défi ranking the people who chose it by score); either way each person whose défi is
not their first choice is told why not a better one (``explain``), stored with the proposal.

Lifecycle: draft (replaced by each new run) → locked (no run replaces it any more) →
published. Each run, lock and publish is journaled; refused transitions raise ``TeamsRefused``.
Lock and publish check the state on the proposal's row, locked in their transaction, so two
clicks at once cannot both pass, and a run never replaces a draft being locked.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from eig.applications.models import Application, ChallengeChoice
from eig.audit.models import Action
from eig.audit.services import record
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.decisions.services import place_retained
from eig.matching import Infeasible, explain, form_teams, stable_match
from eig.selection.reviews import cohort_scores, final_scores
from eig.teams.models import ProposedMember, TeamConstraint, TeamProposal

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


def overall_score(final):
    """The final score (a `final_scores` value), 0 without reviews nor audition."""
    if final is None or final.final is None or not math.isfinite(final.final):
        return 0.0
    return float(final.final)


def refuse_if_locked(cohort):
    if TeamProposal.objects.filter(
        cohort=cohort, status__in=[TeamProposal.Status.LOCKED, TeamProposal.Status.PUBLISHED]
    ).exists():
        raise TeamsRefused(
            "Les équipes de cette promotion sont verrouillées : elles ne peuvent plus être "
            "recalculées."
        )


@dataclass
class Population:
    """What the engine is given: people (rows), published défis (columns), scores and seats."""

    applications: list
    challenges: list
    score: np.ndarray
    allowed: np.ndarray
    ranks: dict  # (application pk, challenge pk) -> rank of the défi in the person's choices
    choices: dict  # application pk -> their published défis' pks, first choice first
    merit: list  # row -> the person's score, without the preference bonus
    seats: list  # column -> seats at most

    def __post_init__(self):
        self.row = {application.pk: i for i, application in enumerate(self.applications)}
        self.column = {challenge.pk: j for j, challenge in enumerate(self.challenges)}


def population(cohort, *, include_pending=False):
    applications = list(
        Application.objects.retained(or_pending=include_pending)
        .filter(cohort=cohort)
        .order_by("pk")
    )
    challenges = list(Challenge.objects.published().filter(cohort=cohort).order_by("pk"))
    choices = ChallengeChoice.objects.filter(
        application__in=applications, challenge__in=challenges
    ).order_by("application_id", "rank")
    _criteria, by_application = cohort_scores(cohort)
    finals = final_scores(cohort, by_application)
    merit = [overall_score(finals.get(application.pk)) for application in applications]
    people = Population(
        applications=applications,
        challenges=challenges,
        score=np.zeros((len(applications), len(challenges))),
        allowed=np.zeros((len(applications), len(challenges)), dtype=bool),
        ranks={},
        choices={application.pk: [] for application in applications},
        merit=merit,
        seats=[min(c.fellows_sought, cohort.team_size_max) for c in challenges],
    )
    for application_id, challenge_id, rank in choices.values_list(
        "application_id", "challenge_id", "rank"
    ):
        i, j = people.row[application_id], people.column[challenge_id]
        people.allowed[i, j] = True
        people.score[i, j] = merit[i] + RANK_BONUS.get(rank, 0.0)
        people.ranks[application_id, challenge_id] = rank
        people.choices[application_id].append(challenge_id)
    return people


def engine_pairs(people, constraints):
    """(pinned, forbidden) (row, column) pairs of the constraints on people and défis computed.

    A constraint on someone outside the computation (no longer retained, for instance) or on
    a défi no longer published does not count; the page shows it as such.
    """
    pinned, forbidden = [], []
    for constraint in constraints:
        i = people.row.get(constraint.application_id)
        j = people.column.get(constraint.challenge_id)
        if i is None or j is None:
            continue
        kind = TeamConstraint.Kind(constraint.kind)
        (pinned if kind == TeamConstraint.Kind.PINNED else forbidden).append((i, j))
    return pinned, forbidden


def solve(people, pinned, forbidden):
    """The optimal-score assignment under the constraints; ``Infeasible`` names a conflict."""
    if not people.applications or not people.challenges:
        return [None] * len(people.applications)
    return form_teams(
        people.score,
        allowed=people.allowed,
        seats_min=0,
        seats_max=people.seats,
        pinned=pinned,
        forbidden=forbidden,
    )


def stable_market(people, pinned, forbidden):
    """(candidate_prefs, challenge_prefs, capacities) for ``stable_match`` and ``explain``.

    Each person ranks their published choices; each défi ranks the people who chose it by
    score (ties: the rank they gave it, then the oldest application), as the selection's
    ranking of a défi does. A pinned person holds a seat of their défi outside the market;
    a défi does not rank someone forbidden on it.
    """
    pin_of = dict(pinned)
    banned = set(forbidden)
    held = Counter(pin_of.values())
    candidate_prefs = {
        str(application.pk): [str(pk) for pk in people.choices[application.pk]]
        for i, application in enumerate(people.applications)
        if i not in pin_of
    }
    challenge_prefs, capacities = {}, {}
    for j, challenge in enumerate(people.challenges):
        takers = [
            i
            for i in np.flatnonzero(people.allowed[:, j]).tolist()
            if i not in pin_of and (i, j) not in banned
        ]
        takers.sort(
            key=lambda i: (
                -people.merit[i],
                people.ranks[people.applications[i].pk, challenge.pk],
                people.applications[i].pk,
            )
        )
        challenge_prefs[str(challenge.pk)] = [str(people.applications[i].pk) for i in takers]
        capacities[str(challenge.pk)] = max(0, people.seats[j] - held[j])
    return candidate_prefs, challenge_prefs, capacities


def solve_stable(people, pinned, forbidden):
    """The stable assignment (people propose, so each gets their best stable défi), around
    the pinned pairs."""
    pin_of = dict(pinned)
    matching = stable_match(*stable_market(people, pinned, forbidden))
    assignment = []
    for i, application in enumerate(people.applications):
        challenge = matching.get(str(application.pk))
        if i in pin_of:
            assignment.append(pin_of[i])
        else:
            assignment.append(None if challenge is None else people.column[int(challenge)])
    return assignment


def refusals_of(people, assignment, pinned, forbidden):
    """Row -> why the person is not on each défi they ranked above theirs (``explain``)."""
    pin_of = dict(pinned)
    held = Counter(pin_of.values())
    market = stable_market(people, pinned, forbidden)
    matching = {
        str(application.pk): None if j is None else str(people.challenges[j].pk)
        for i, (application, j) in enumerate(zip(people.applications, assignment, strict=True))
        if i not in pin_of
    }
    found = {}
    for i, application in enumerate(people.applications):
        own = assignment[i]
        if i in pin_of or (
            own is not None and people.choices[application.pk][0] == people.challenges[own].pk
        ):
            continue  # nothing ranked higher to explain
        explanation = explain(str(application.pk), matching, *market)
        found[i] = [
            {
                "challenge": int(refusal.challenge),
                "rank": people.ranks[application.pk, int(refusal.challenge)],
                "reason": refusal.reason,
                "seats": refusal.seats,
                "pinned_seats": held[people.column[int(refusal.challenge)]],
                "admitted": [int(pk) for pk in refusal.admitted],
                "last_admitted_rank": refusal.last_admitted_rank,
                "candidate_rank": refusal.candidate_rank,
            }
            for refusal in explanation.refusals
        ]
    return found


def propose_teams(
    *,
    cohort,
    by=None,
    progress=None,
    include_pending=False,
    method=TeamProposal.Method.OPTIMAL,
    request=None,
):
    """Compute and store a draft proposal (replacing the previous draft); returns it.

    ``method``: the optimal total score (``form_teams``) or a stable assignment
    (``stable_match``), both around the team's pinned and forbidden pairs.
    ``progress(step, total, label)`` is called at each of the four phases.
    """

    def step(number, label):
        if progress:
            progress(number, STEPS, label)

    method = TeamProposal.Method(method)
    refuse_if_locked(cohort)  # before the computation, so a refusal comes at once

    step(1, "lecture des candidatures")
    constraints = list(TeamConstraint.objects.filter(cohort=cohort))

    step(2, "calcul des scores")
    people = population(cohort, include_pending=include_pending)
    pinned, forbidden = engine_pairs(people, constraints)

    step(3, "formation des équipes")
    try:
        # The optimal run also checks the pairs for the stable one.
        assignment = solve(people, pinned, forbidden)
        if method == TeamProposal.Method.STABLE:
            assignment = solve_stable(people, pinned, forbidden)
    except Infeasible as error:
        raise TeamsRefused(readable(error, people)[1]) from error
    refusals = refusals_of(people, assignment, pinned, forbidden)
    pinned_rows = {i for i, _j in pinned}

    step(4, "enregistrement de la proposition")
    with transaction.atomic():
        # The cohort's row makes two runs write one after the other; the proposals' rows make
        # a lock under way finish first, so the check below sees it.
        list(Cohort.objects.select_for_update().filter(pk=cohort.pk).values_list("pk"))
        list(TeamProposal.objects.select_for_update().filter(cohort=cohort).values_list("pk"))
        refuse_if_locked(cohort)
        TeamProposal.objects.filter(cohort=cohort, status=TeamProposal.Status.DRAFT).delete()
        proposal = TeamProposal.objects.create(
            cohort=cohort, created_by=by, method=method, include_pending=include_pending
        )
        members = []
        total = 0.0
        for i, (application, j) in enumerate(zip(people.applications, assignment, strict=True)):
            member = ProposedMember(
                proposal=proposal, application=application, refusals=refusals.get(i, [])
            )
            if j is not None:
                challenge = people.challenges[j]
                member.challenge = challenge
                member.score = float(people.score[i, j])
                member.rank = people.ranks.get((application.pk, challenge.pk))
                member.pinned = i in pinned_rows
                total += member.score
            members.append(member)
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
                "method": method.value,
                "include_pending": include_pending,
                "placed": placed,
                "unplaced": len(members) - placed,
                "pinned": len(pinned),
                "forbidden": len(forbidden),
            },
        )
    return proposal


# The engine's reasons for refusing pinned and forbidden pairs (eig/matching/teams.py) name
# people and défis by row and column; the team reads their names. Each pattern gives the
# control of the form it concerns.
ENGINE_REASONS = (
    (
        r"le candidat (?P<person>\d+) est à la fois imposé et interdit sur le défi "
        r"(?P<challenge>\d+)",
        "challenge",
        "%(person)s ne peut pas être à la fois imposé·e et écarté·e sur le défi « %(challenge)s ».",
    ),
    (
        r"le candidat (?P<person>\d+) est imposé sur le défi (?P<challenge>\d+), qui ne lui "
        r"est pas permis",
        "challenge",
        "%(person)s ne peut pas être imposé·e sur le défi « %(challenge)s » : ce défi n’est "
        "pas parmi ses choix.",
    ),
    (
        r"le candidat (?P<person>\d+) est imposé sur deux défis : (?P<other>\d+) et "
        r"(?P<challenge>\d+)",
        "application",
        "%(person)s est déjà imposé·e sur le défi « %(other)s » : retirez ce choix avant de "
        "l’imposer sur un autre défi.",
    ),
    (
        r"défi (?P<challenge>\d+) : (?P<count>\d+) candidats imposés pour (?P<seats>\d+) "
        r"place\(s\) au plus",
        "challenge",
        "Le défi « %(challenge)s » est complet : %(count)s personnes y seraient imposées pour "
        "%(seats)s place(s) au plus.",
    ),
)
INDEX = re.compile(r"\b(?P<word>candidats?|défis?) (?P<index>\d+)\b")


def readable(error, people):
    """(field, message): the engine's reason in French with the names of people and défis.

    ``field`` is the control the reason concerns (None when it concerns no single one).
    """
    message = str(error)

    def name(key, index):
        items = people.applications if key == "person" else people.challenges
        return str(items[int(index)]) if int(index) < len(items) else index

    for pattern, field, text in ENGINE_REASONS:
        found = re.fullmatch(pattern, message)
        if found:
            values = {
                key: name(key, value) if key in ("person", "challenge", "other") else value
                for key, value in found.groupdict().items()
            }
            return field, _(text) % values

    def named(found):
        key = "person" if found["word"].startswith("candidat") else "challenge"
        return f"{found['word']} « {name(key, found['index'])} »"

    return None, _("Calcul impossible : %(reason)s.") % {"reason": INDEX.sub(named, message)}


class PairRefused(TeamsRefused):
    """A pinned or forbidden pair refused; ``field`` is the control of the form it concerns."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def add_constraint(*, cohort, application, challenge, kind, by, request=None):
    """Pin or forbid a pair once the engine accepts it with the others; returns a warning or "".

    The people are those of the current proposal's computation. The warning says when
    someone is left with no défi they could be on.
    """
    kind = TeamConstraint.Kind(kind)
    with transaction.atomic():
        list(Cohort.objects.select_for_update().filter(pk=cohort.pk).values_list("pk"))
        refuse_if_locked(cohort)
        proposal = current_proposal(cohort)
        people = population(cohort, include_pending=bool(proposal and proposal.include_pending))
        if application.pk not in people.row:
            raise PairRefused(
                _("Cette personne n’est pas parmi celles dont on forme les équipes."),
                "application",
            )
        if challenge.pk not in people.column:
            raise PairRefused(_("Ce défi n’est pas un défi publié de la promotion."), "challenge")
        constraints = list(TeamConstraint.objects.filter(cohort=cohort))
        if any(
            (c.application_id, c.challenge_id, c.kind) == (application.pk, challenge.pk, kind)
            for c in constraints
        ):
            raise PairRefused(_("Ce choix est déjà enregistré."), "challenge")
        constraint = TeamConstraint(
            cohort=cohort, application=application, challenge=challenge, kind=kind, created_by=by
        )
        pinned, forbidden = engine_pairs(people, [*constraints, constraint])
        try:
            solve(people, pinned, forbidden)
        except Infeasible as error:
            field, message = readable(error, people)
            raise PairRefused(message, field) from error
        constraint.save()
        record(
            action=Action.TEAMS_PAIR_PINNED
            if kind == TeamConstraint.Kind.PINNED
            else Action.TEAMS_PAIR_FORBIDDEN,
            actor=by,
            target=application,
            request=request,
            data={"cohort": cohort.number, "challenge": challenge.name},
        )
    i = people.row[application.pk]
    if i not in dict(pinned) and all(
        (i, j) in set(forbidden) for j in np.flatnonzero(people.allowed[i]).tolist()
    ):
        return _("%(person)s n’a plus aucun défi possible : sans équipe au prochain calcul.") % {
            "person": application
        }
    return ""


def remove_constraint(*, constraint, by, request=None):
    with transaction.atomic():
        refuse_if_locked(constraint.cohort)
        constraint.delete()
        record(
            action=Action.TEAMS_PAIR_RELEASED,
            actor=by,
            target=constraint.application,
            request=request,
            data={
                "cohort": constraint.cohort.number,
                "challenge": constraint.challenge.name,
                "kind": constraint.kind,
            },
        )


def why_not(refusal, *, person, names, challenges):
    """One refusal in plain French: why ``person`` is not on a défi they ranked higher."""
    head = _("%(rank)s choix, « %(challenge)s »") % {
        "rank": ordinal(refusal["rank"]),
        "challenge": challenges.get(refusal["challenge"], "?"),
    }
    reason = refusal["reason"]
    if reason == "not_ranked":
        text = _("l’équipe a écarté %(person)s de ce défi.") % {"person": person}
    elif reason == "no_seat":
        text = (
            _("toutes ses places sont prises par des personnes imposées par l’équipe.")
            if refusal["pinned_seats"]
            else _("ce défi n’ouvre aucune place.")
        )
    elif reason == "full":
        text = ngettext(
            "complet : sa place est prise par %(admitted)s, que ce défi classe mieux (rang "
            "%(last)s) ; %(person)s y a le rang %(own)s.",
            "complet : ses %(count)s places sont prises par %(admitted)s, que ce défi classe "
            "mieux (jusqu’au rang %(last)s) ; %(person)s y a le rang %(own)s.",
            refusal["seats"],
        ) % {
            "count": refusal["seats"],
            "admitted": enumerate_names([names.get(pk, "?") for pk in refusal["admitted"]]),
            "last": refusal["last_admitted_rank"],
            "person": person,
            "own": refusal["candidate_rank"],
        }
        if refusal["pinned_seats"]:
            text += " " + ngettext(
                "Une autre place y est imposée par l’équipe.",
                "%(count)s autres places y sont imposées par l’équipe.",
                refusal["pinned_seats"],
            ) % {"count": refusal["pinned_seats"]}
    else:  # "would_accept": only the optimal score passes over someone a défi would take
        text = _(
            "ce défi donne le rang %(own)s à %(person)s et l’aurait accueilli·e : la "
            "proposition au score total optimal l’a placé·e ailleurs pour un meilleur total."
        ) % {"person": person, "own": refusal["candidate_rank"]}
    return f"{head} : {text}"


def ordinal(number):
    return _("1er") if number == 1 else _("%(number)se") % {"number": number}


def enumerate_names(names):
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s et %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


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
        # The "retenue" e-mails and the candidates' spaces name the défi of each one's team.
        place_retained(
            members=proposal.members.values_list("application_id", "challenge_id"),
            published_at=proposal.published_at,
        )
        record(action=Action.TEAMS_PUBLISHED, actor=by, target=proposal, request=request)
    return proposal
