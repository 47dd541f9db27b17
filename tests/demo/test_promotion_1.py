"""Promotion 1's applications in the demo (eig/demo/promotion_1.py): loaded once, consistent
with its 11 fellows, and published by the open data as aggregates only."""

import datetime
import itertools
import json
from collections import Counter

from django.contrib.auth import get_user_model
from django.urls import reverse

from eig.applications.models import Application
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.demo.loader import load_demo
from eig.demo.promotion_1 import load_promotion_1
from eig.opendata import datasets

S = Application.Status


def promotion_1_counts():
    applications = Application.objects.filter(cohort__number=1)
    return (
        Counter(applications.values_list("status", flat=True)),
        applications.values("choices").count(),
        applications.values("transitions").count(),
        applications.values("submissions").count(),
    )


def test_promotion_1_has_its_applications_once_however_often_the_demo_loads(full_demo):
    cohort = Cohort.objects.get(number=1)
    applications = Application.objects.filter(cohort=cohort)
    before = promotion_1_counts()
    assert 150 <= applications.submitted().count() <= 250
    assert applications.drafts().exists()

    load_demo()
    assert promotion_1_counts() == before

    # Whoever is missing comes back as they were, and only them.
    gone = list(applications.order_by("public_id")[:5])
    get_user_model().objects.filter(pk__in=[a.candidate_id for a in gone]).delete()
    assert applications.count() == sum(before[0].values()) - 5
    load_promotion_1(cohort)
    assert promotion_1_counts() == before
    assert list(applications.order_by("public_id")[:5].values_list("public_id", "email")) == [
        (a.public_id, a.email) for a in gone
    ]


def test_promotion_1_is_decided_as_its_fellows_and_the_rush_before_its_deadline(full_demo):
    cohort = Cohort.objects.get(number=1)
    submitted = Application.objects.filter(cohort=cohort).submitted()
    # A finished promotion: every submitted application was decided.
    assert set(submitted.values_list("status", flat=True)) == {S.INELIGIBLE, S.REJECTED, S.SELECTED}
    retained = submitted.filter(status=S.SELECTED).prefetch_related("choices")
    assert retained.count() == cohort.fellows_count == 11
    per_challenge = Counter(a.choices.get(rank=1).challenge.slug for a in retained)
    assert per_challenge == {
        challenge.slug: challenge.fellows_sought
        for challenge in Challenge.objects.filter(cohort=cohort)
    }
    opens, closes = cohort.application_call_opens_at, cohort.application_call_closes_at
    assert all(opens <= a.submitted_at < closes for a in submitted)
    last_week = submitted.filter(submitted_at__gte=closes - datetime.timedelta(days=7)).count()
    first_week = submitted.filter(submitted_at__lt=opens + datetime.timedelta(days=7)).count()
    assert last_week > submitted.count() / 2 > 5 * first_week
    # Every move of the history, from the submission to the decision, in order.
    for application in submitted.prefetch_related("transitions"):
        history = list(application.transitions.order_by("at"))
        assert history[0].to_status == S.SUBMITTED and history[-1].to_status == application.status
        assert all(a.to_status == b.from_status for a, b in itertools.pairwise(history))


def test_open_data_publishes_promotion_1s_figures_and_nobody(client, full_demo):
    submitted = Application.objects.filter(cohort__number=1).submitted()

    def rows(slug):
        document = client.get(reverse("opendata:download", args=[slug, "json"])).json()
        return [row for row in document["donnees"] if row["promotion"] == 1]

    [per_cohort] = rows("candidatures-par-promotion")
    assert per_cohort["candidatures"] == submitted.count()
    assert per_cohort["places"] == 11
    funnel = {row["etape"]: row["candidatures"] for row in rows("entonnoir-de-selection")}
    assert funnel["deposee"] == submitted.count() and funnel["retenue"] == 11
    assert None not in funnel.values()
    profiles = {row["profil"]: row["candidatures"] for row in rows("candidatures-par-profil")}
    assert sum(count for count in profiles.values() if count) == submitted.count()
    demand = rows("candidatures-par-defi")
    assert len(demand) == 9 and all(row["candidatures"] for row in demand)
    api = client.get(reverse("api_v1:entonnoir-de-selection"), {"promotion": 1}).json()
    assert [row["candidatures"] for row in api["resultats"]] == list(funnel.values())
    statistics = client.get(reverse("opendata:statistics"), {"promotion": 1})
    assert statistics.status_code == 200
    assert "Promotion 1" in statistics.context["funnel"].series

    published = [
        client.get(reverse("opendata:download", args=[dataset.slug, file_format])).content
        for dataset in datasets.DATASETS
        for file_format in ("csv", "json")
    ]
    published = [content.decode("utf-8-sig") for content in published]
    published.append(statistics.content.decode())
    published.append(json.dumps(api, ensure_ascii=False))
    people = Application.objects.filter(cohort__number=1).values_list(
        "first_name", "last_name", "email"
    )
    for first_name, last_name, email in people:
        assert not any(email in text or f"{first_name} {last_name}" in text for text in published)


def test_the_team_sees_promotion_1_and_compares_promotion_2_with_it(team_client, full_demo):
    page = team_client.get("/equipe/candidatures/", {"promotion": 1})
    assert page.status_code == 200
    retained = Application.objects.filter(cohort__number=1, status=S.SELECTED).first()
    assert retained.last_name in page.content.decode()
    # Its applications open, without a CV (not kept for 2016's applications in the demo).
    detail = team_client.get(f"/equipe/candidatures/{retained.public_id}/")
    assert detail.status_code == 200 and not retained.cv

    assert (
        team_client.get("/equipe/candidatures/statistiques/", {"promotion": 1}).status_code == 200
    )
    per_day = team_client.get(
        "/equipe/candidatures/statistiques/candidatures-par-jour.csv", {"promotion": 2}
    ).content.decode("utf-8-sig")
    header, *days = per_day.splitlines()
    assert "Promotion 1" in header and "Promotion 2" in header
    # Promotion 1's call lasted 29 days: its curve ends with its total.
    submitted = Application.objects.filter(cohort__number=1).submitted().count()
    assert days[28].split(";")[1] == str(submitted)


def test_a_promotion_1_candidate_gets_the_receipt_of_their_submission(client, full_demo):
    application = Application.objects.filter(cohort__number=1, status=S.REJECTED).first()
    client.force_login(application.candidate)

    response = client.get(f"/mon-espace/candidatures/{application.public_id}/recepisse/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
