import datetime

import pytest
from django.contrib.auth.models import Group

from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from tests.factories import CandidateFactory, ChallengeFactory, OpenCallCohortFactory


@pytest.fixture
def cohort(db):
    return OpenCallCohortFactory(number=3, year=2027, starts_on=datetime.date(2027, 1, 15))


@pytest.fixture
def challenges(cohort):
    return [
        ChallengeFactory(cohort=cohort, slug=f"defi-ouvert-{number}", name=f"Défi ouvert {number}")
        for number in (1, 2, 3, 4)
    ]


@pytest.fixture
def alice(db):
    return CandidateFactory(username="alice@example.fr", first_name="Alice", last_name="Martin")


@pytest.fixture
def bob(db):
    return CandidateFactory(username="bob@example.fr", first_name="Bob", last_name="Durand")


@pytest.fixture
def carol(db):
    """Carol is in the programme team."""
    carol = CandidateFactory(username="carol@equipe.example")
    carol.groups.add(Group.objects.get_or_create(name=PROGRAMME_TEAM_GROUP)[0])
    return carol


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client
