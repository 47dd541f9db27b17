"""The rules of the cohort: nobody applies before they are published, and an application keeps
the version its candidate accepted."""

import datetime

from django.utils import timezone

from eig.applications.models import Application
from tests.applications.helpers import eligibility_data, start, step_url
from tests.factories import OpenCallCohortFactory, RulesVersionFactory


def test_nobody_can_apply_while_the_rules_are_not_published(alice_client, alice):
    cohort = OpenCallCohortFactory(rules=None)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    RulesVersionFactory(cohort=cohort, published_on=tomorrow)  # not published yet

    page = alice_client.get("/candidater/").content.decode()
    response = start(alice_client, cohort)

    assert f"Le règlement de la Promotion {cohort.number} n’est pas encore publié" in page
    assert "Commencer ma candidature" not in page
    assert response["Location"] == "/candidater/"
    assert not Application.objects.filter(candidate=alice).exists()
    refused = alice_client.get("/candidater/").content.decode()
    assert "n’est pas encore publié" in refused


def test_the_application_records_the_version_its_candidate_accepted(alice_client, alice, cohort):
    cohort.rules_versions.update(published_on=datetime.date(2026, 1, 5))
    current = RulesVersionFactory(
        cohort=cohort, version="2", published_on=datetime.date(2026, 2, 1)
    )
    start(alice_client, cohort)

    page = alice_client.get(step_url(cohort, "eligibilite")).content.decode()
    alice_client.post(step_url(cohort, "eligibilite"), eligibility_data())

    assert f"J’ai lu le règlement de la Promotion {cohort.number} (version 2)" in page
    assert f"/reglement/?promotion={cohort.number}&amp;version=2" in page
    application = Application.objects.get(candidate=alice)
    assert application.accepts_rules and application.rules_version == current

    alice_client.post(step_url(cohort, "eligibilite"), eligibility_data(accepts_rules=""))
    application.refresh_from_db()
    assert application.rules_version is None
