"""Synthetic candidates and applications for Promotion 2: generated names, never real people.

Deterministic (a seeded generator) and idempotent: candidates are keyed on their e-mail, and
only the missing ones are created.
"""

import datetime
import itertools
import random
import uuid
import zoneinfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from eig.applications.models import (
    Application,
    ChallengeChoice,
    Profile,
    StageTransition,
    Submission,
)
from eig.challenges.models import Challenge
from eig.demo.pdf import text_pdf

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
CANDIDATE_COUNT = 320
DRAFT_SHARE = 0.12
WITHDRAWN_SHARE = 0.02
EMAIL_DOMAIN = "candidats.example.org"
STAGE_SEED = 2017
NAMESPACE = uuid.UUID("6f1d3c1e-2c8a-4e55-9a57-0c6f3b1f2e17")

FIRST_NAMES = [
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Inès",
    "Sarah",
    "Julie",
    "Emma",
    "Alice",
    "Lina",
    "Nora",
    "Claire",
    "Yasmine",
    "Anaïs",
    "Mathilde",
    "Pauline",
    "Sofia",
    "Zoé",
    "Agathe",
    "Lucas",
    "Hugo",
    "Louis",
    "Nathan",
    "Thomas",
    "Maxime",
    "Karim",
    "Antoine",
    "Paul",
    "Yanis",
    "Julien",
    "Mehdi",
    "Arthur",
    "Victor",
    "Adrien",
    "Samuel",
    "Théo",
    "Bastien",
    "Romain",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guerin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
]
CITIES = [
    "Paris",
    "Lyon",
    "Marseille",
    "Bordeaux",
    "Lille",
    "Nantes",
    "Toulouse",
    "Rennes",
    "Brest",
    "Dijon",
    "Strasbourg",
    "Montpellier",
]
PROFILE_WEIGHTS = {
    Profile.DATA_SCIENCE: 38,
    Profile.DEVELOPMENT: 34,
    Profile.DESIGN: 15,
    Profile.LAW: 4,
    Profile.OTHER: 9,
}
BACKGROUNDS = {
    Profile.DATA_SCIENCE: "Études d'ingénieur puis plusieurs années d'analyse de données",
    Profile.DEVELOPMENT: "Développement web full stack en start-up puis en agence",
    Profile.DESIGN: "Design de services et recherche utilisateur en agence",
    Profile.LAW: "Juriste spécialisé·e dans le droit du numérique et des données",
    Profile.OTHER: "Gestion de projets numériques dans le secteur associatif",
}

S = Application.Status
# Where the submitted applications stand, each path from déposée on, with its share. About 275
# applications are submitted: some 60 are invited to an audition, 28 retained, a few waitlisted.
STAGE_PATHS = [
    ([], 0.03),
    ([S.INELIGIBLE], 0.11),
    ([S.ELIGIBLE], 0.17),
    ([S.ELIGIBLE, S.REJECTED], 0.06),
    ([S.ELIGIBLE, S.SHORTLISTED], 0.19),
    ([S.ELIGIBLE, S.SHORTLISTED, S.REJECTED], 0.05),
    ([S.ELIGIBLE, S.SHORTLISTED, S.INVITED], 0.19),
    ([S.ELIGIBLE, S.SHORTLISTED, S.INVITED, S.INTERVIEWED], 0.02),
    ([S.ELIGIBLE, S.SHORTLISTED, S.INVITED, S.INTERVIEWED, S.REJECTED], 0.03),
    ([S.ELIGIBLE, S.SHORTLISTED, S.INVITED, S.INTERVIEWED, S.WAITLISTED], 0.04),
    ([S.ELIGIBLE, S.SHORTLISTED, S.INVITED, S.INTERVIEWED, S.SELECTED], 0.11),
]
# The n-th move of a path happens on the n-th of these days (Paris time), at 10h plus a minute
# per application.
STAGE_DAYS = [
    datetime.date(2017, 11, 3),
    datetime.date(2017, 11, 14),
    datetime.date(2017, 11, 20),
    datetime.date(2017, 11, 29),
    datetime.date(2017, 12, 12),
]
INELIGIBLE_REASONS = [
    "Agent public en poste : le règlement exclut les agents publics en poste.",
    "Pas disponible à temps plein pendant les dix mois du programme.",
    "Études non terminées à la date de début du programme.",
]
REJECTED_REASONS = {
    1: "Non présélectionnée : d'autres profils correspondent mieux aux défis choisis.",
    2: "Non admissible après l'examen du jury.",
    4: "Non retenue après l'audition.",
}


