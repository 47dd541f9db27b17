from eig.cohorts.models import Cohort
from eig.selection.demo import load_selection_demo
from eig.selection.models import Assignment, Conflict, Reviewer
from tests.factories import ApplicationFactory


def state():
    return (
        list(Reviewer.objects.values().order_by("pk")),
        list(Conflict.objects.values().order_by("pk")),
        list(Assignment.objects.values().order_by("pk")),
    )


def test_the_demo_jury_is_assigned_and_loading_twice_changes_nothing(demo):
    cohort = Cohort.objects.get(number=2)
    ApplicationFactory.create_batch(26, cohort=cohort, submitted=True)

    load_selection_demo(cohort)
    first = state()
    load_selection_demo(cohort)

    assert state() == first
    assert Reviewer.objects.filter(cohort=cohort).count() == 8
    assert Conflict.objects.filter(kind="declared").count() == 3
    assert set(Assignment.objects.values_list("status", flat=True)) == {"released"}
    assert Assignment.objects.count() == 52
