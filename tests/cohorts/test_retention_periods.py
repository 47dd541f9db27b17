"""Each cohort's retention periods: defaults from the settings, the pool two years at most."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from tests.factories import CohortFactory


def test_a_new_cohort_takes_the_periods_of_the_settings(db, settings):
    settings.RETENTION_DRAFT_DAYS = 20
    settings.RETENTION_REJECTED_DAYS = 100
    settings.RETENTION_POOL_DAYS = 500

    cohort = CohortFactory()

    assert (cohort.draft_retention_days, cohort.rejected_retention_days) == (20, 100)
    assert cohort.pool_retention_days == 500


def test_the_pool_is_kept_two_years_at_most_and_no_less_than_the_others(db):
    cohort = CohortFactory.build(pool_retention_days=731)
    with pytest.raises(ValidationError) as error:
        cohort.full_clean(exclude=["programme"])
    assert "pool_retention_days" in error.value.message_dict

    cohort = CohortFactory.build(rejected_retention_days=200, pool_retention_days=100)
    with pytest.raises(ValidationError, match="au moins aussi longtemps"):
        cohort.clean()

    with pytest.raises(IntegrityError):
        CohortFactory(pool_retention_days=800)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("EIG_RETENTION_POOL_DAYS", "800"),
        ("EIG_RETENTION_REJECTED_DAYS", "0"),
        ("EIG_RETENTION_JOURNAL_DAYS", "0"),
    ],
)
def test_periods_that_break_the_promise_stop_the_start(variable, value):
    environment = os.environ | {"SECRET_KEY": "test", variable: value}
    started = subprocess.run(
        [sys.executable, "-c", "import eig.settings"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert started.returncode != 0
    assert "ImproperlyConfigured" in started.stderr and variable in started.stderr
