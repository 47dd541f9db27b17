"""Promotion 2's défi jury in the demo: 56 synthetic members, the 30 heard proposals in groups
over 4 and 5 July 2017 in two rooms, every grid filled and consolidated consistently with the
proposals the jury retained. Made once (the plan then stays as the team edits it)."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from eig.challenge_jury import services
from eig.challenge_jury.models import (
    ConsolidatedGrid,
    Expertise,
    Hearing,
    JuryGroup,
    JuryMember,
    MemberGrid,
    Sector,
)
from eig.proposals.models import DEFAULT_CRITERIA, ChallengeCallCriterion, Proposal

DOMAIN = "jury-defis.example.org"
FIRST_NAMES = [
    "Agathe", "Bastien", "Clémence", "Damien", "Élodie", "Fabrice", "Gaëlle", "Hugo",
    "Inès", "Julien", "Karima", "Loïc", "Maëlle", "Nicolas", "Océane", "Pascal",
    "Rachida", "Sébastien", "Tiphaine", "Vincent", "Yasmine", "Xavier", "Zoé", "Arnaud",
    "Bérénice", "Cyril", "Delphine", "Étienne",
]  # fmt: skip
LAST_NAMES = [
    "Lemaire", "Carpentier", "Benali", "Guillot", "Faure", "Nguyen", "Perrin",
    "Da Silva", "Marchal", "Kone", "Roussel", "Hoarau", "Lebrun", "Tessier",
]  # fmt: skip
PRIVATE_ORGANISATIONS = [
    "Coopérative des communs numériques",
    "Studio de design Tangente",
    "Laboratoire de recherche en apprentissage automatique",
    "Jeune pousse de la donnée ouverte",
    "Fondation pour l’innovation sociale",
    "Cabinet de conseil en produit numérique",
]
EXPERTISE = list(Expertise.values)
RETAINED = {Proposal.Status.RETAINED, Proposal.Status.VALIDATED}


def load_challenge_jury_demo(cohort):
    """The jury of `cohort`'s call; nothing to do once its groups exist."""
    call = getattr(cohort, "challenge_call", None)
    if call is None or call.jury_groups.exists():
        return
    with transaction.atomic():
        _criteria(call)
        _members(call)
        services.propose_plan(call=call, by=None)
        _slots_and_leads(call)
        _grids(call)


def demo_jury_lead(cohort):
    """The lead of the first group, for load_demo's sign-in help (None before the demo)."""
    group = JuryGroup.objects.filter(call__cohort=cohort, lead__isnull=False).order_by("number")
    group = group.select_related("lead").first()
    return group.lead if group else None


def _criteria(call):
    if not call.criteria.exists():
        ChallengeCallCriterion.objects.bulk_create(
            ChallengeCallCriterion(call=call, title=str(title), details=details, sort_order=order)
            for order, (title, details) in enumerate(DEFAULT_CRITERIA)
        )


def _members(call):
    """Half public agents (of the heard administrations, hence never on their défis), half not."""
    hosts = list({proposal.host for proposal in services.heard_proposals(call) if proposal.host_id})
    users = get_user_model()
    for index in range(56):
        # 28 first names, each twice, never with the same last name.
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        last = LAST_NAMES[(index + index // len(FIRST_NAMES) * 7) % len(LAST_NAMES)]
        email = f"{_ascii(first)}.{_ascii(last)}@{DOMAIN}"
        user, _created = users.objects.get_or_create(
            username=email,
            defaults={
                "email": email,
                "first_name": first,
                "last_name": last,
                "password": make_password(None),
            },
        )
        public = index % 2 == 0
        host = hosts[index // 2 % len(hosts)] if public and hosts else None
        JuryMember.objects.get_or_create(
            call=call,
            user=user,
            defaults={
                "full_name": f"{first} {last}",
                "email": email,
                "sector": Sector.PUBLIC if public else Sector.PRIVATE,
                "expertise": EXPERTISE[index % len(EXPERTISE)],
                "organisation": host.ministry
                if host
                else PRIVATE_ORGANISATIONS[index % len(PRIVATE_ORGANISATIONS)],
                "host": host,
            },
        )


def _ascii(text):
    table = str.maketrans("éèëêïîôöçàâ ", "eeeeiioocaa-")
    return text.lower().translate(table)


def _slots_and_leads(call):
    """Each administration was given its slot in the group's order; the first member leads."""
    for group in call.jury_groups.prefetch_related("hearings", "members"):
        slots = services.group_slots(group)
        for hearing, (start, _end) in zip(group.hearings.order_by("pk"), slots, strict=True):
            Hearing.objects.filter(pk=hearing.pk).update(
                starts_at=start, booked_at=start - datetime.timedelta(days=10)
            )
        group.lead = group.members.order_by("full_name").first()
        group.place = f"Salle {group.room}, 20 avenue de Ségur, Paris"
        group.save(update_fields=["lead", "place"])


def _grids(call):
    criteria = [str(pk) for pk in call.criteria.values_list("pk", flat=True)]
    grids, consolidated = [], []
    hearings = Hearing.objects.filter(group__call=call).select_related("proposal", "group__lead")
    for hearing in hearings:
        proposal = hearing.proposal
        retained = proposal.status in RETAINED
        base = 4 if retained else 2
        members = list(hearing.group.members.order_by("pk"))
        for rank, member in enumerate(members):
            # Around 4 (3 to 5) for a retained défi, around 2 (1 to 3) for the others.
            scores = {
                key: base + (rank + position + proposal.pk) % 3 - 1
                for position, key in enumerate(criteria)
            }
            grids.append(
                MemberGrid(
                    member=member,
                    proposal=proposal,
                    scores=scores,
                    comment=_comment(retained, rank),
                    submitted_at=hearing.starts_at + datetime.timedelta(minutes=40),
                )
            )
        means = {
            key: round(sum(grid.scores[key] for grid in grids[-len(members) :]) / len(members))
            for key in criteria
        }
        consolidated.append(
            ConsolidatedGrid(
                proposal=proposal,
                scores=means,
                comment=_comment(retained, -1),
                recommendation=ConsolidatedGrid.Recommendation.RETAINED
                if retained
                else ConsolidatedGrid.Recommendation.NOT_RETAINED,
                filled_by=hearing.group.lead,
                submitted_at=hearing.starts_at + datetime.timedelta(minutes=45),
            )
        )
    MemberGrid.objects.bulk_create(grids)
    ConsolidatedGrid.objects.bulk_create(consolidated)


def _comment(retained, rank):
    if rank < 0:
        return (
            "Le groupe recommande ce défi : un problème précis, des données disponibles et "
            "une équipe d’agents disponible pour accueillir les EIG."
            if retained
            else "Le groupe ne recommande pas ce défi cette année : le problème reste large et "
            "l’accès aux données n’est pas encore assuré."
        )
    remarks_yes = [
        "Mentors très engagés, résultats attendus clairs.",
        "Impact fort pour les usagers ; les données sont prêtes.",
        "",
    ]
    remarks_no = [
        "Le défi ressemble à une commande de prestation plus qu’à une exploration.",
        "Données encore à négocier avec un partenaire.",
        "",
    ]
    return (remarks_yes if retained else remarks_no)[rank % 3]
