import pytest
from django.contrib.auth.models import Group

from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from tests.factories import CandidateFactory


@pytest.fixture
def alice(db):
    """A candidate."""
    return CandidateFactory(username="alice@example.fr")


@pytest.fixture
def carol(db):
    """Carol is in the programme team."""
    carol = CandidateFactory(username="carol@equipe.example")
    carol.groups.add(Group.objects.get_or_create(name=PROGRAMME_TEAM_GROUP)[0])
    return carol


@pytest.fixture
def root(db):
    """A superuser, in no group."""
    return CandidateFactory(username="root@equipe.example", is_superuser=True, is_staff=True)


@pytest.fixture
def team_client(client, carol):
    client.force_login(carol)
    return client
