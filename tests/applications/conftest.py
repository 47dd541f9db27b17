import datetime

import pytest

from tests.factories import ChallengeFactory, OpenCallCohortFactory


@pytest.fixture
def cohort(db):
    return OpenCallCohortFactory(number=3, year=2027, starts_on=datetime.date(2027, 1, 15))


@pytest.fixture
def challenges(cohort):
    return [
        ChallengeFactory(cohort=cohort, slug=f"defi-ouvert-{number}", name=f"Défi ouvert {number}")
        for number in (1, 2, 3, 4)
    ]
