"""The demo's call for défis: Promotion 2's 43 proposals and an open call with an agent's draft."""

from collections import Counter

import pytest

from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.demo.proposals import demo_agent, load_proposals_demo
from eig.proposals.models import ChallengeCall, Proposal
from tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


def test_promotion_2s_call_and_the_open_call(demo):
    CohortFactory(programme=demo, number=3, year=2019)
    load_proposals_demo(Cohort.objects.all())
    load_proposals_demo(Cohort.objects.all())  # idempotent

    call = ChallengeCall.objects.get(cohort__number=2)
    assert call.information_meeting_at.date().isoformat() == "2017-05-16"
    assert (call.jury_starts_on.isoformat(), call.jury_ends_on.isoformat()) == (
        "2017-07-04",
        "2017-07-05",
    )
    proposals = call.proposals.all()
    assert proposals.count() == 43
    heard = proposals.filter(transitions__to_status="shortlisted").distinct()
    assert heard.count() == 30
    validated = proposals.filter(status=Proposal.Status.VALIDATED)
    published = set(Challenge.objects.filter(cohort__number=2).values_list("pk", flat=True))
    assert set(validated.values_list("published_challenge", flat=True)) == published
    assert len(published) == 13
    counts = Counter(proposals.values_list("status", flat=True))
    assert counts == {"validated": 13, "not_retained": 26, "inadmissible": 4}
    for proposal in proposals.filter(status="inadmissible"):
        assert proposal.inadmissible_reason
        assert proposal.transitions.get(to_status="inadmissible").reason
    years = {t.at.year for p in proposals for t in p.transitions.all()}
    assert years == {2017}

    open_call = ChallengeCall.objects.get(cohort__number=3)
    assert open_call.is_open()
    agent = demo_agent()
    assert list(Proposal.objects.filter(authors__user=agent).values_list("status", "call")) == [
        ("draft", open_call.pk)
    ]
