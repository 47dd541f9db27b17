import pytest

from tests.factories import CandidateFactory


@pytest.fixture
def root(db):
    """A superuser, in no group."""
    return CandidateFactory(username="root@equipe.example", is_superuser=True, is_staff=True)
