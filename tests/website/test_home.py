import re

from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from tests.factories import ChallengeFactory, CohortFactory, ProgrammeFactory


def figures(html):
    return re.findall(r'eig-figure__value">([^<]*)<', html)


def test_home_presents_the_current_cohort_figures(client, demo):
    html = client.get("/").content.decode()

    assert figures(html) == ["27", "13", "10", "4\xa0000 €"]
    assert "Promotion 2 (2018) en chiffres" in html
    assert "une équipe de 2 à 3 EIG, pendant 10 mois" in html


def test_home_figures_follow_the_data(client, demo):
    cohort = Cohort.objects.get(number=2)
    cohort.fellows_count = 28
    cohort.net_monthly_pay = 4200
    cohort.duration_months = 11
    cohort.team_size_max = 4
    cohort.save()
    ChallengeFactory(cohort=cohort, status=Challenge.Status.COMPLETED)
    ChallengeFactory(cohort=cohort, status=Challenge.Status.DRAFT)  # not published: not counted

    html = client.get("/").content.decode()

    assert figures(html) == ["28", "14", "11", "4\xa0200 €"]
    assert "une équipe de 2 à 4 EIG, pendant 11 mois" in html


def test_home_counts_fellows_sought_before_the_cohort_is_formed(client, db):
    programme = ProgrammeFactory()
    cohort = CohortFactory(programme=programme, fellows_count=None)
    programme.current_cohort = cohort
    programme.save()
    ChallengeFactory(cohort=cohort, fellows_sought=2)
    ChallengeFactory(cohort=cohort, fellows_sought=3)

    html = client.get("/").content.decode()

    assert figures(html)[:2] == ["5", "2"]
    assert "EIG recherché·e·s" in html


def test_home_shows_criteria_dates_and_links(client, demo):
    html = client.get("/").content.decode()

    assert "Les critères de sélection" in html
    assert "intérêt général" in html
    assert "Les prochaines dates" in html
    assert "Appel à candidatures" in html
    assert 'href="/defis/"' in html
    assert 'href="/reglement/"' in html
    assert 'href="/faq/"' in html
