import pytest

from tests.factories import ApplicationFactory


@pytest.fixture
def alice_application(alice, cohort):
    """Alice's submitted application."""
    return ApplicationFactory(cohort=cohort, candidate=alice, submitted=True)
