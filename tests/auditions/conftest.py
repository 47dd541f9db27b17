import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from eig.applications.models import Application
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    CohortFactory,
    InterviewSlotFactory,
)


@pytest.fixture
def cohort(db):
    return CohortFactory(number=3, year=2027, starts_on=datetime.date(2027, 1, 15))


@pytest.fixture
def alice(db):
    """A candidate."""
    return CandidateFactory(username="alice@example.fr", first_name="Alice", last_name="Martin")


@pytest.fixture
def bob(db):
    """Another candidate."""
    return CandidateFactory(username="bob@example.fr", first_name="Bob", last_name="Durand")


@pytest.fixture
def carol(db):
    """Carol is in the programme team."""
    carol = CandidateFactory(username="carol@equipe.example")
    carol.groups.add(Group.objects.get_or_create(name=PROGRAMME_TEAM_GROUP)[0])
    return carol


@pytest.fixture
def dan(db):
    """Dan sits on audition panels."""
    return CandidateFactory(username="dan@jury.example")


@pytest.fixture
def invited(alice, cohort):
    """Alice's application, invited to an audition."""
    return invite(alice, cohort)


@pytest.fixture
def slot(cohort, dan):
    """A free slot in a week, before Dan's panel."""
    return InterviewSlotFactory(cohort=cohort, panel=[dan])


def invite(candidate, cohort):
    return ApplicationFactory(
        candidate=candidate,
        cohort=cohort,
        submitted=True,
        status=Application.Status.INVITED,
        first_name=candidate.first_name,
        last_name=candidate.last_name,
    )


def in_hours(hours):
    return timezone.now() + datetime.timedelta(hours=hours)
