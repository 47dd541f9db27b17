import datetime

from eig.applications.models import Application
from tests.factories import ApplicationFactory, ChallengeChoiceFactory

# 9h30 UTC, 10h30 in Paris.
MARCH_10 = datetime.datetime(2026, 3, 10, 9, 30, tzinfo=datetime.UTC)


def submitted(**fields):
    """A submitted application without défi: give it some with `choose`."""
    fields.setdefault("submitted_at", MARCH_10)
    return ApplicationFactory(submitted=True, choice=None, **fields)


def withdrawn(**fields):
    return submitted(status=Application.Status.WITHDRAWN, withdrawn_at=MARCH_10, **fields)


def choose(application, *challenges):
    """Give `application` these défis, ranked in this order."""
    for rank, challenge in enumerate(challenges, start=1):
        ChallengeChoiceFactory(application=application, challenge=challenge, rank=rank)
    return application
