import pytest
from django.contrib.auth.models import Group

from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    OpenCallCohortFactory,
    ReviewerFactory,
)


@pytest.fixture
def cohort(db):
    return OpenCallCohortFactory()


@pytest.fixture
def alice_application(cohort):
    """Alice the candidate, with a submitted application."""
    alice = CandidateFactory(username="alice@example.fr")
    return ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)


@pytest.fixture
def bob(cohort):
    """Bob is a member of the jury of the cohort."""
    return ReviewerFactory(
        cohort=cohort, user__username="bob@jury.example.org", full_name="Bob Lenoir"
    )


@pytest.fixture
def carol(db):
    """Carol is in the programme team."""
    carol = CandidateFactory(username="carol@equipe.example")
    carol.groups.add(Group.objects.get_or_create(name=PROGRAMME_TEAM_GROUP)[0])
    return carol
