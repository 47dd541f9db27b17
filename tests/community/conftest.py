import datetime

import pytest
from django.utils import timezone

from eig.applications.models import Application
from eig.community.models import Fellow
from eig.events.models import Event
from tests.factories import ApplicationFactory, CandidateFactory, EventFactory


def make_fellow(challenge, user=None, **names):
    """`user` (a new account by default) on `challenge`, as a published team would put them."""
    user = user or CandidateFactory()
    application = ApplicationFactory(
        cohort=challenge.cohort,
        candidate=user,
        submitted=True,
        status=Application.Status.SELECTED,
        **names,
    )
    return Fellow.objects.create(
        user=user, application=application, challenge=challenge, cohort=challenge.cohort
    )


@pytest.fixture
def cohort(db):
    """A published promotion under way."""
    from tests.factories import CohortFactory

    return CohortFactory(is_published=True, number=42, year=2050)


@pytest.fixture
def fellow(alice, challenge):
    """Alice, an EIG of `challenge`."""
    return make_fellow(challenge, alice, first_name="Alice", last_name="Martin")


@pytest.fixture
def erin_fellow(erin, challenge):
    """Erin, another EIG of the same défi."""
    return make_fellow(challenge, erin, first_name="Erin", last_name="Durand")


def upcoming_event(cohort=None, *, days=7, audience=Event.Audience.PROMOTION, **values):
    # iCalendar keeps whole seconds.
    start = (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)
    values.setdefault("registration_open", True)
    return EventFactory(
        cohort=cohort,
        audience=audience,
        starts_on=timezone.localdate(start),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        **values,
    )
