"""The team's list at 20,000 applications reads indexes (backoffice migration 0002, PostgreSQL):
its default order and its order by name by pages of 50, its search by trigrams. Each query must
be able to use its index, whatever the planner prefers on a table this small."""

import pytest
from django.db import connection

from eig.applications.models import Application
from eig.backoffice.selectors import (
    filter_applications,
    ordered_ids,
    search_applications,
    sorted_ids,
)
from tests.backoffice.helpers import submitted
from tests.factories import CohortFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's indexes; SQLite has none"
    ),
]


def plan(queryset):
    """The plan of `queryset` with sequential scans ruled out as far as PostgreSQL can."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        return queryset.explain()


@pytest.mark.parametrize(
    ("sort", "index"), [("-depot", "application_list_order"), ("nom", "application_list_name")]
)
def test_a_page_of_the_list_reads_its_order_from_an_index(sort, index):
    cohort = CohortFactory()
    applications = filter_applications(Application.objects.all(), cohort=cohort)

    assert index in plan(ordered_ids(applications, sort)[:50])


@pytest.mark.parametrize("field", ["first_name", "last_name", "email"])
def test_the_search_reads_the_trigram_indexes(field):
    applications = search_applications(Application.objects.order_by(), "dupre")

    assert f"application_search_{field}" in plan(applications)


def test_the_search_and_the_orders_find_what_they_found_before():
    """The indexed expression is unaccent's: same rows, same order as `fold` describes."""
    cohort = CohortFactory()
    for first, last in [("Élodie", "Dupré"), ("Noé", "Œuvray"), ("Zoé", "dupre"), ("Inès", "Ab")]:
        submitted(cohort=cohort, first_name=first, last_name=last)
    applications = filter_applications(Application.objects.all(), cohort=cohort)

    by_name = list(ordered_ids(applications, "nom").values_list("last_name", flat=True))
    found = filter_applications(Application.objects.all(), cohort=cohort, search="DUPRE elo")

    assert by_name == ["Ab", "Dupré", "dupre", "Œuvray"]
    assert sorted_ids(applications, "nom") == list(ordered_ids(applications, "nom"))
    assert list(found.values_list("first_name", flat=True)) == ["Élodie"]
