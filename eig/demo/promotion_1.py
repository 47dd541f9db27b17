"""Promotion 1's applications in the demo (call of autumn 2016): generated people, never real.

So that the statistics and open data compare two promotions. The facts give Promotion 1's 11
fellows and 9 défis, not its call: its volume here is plausible for a first call (some 200
applications, 16 for each of its 11 seats), mostly submitted in its last days. Every submitted
application is decided, and the retained ones fill exactly the seats of each défi, which was
their first choice.

Idempotent and fast: the people are drawn from a seeded generator and keyed on their e-mail;
when they are all there nothing is written; otherwise the missing ones are bulk-created (no
save signals, no e-mails nor tasks). The 2016 applications come without CV files.
"""

import datetime
import itertools
import random
import uuid
import zoneinfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from eig.applications.models import (
    Application,
    ChallengeChoice,
    Profile,
    StageTransition,
    Submission,
)
from eig.challenges.models import Challenge
from eig.demo.candidates import (
    BACKGROUNDS,
    CITIES,
    EMAIL_DOMAIN,
    FIRST_NAMES,
    INELIGIBLE_REASONS,
    LAST_NAMES,
    application_fields,
    submission_moment,
    weighted_sample,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
CANDIDATE_COUNT = 200
DRAFT_COUNT = 20
WITHDRAWN_COUNT = 4
SEED = 2016
NAMESPACE = uuid.UUID("0c5e3f4a-6b1d-4d0e-8f53-2a7c9e41b016")
# A first call reached more developers than designers or lawyers.
PROFILE_WEIGHTS = {
    Profile.DEVELOPMENT: 44,
    Profile.DATA_SCIENCE: 31,
    Profile.DESIGN: 11,
    Profile.LAW: 5,
    Profile.OTHER: 9,
}

S = Application.Status
# Promotion 1 is over: every submitted application was decided. The shares of those not
# retained (the retained ones are the seats of the défis); the waiting list ended in a refusal,
# but for one retained fellow who came from it.
NOT_RETAINED_PATHS = [
    ([S.INELIGIBLE], 0.15),
    ([S.ELIGIBLE, S.REJECTED], 0.42),
    ([S.ELIGIBLE, S.SHORTLISTED, S.REJECTED], 0.23),
    ([S.ELIGIBLE, S.SHORTLISTED, S.INVITED, S.REJECTED], 0.05),
    ([S.ELIGIBLE, S.SHORTLISTED, S.INVITED, S.INTERVIEWED, S.REJECTED], 0.11),
    ([S.ELIGIBLE, S.SHORTLISTED, S.INVITED, S.INTERVIEWED, S.WAITLISTED, S.REJECTED], 0.04),
]
RETAINED_PATH = [S.ELIGIBLE, S.SHORTLISTED, S.INVITED, S.INTERVIEWED, S.SELECTED]
FROM_WAITLIST_PATH = [S.ELIGIBLE, S.SHORTLISTED, S.INVITED, S.INTERVIEWED, S.WAITLISTED, S.SELECTED]
# The n-th move of a path happens on the n-th of these days (Paris time): the call closed on
# 12 December 2016 and the fellows started in January 2017.
STAGE_DAYS = [
    datetime.date(2016, 12, 13),
    datetime.date(2016, 12, 15),
    datetime.date(2016, 12, 19),
    datetime.date(2016, 12, 21),
    datetime.date(2016, 12, 23),
    datetime.date(2017, 1, 4),
]
REJECTED_REASONS = {
    1: "Non présélectionnée : d’autres profils correspondent mieux aux défis choisis.",
    2: "Non admissible après l’examen des dossiers.",
    3: "Non retenue : la personne n’a pas pu se rendre à l’audition.",
    4: "Non retenue après l’audition.",
    5: "Non retenue : les places des défis choisis sont pourvues.",
}


def load_promotion_1(cohort):
    """Add the synthetic applications of Promotion 1 (`cohort`, its call dated in the data)."""
    rng = random.Random(SEED)
    challenges = list(Challenge.objects.published().filter(cohort=cohort).order_by("slug"))
    people = _people(rng, cohort, challenges)
    User = get_user_model()
    existing = set(
        User.objects.filter(username__in=[p["email"] for p in people]).values_list(
            "username", flat=True
        )
    )
    missing = [person for person in people if person["email"] not in existing]
    if missing:
        _create(cohort, missing)


def _people(rng, cohort, challenges):
    """Everyone, drawn in the same order whatever the database holds."""
    # (fate, the défi of a retained fellow): one seat per fellow sought.
    seats = [challenge for challenge in challenges for _ in range(challenge.fellows_sought)]
    fates = [(RETAINED_PATH, seat) for seat in seats[1:]] + [(FROM_WAITLIST_PATH, seats[0])]
    submitted = CANDIDATE_COUNT - DRAFT_COUNT - WITHDRAWN_COUNT
    fates += [(path, None) for path in _quota(rng, submitted - len(seats), NOT_RETAINED_PATHS)]
    fates += [(S.DRAFT, None)] * DRAFT_COUNT + [(S.WITHDRAWN, None)] * WITHDRAWN_COUNT
    rng.shuffle(fates)
    profiles = _quota(rng, CANDIDATE_COUNT, PROFILE_WEIGHTS.items())
    popularity = [rng.uniform(0.5, 3) for _ in challenges]
    people = []
    for index, ((fate, seat), profile) in enumerate(zip(fates, profiles, strict=True)):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        slug = f"{first}.{last}".lower().translate(str.maketrans("éèëïîçâ ", "eeeiica-"))
        picks = weighted_sample(rng, challenges, popularity, rng.choice([1, 2, 2, 3, 3]))
        if seat is not None:
            # A retained fellow chose their défi first.
            picks = [seat, *(challenge for challenge in picks if challenge != seat)][:3]
        people.append(
            {
                "first_name": first,
                "last_name": last,
                "email": f"{slug}.2016-{index:03d}@{EMAIL_DOMAIN}",
                "profile": profile,
                "years": rng.randint(1, 15),
                "city": rng.choice(CITIES),
                "picks": picks,
                "fate": fate,
                "moment": submission_moment(rng, cohort),
                "index": index,
            }
        )
    return people


def _quota(rng, count, weighted):
    """`count` items in the proportions of their weights (exactly, not by chance), shuffled:
    the published figures must not depend on luck."""
    items, weights = zip(*weighted, strict=True)
    total = sum(weights)
    counts = [int(count * weight / total) for weight in weights]
    for position in sorted(range(len(items)), key=lambda i: -weights[i])[: count - sum(counts)]:
        counts[position] += 1
    drawn = [item for item, times in zip(items, counts, strict=True) for _ in range(times)]
    rng.shuffle(drawn)
    return drawn


def _create(cohort, people):
    User = get_user_model()
    User.objects.bulk_create(
        User(
            username=p["email"],
            email=p["email"],
            first_name=p["first_name"],
            last_name=p["last_name"],
            password=make_password(None),
        )
        for p in people
    )
    users = User.objects.in_bulk([p["email"] for p in people], field_name="username")
    applications = Application.objects.bulk_create(
        _application(cohort, person, users[person["email"]]) for person in people
    )
    # bulk_create stamps them now (auto_now); they were written in 2016.
    for application, person in zip(applications, people, strict=True):
        application.created_at = person["moment"] - datetime.timedelta(days=2)
        application.updated_at = person["moment"]
    Application.objects.bulk_update(applications, ["created_at", "updated_at"])
    ChallengeChoice.objects.bulk_create(
        ChallengeChoice(
            application=application,
            challenge=challenge,
            rank=rank,
            contribution=f"Mon expérience en {person['profile'].label.lower()} au service "
            f"du défi {challenge.name}.",
        )
        for application, person in zip(applications, people, strict=True)
        for rank, challenge in enumerate(person["picks"], start=1)
    )
    team = User.objects.filter(groups__name=PROGRAMME_TEAM_GROUP).order_by("pk").first()
    StageTransition.objects.bulk_create(
        transition
        for application, person in zip(applications, people, strict=True)
        for transition in _history(application, person, team)
    )
    applied = (
        Application.objects.filter(pk__in=[a.pk for a in applications])
        .exclude(status=S.DRAFT)
        .prefetch_related("experiences", "choices")
    )
    # Their receipts, as the candidate space gives them.
    Submission.objects.bulk_create(
        Submission.of(application, at=application.submitted_at) for application in applied
    )


def _application(cohort, person, user):
    fate = person["fate"]
    complete = fate != S.DRAFT
    return Application(
        **application_fields(
            cohort,
            person,
            user,
            public_id=uuid.uuid5(NAMESPACE, person["email"]),
            complete=complete,
            background=f"{BACKGROUNDS[person['profile']]} ({person['years']} ans d'expérience, "
            "personne fictive).",
            motivation="Mettre mon métier au service de l’action publique et publier ce que je "
            "construis en logiciel libre.",
            administration_fit="Partir du terrain, avec les agents, et montrer vite un premier "
            "prototype.",
        ),
        status=fate if fate in (S.DRAFT, S.WITHDRAWN) else fate[-1],
        submitted_at=person["moment"] if complete else None,
        withdrawn_at=person["moment"] + datetime.timedelta(days=3) if fate == S.WITHDRAWN else None,
    )


def _history(application, person, team):
    """The moves that led the application where it is: submitted and withdrawn by the candidate,
    the others by the programme team."""
    fate, index = person["fate"], person["index"]
    if fate == S.DRAFT:
        return []
    candidate = application.candidate
    moves = [(S.DRAFT, S.SUBMITTED, candidate, application.submitted_at, "")]
    if fate == S.WITHDRAWN:
        moves.append((S.SUBMITTED, S.WITHDRAWN, candidate, application.withdrawn_at, ""))
        fate = []
    for position, (before, after) in enumerate(itertools.pairwise([S.SUBMITTED, *fate])):
        at = datetime.datetime.combine(STAGE_DAYS[position], datetime.time(10), tzinfo=PARIS)
        reason = ""
        if after == S.INELIGIBLE:
            reason = INELIGIBLE_REASONS[index % len(INELIGIBLE_REASONS)]
        elif after == S.REJECTED:
            reason = REJECTED_REASONS[position]
        moves.append((before, after, team, at + datetime.timedelta(minutes=index), reason))
    return [
        StageTransition(
            application=application, from_status=before, to_status=after, by=by, at=at, reason=r
        )
        for before, after, by, at, r in moves
    ]