def load_candidates(cohort):
    """Add the synthetic applications of `cohort` (its call is closed: the dates are in it)."""
    rng = random.Random(cohort.number * 1000 + CANDIDATE_COUNT)
    stage_rng = random.Random(STAGE_SEED)
    challenges = list(Challenge.objects.published().filter(cohort=cohort).order_by("slug"))
    popularity = [rng.uniform(0.5, 3) for _ in challenges]
    people = [_person(rng, index) for index in range(CANDIDATE_COUNT)]
    User = get_user_model()
    existing = set(
        User.objects.filter(username__in=[p["email"] for p in people]).values_list(
            "username", flat=True
        )
    )
    team = User.objects.filter(groups__name=PROGRAMME_TEAM_GROUP).order_by("pk").first()
    for index, person in enumerate(people):
        # The generators are consumed for every person so the output never depends on the DB.
        picks = weighted_sample(rng, challenges, popularity, rng.choice([1, 2, 2, 3, 3]))
        fate = rng.random()
        moment = submission_moment(rng, cohort)
        path = _stage_path(stage_rng.random())
        if person["email"] in existing:
            continue
        application = _create_application(cohort, person, picks, fate, moment, path)
        _record_history(application, path, team, index)


def _stage_path(roll):
    for path, share in STAGE_PATHS:
        if roll < share:
            return path
        roll -= share
    return STAGE_PATHS[-1][0]


def _record_history(application, path, team, index):
    """The moves that led `application` where it is: submitted and withdrawn by the candidate,
    the others by the programme team."""
    Status = Application.Status
    if application.status == Status.DRAFT:
        return
    moves = [(Status.DRAFT, Status.SUBMITTED, application.candidate, application.submitted_at, "")]
    if application.status == Status.WITHDRAWN:
        moves.append(
            (
                Status.SUBMITTED,
                Status.WITHDRAWN,
                application.candidate,
                application.withdrawn_at,
                "",
            )
        )
        path = []
    for position, (before, after) in enumerate(itertools.pairwise([Status.SUBMITTED, *path])):
        at = datetime.datetime.combine(STAGE_DAYS[position], datetime.time(10), tzinfo=PARIS)
        reason = ""
        if after == Status.INELIGIBLE:
            reason = INELIGIBLE_REASONS[index % len(INELIGIBLE_REASONS)]
        elif after == Status.REJECTED:
            reason = REJECTED_REASONS[position]
        moves.append((before, after, team, at + datetime.timedelta(minutes=index), reason))
    StageTransition.objects.bulk_create(
        StageTransition(
            application=application,
            from_status=before,
            to_status=after,
            by=by,
            at=at,
            reason=reason,
        )
        for before, after, by, at, reason in moves
    )


def _person(rng, index):
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    slug = f"{first}.{last}".lower().translate(str.maketrans("éèëïîçâ ", "eeeiica-"))
    profile = rng.choices(list(PROFILE_WEIGHTS), weights=PROFILE_WEIGHTS.values())[0]
    return {
        "first_name": first,
        "last_name": last,
        "email": f"{slug}.{index:03d}@{EMAIL_DOMAIN}",
        "profile": profile,
        "years": rng.randint(1, 15),
        "city": rng.choice(CITIES),
    }


