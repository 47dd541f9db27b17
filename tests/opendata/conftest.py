import datetime

import pytest
from django.utils import timezone

from eig.applications.models import Application, Profile, StageTransition
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory

# Personal data no published file, answer or chart may ever carry.
SECRET_FIRST_NAME = "Zéphyrine"
SECRET_LAST_NAME = "Quillebeuf"
SECRET_EMAIL_DOMAIN = "secret-candidats.example.org"
SECRET_MOTIVATION = "Ma motivation très singulière, xyzzy-plugh."


@pytest.fixture
def promotion(db, settings):
    """A published cohort of 30 submitted applications at known stages and profiles.

    Stages reached: 30 submitted, 22 recevables, 16 présélectionnées, 9 admissibles, auditionnées
    and retenues. Profiles: 20 development, 7 design, 3 law (hidden, with design to hide it).
    """
    settings.OPEN_DATA_MIN_COUNT = 5
    opens = timezone.now() - datetime.timedelta(days=60)
    cohort = CohortFactory(
        number=40,
        year=2048,
        application_call_opens_at=opens,
        application_call_closes_at=opens + datetime.timedelta(days=30),
    )
    popular = ChallengeFactory(cohort=cohort, slug="defi-populaire", fellows_sought=3)
    quiet = ChallengeFactory(cohort=cohort, slug="defi-discret", fellows_sought=2)
    stages = (
        [Application.Status.SUBMITTED] * 8
        + [Application.Status.ELIGIBLE] * 6
        + [Application.Status.REJECTED] * 7
        + [Application.Status.SELECTED] * 9
    )
    profiles = [Profile.DEVELOPMENT] * 20 + [Profile.DESIGN] * 7 + [Profile.LAW] * 3
    for index, (status, profile) in enumerate(zip(stages, profiles, strict=True)):
        application = ApplicationFactory(
            cohort=cohort,
            submitted=True,
            status=status,
            profile=profile,
            first_name=f"{SECRET_FIRST_NAME}{index}",
            last_name=SECRET_LAST_NAME,
            email=f"zephyrine.{index}@{SECRET_EMAIL_DOMAIN}",
            city="Quillebeufville",
            motivation=SECRET_MOTIVATION,
            submitted_at=opens + datetime.timedelta(days=index % 10),
            # Three applications choose the quiet défi first: too few to publish.
            choice__challenge=quiet if index < 3 else popular,
        )
        if status == Application.Status.REJECTED:
            # Rejected after the shortlist: only its history tells the stages it reached.
            for before, after in [("submitted", "eligible"), ("eligible", "shortlisted")]:
                StageTransition.objects.create(
                    application=application,
                    from_status=before,
                    to_status=after,
                    at=timezone.now(),
                )
    return cohort
