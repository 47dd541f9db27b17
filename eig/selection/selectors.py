"""Reads about the jury, shared by the team's and the reviewers' pages."""

from django.db.models import Case, Count, Q, Value, When
from django.utils.translation import gettext_lazy as _

from eig.applications.models import Application
from eig.cohorts.models import Cohort
from eig.selection.access import assignments_of
from eig.selection.models import Review, ReviewGrid


def assignable_applications(cohort):
    """The applications of `cohort` that reviewers assess, in a stable order."""
    return Application.objects.assessable().filter(cohort=cohort).order_by("pk")


# --- The reviewer's work ------------------------------------------------------------------

TO_DO, DRAFT, SUBMITTED = "a-faire", "brouillon", "soumise"
WORK_STATUSES = [(TO_DO, _("À faire")), (DRAFT, _("Brouillon")), (SUBMITTED, _("Soumise"))]


def reviewer_work(user):
    """`user`'s assignments (see `assignments_of`) with `work_status`, in the dashboard's
    order: to do first, then drafts, then submitted; by name within each."""
    status = Case(
        When(review__status=Review.Status.SUBMITTED, then=Value(SUBMITTED)),
        When(review__status=Review.Status.DRAFT, then=Value(DRAFT)),
        default=Value(TO_DO),
    )
    rank = Case(
        When(review__status=Review.Status.SUBMITTED, then=Value(2)),
        When(review__status=Review.Status.DRAFT, then=Value(1)),
        default=Value(0),
    )
    return (
        assignments_of(user)
        .annotate(work_status=status, work_rank=rank)
        .order_by("work_rank", "application__last_name", "application__first_name", "pk")
    )


def next_to_do(user, *, after):
    """The next assignment still to do (not submitted) after `after`, in the dashboard's order."""
    return (
        reviewer_work(user)
        .exclude(pk=after.pk)
        .exclude(review__status=Review.Status.SUBMITTED)
        .select_related("application")
        .first()
    )


def progress_by_cohort(user):
    """For each cohort where `user` has assignments: (cohort, deadline, submitted, total)."""
    rows = (
        assignments_of(user)
        .values("reviewer__cohort")
        .annotate(
            total=Count("pk"),
            submitted=Count("pk", filter=Q(review__status=Review.Status.SUBMITTED)),
        )
        .order_by("reviewer__cohort")
    )
    counts = {row["reviewer__cohort"]: row for row in rows}
    grids = {
        grid.cohort_id: grid.reviewing_deadline
        for grid in ReviewGrid.objects.filter(cohort__in=counts)
    }
    return [
        (cohort, grids.get(cohort.pk), counts[cohort.pk]["submitted"], counts[cohort.pk]["total"])
        for cohort in Cohort.objects.filter(pk__in=counts).order_by("number")
    ]