def weighted_sample(rng, items, weights, count):
    chosen, pool, pool_weights = [], list(items), list(weights)
    for _ in range(min(count, len(pool))):
        index = rng.choices(range(len(pool)), weights=pool_weights)[0]
        chosen.append(pool.pop(index))
        pool_weights.pop(index)
    return chosen


def submission_moment(rng, cohort):
    opens, closes = cohort.application_call_opens_at, cohort.application_call_closes_at
    # Most applications arrive in the last days of the call.
    share = 1 - rng.random() ** 3
    return opens + (closes - opens) * share * 0.999


def application_fields(
    cohort, person, user, *, public_id, complete, background, motivation, administration_fit
):
    """A demo application's fields from its fictitious person: the answers and the commitments
    only once it is complete (a draft stops at the identity step)."""
    return {
        "public_id": public_id,
        "cohort": cohort,
        "candidate": user,
        "first_name": person["first_name"],
        "last_name": person["last_name"],
        "email": person["email"],
        "city": person["city"],
        "profile": person["profile"],
        "years_of_experience": person["years"],
        "background": background,
        "motivation": motivation if complete else "",
        "administration_fit": administration_fit if complete else "",
        "available_full_time": complete,
        "not_public_agent": complete,
        "studies_completed": complete,
        "accepts_rules": complete,
        "consents_to_processing": complete,
        "last_step": "review" if complete else "identity",
    }


def _create_application(cohort, person, picks, fate, moment, path):
    user = get_user_model().objects.create(
        username=person["email"],
        email=person["email"],
        first_name=person["first_name"],
        last_name=person["last_name"],
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    if fate < DRAFT_SHARE:
        status, submitted_at = Application.Status.DRAFT, None
    elif fate < DRAFT_SHARE + WITHDRAWN_SHARE:
        status, submitted_at = Application.Status.WITHDRAWN, moment
    else:
        status, submitted_at = (path[-1] if path else Application.Status.SUBMITTED), moment
    complete = status != Application.Status.DRAFT
    application = Application.objects.create(
        **application_fields(
            cohort,
            person,
            user,
            public_id=uuid.uuid5(NAMESPACE, person["email"]),
            complete=complete,
            background=f"{BACKGROUNDS[person['profile']]} ({person['years']} ans d'expérience).",
            motivation="Contribuer à un service public plus ouvert ; contributions à des "
            "logiciels libres et engagement associatif.",
            administration_fit="Travailler avec les agents, partir de leurs besoins et livrer "
            "souvent.",
        ),
        status=status,
        submitted_at=submitted_at,
        withdrawn_at=moment if status == Application.Status.WITHDRAWN else None,
    )
    Application.objects.filter(pk=application.pk).update(
        created_at=moment - datetime.timedelta(days=2), updated_at=moment
    )
    ChallengeChoice.objects.bulk_create(
        ChallengeChoice(
            application=application,
            challenge=challenge,
            rank=rank,
            contribution=f"Mon expérience en {person['profile'].label.lower()} au service "
            f"du défi {challenge.name}.",
        )
        for rank, challenge in enumerate(picks, start=1)
    )
    if complete:
        pdf = text_pdf(
            [
                f"{person['first_name']} {person['last_name']}",
                "Curriculum vitae de démonstration (personne fictive)",
                BACKGROUNDS[person["profile"]],
                f"{person['years']} ans d'expérience, {person['city']}",
            ]
        )
        application.cv.save("cv.pdf", ContentFile(pdf), save=False)
        application.cv_filename = f"CV-{person['last_name']}.pdf"
        application.cv_size = len(pdf)
        application.save(update_fields=["cv", "cv_filename", "cv_size", "updated_at"])
        Application.objects.filter(pk=application.pk).update(updated_at=moment)
        # What was submitted, so that every demo candidate who applied has their receipt.
        Submission.of(application, at=submitted_at).save()
    return application
