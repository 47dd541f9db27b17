"""The jury of Promotion 2 for the demo: generated people, never real ones.

Idempotent: reviewers are keyed on their e-mail, conflicts on their pair, and the assignment is
computed (by the real function, two reviews per application) and released only once.
"""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from eig.applications.models import Profile
from eig.challenges.models import HostOrganisation, Skill
from eig.selection.assignment import propose_assignment, release_assignments
from eig.selection.models import Assignment, Conflict, Reviewer
from eig.selection.selectors import assignable_applications

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
EMAIL_DOMAIN = "jury.example.org"
INVITED_AT = datetime.datetime(2017, 11, 6, 9, tzinfo=PARIS)
ACCEPTED_AT = datetime.datetime(2017, 11, 8, 14, tzinfo=PARIS)
MAX_LOAD = 70
REVIEWS_PER_APPLICATION = 2
# (name, organisation, profiles, index of their host administration among the cohort's or None)
REVIEWERS = [
    ("Hélène Marchand", "Etalab", [Profile.DATA_SCIENCE, Profile.DEVELOPMENT], None),
    ("Olivier Besson", "Société de conseil numérique", [Profile.DEVELOPMENT], None),
    ("Nadia Cherif", "Laboratoire de recherche en données", [Profile.DATA_SCIENCE], None),
    ("Florence Aubert", "Agence de design de services", [Profile.DESIGN, Profile.OTHER], None),
    ("Marc Lemoine", "Cabinet d'avocats du numérique", [Profile.LAW, Profile.OTHER], None),
    ("Sophie Renaud", "Association de logiciel libre", [Profile.DEVELOPMENT, Profile.DESIGN], None),
    ("Pierre Dumas", "", [Profile.DATA_SCIENCE, Profile.OTHER], 0),
    ("Isabelle Carré", "", [Profile.DEVELOPMENT, Profile.LAW], 1),
]
DECLARED = [(0, 3, "Ancienne collègue"), (2, 10, "Proche"), (5, 25, "Ancien stagiaire")]


@transaction.atomic
def load_selection_demo(cohort):
    hosts = list(
        HostOrganisation.objects.filter(challenges__cohort=cohort).distinct().order_by("pk")
    )
    skills = list(Skill.objects.filter(challenges__cohort=cohort).distinct().order_by("slug"))
    reviewers = [
        _reviewer(cohort, index, entry, hosts, skills) for index, entry in enumerate(REVIEWERS)
    ]
    applications = list(assignable_applications(cohort))
    for reviewer_index, application_index, reason in DECLARED:
        if application_index < len(applications):
            Conflict.objects.get_or_create(
                reviewer=reviewers[reviewer_index],
                application=applications[application_index],
                defaults={"kind": Conflict.Kind.DECLARED, "reason": reason},
            )
    if not Assignment.objects.filter(reviewer__cohort=cohort).exists():
        propose_assignment(cohort=cohort, reviews_per_application=REVIEWS_PER_APPLICATION, by=None)
        release_assignments(cohort=cohort, by=None)


def _reviewer(cohort, index, entry, hosts, skills):
    full_name, organisation, profiles, host_index = entry
    slug = full_name.lower().translate(str.maketrans("éèëçà ", "eeeca."))
    email = f"{slug}@{EMAIL_DOMAIN}"
    user, _created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email, "password": make_password(None)}
    )
    reviewer, created = Reviewer.objects.get_or_create(
        cohort=cohort,
        user=user,
        defaults={
            "full_name": full_name,
            "organisation": organisation,
            "host": hosts[host_index]
            if host_index is not None and host_index < len(hosts)
            else None,
            "profiles": [str(profile) for profile in profiles],
            "max_load": MAX_LOAD,
            "invited_at": INVITED_AT,
            "accepted_at": ACCEPTED_AT,
        },
    )
    if created and skills:
        reviewer.skills.set(skills[index % len(skills) :: 3])
    return reviewer
