"""The reads behind the back office's list and exports."""

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from eig.applications.models import Application, ChallengeChoice
from eig.backoffice.search import Folded, IndexedFolded, search_words
from eig.cohorts.models import Cohort

# Values of the status filter besides Application.Status: "" keeps the submitted applications.
SUBMITTED = ""
ANY_STATUS = "toutes"
SEARCHED_FIELDS = ["first_name", "last_name", "email"]
# The list's orders, by the name of the column in its query string (`tri`, `-` for descending).
SORT_BY_NAME = "nom"
SORT_BY_SUBMISSION = "depot"
SORT_BY_STAGE = "etat"
SORT_BY_CHOICE_COUNT = "defis"
SORT_BY_SCORE = "note"
DEFAULT_SORT = f"-{SORT_BY_SUBMISSION}"


def default_cohort(cohorts=None, now=None):
    """The cohort the team's pages open on: the latest whose call is open, else the latest one.

    `cohorts`: those to choose from, when the caller has them already (else every cohort).
    """
    cohorts = sorted(Cohort.objects.all() if cohorts is None else cohorts, key=number, reverse=True)
    open_call = (cohort for cohort in cohorts if cohort.is_application_call_open(now))
    return next(open_call, cohorts[0] if cohorts else None)


def number(cohort):
    return cohort.number


def filter_applications(
    applications, *, cohort=None, challenge=None, profile="", status=SUBMITTED, search=""
):
    """`applications` narrowed by the back office's filters; an empty filter keeps everything."""
    if status == SUBMITTED:
        applications = applications.submitted()
    elif status != ANY_STATUS:
        applications = applications.filter(status=status)
    if cohort is not None:
        applications = applications.filter(cohort=cohort)
    if challenge is not None:
        # At any rank: a défi appears at most once in an application, so no duplicates.
        applications = applications.filter(choices__challenge=challenge)
    if profile:
        applications = applications.filter(profile=profile)
    return search_applications(applications, search)


def search_applications(applications, search):
    """Each word of `search` must appear in the first name, the last name or the e-mail."""
    return search_words(applications, search, SEARCHED_FIELDS, folded=IndexedFolded)


def sorted_ids(applications, sort=DEFAULT_SORT, scores=None):
    """The ids of `applications` in the order of `sort`, ties broken by name then id, so that
    the order is the same from one page to the next.

    `scores` ({application id: overall score}) is needed by the score order, done in Python since
    the calibrated scores are computed there; applications without a score come last.
    """
    return list(ordered_ids(applications, sort, scores))


def ordered_ids(applications, sort=DEFAULT_SORT, scores=None):
    """`sorted_ids`, as a QuerySet of ids when the database sorts: a page of the list then
    reads its 50 rows (LIMIT, OFFSET) rather than the ids of a whole cohort."""
    descending = sort.startswith("-")
    column = sort.removeprefix("-")
    tie_breakers = [Folded("last_name").asc(), Folded("first_name").asc(), F("pk").asc()]
    if column == SORT_BY_SCORE:
        ids = list(applications.order_by(*tie_breakers).values_list("pk", flat=True))
        scores = scores or {}
        scored = sorted(
            (pk for pk in ids if pk in scores), key=scores.__getitem__, reverse=descending
        )
        return scored + [pk for pk in ids if pk not in scores]
    key = _sort_key(column)
    first = key.desc(nulls_last=True) if descending else key.asc(nulls_last=True)
    extra = [F("created_at").desc()] if column == SORT_BY_SUBMISSION else []
    return applications.order_by(first, *extra, *tie_breakers).values_list("pk", flat=True)


def _sort_key(column):
    if column == SORT_BY_NAME:
        return IndexedFolded("last_name")  # a page of the list, read from an index
    if column == SORT_BY_STAGE:
        # Along the process, in the order of Application.Status, rather than by code.
        return Case(
            *(
                When(status=status, then=Value(rank))
                for rank, status in enumerate(Application.Status)
            ),
            output_field=IntegerField(),
        )
    if column == SORT_BY_CHOICE_COUNT:
        # A subquery: a défi filter joins the choices, which a Count() on them would then see.
        counts = (
            ChallengeChoice.objects.filter(application=OuterRef("pk"))
            .values("application")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))
    return F("submitted_at")


def in_order(applications, ids):
    """The applications of `ids`, in that order, ready for the list (see `for_listing`)."""
    rows = for_listing(applications.filter(pk__in=ids)).in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def for_listing(applications):
    """Newest first, with the défis in rank order in one more query, whatever the number of rows."""
    choices = ChallengeChoice.objects.select_related("challenge").order_by("rank")
    return (
        applications.select_related("cohort")
        .prefetch_related(Prefetch("choices", queryset=choices))
        # Drafts have no submission date: after the others, on every database.
        .order_by(F("submitted_at").desc(nulls_last=True), "-created_at", "-pk")
    )
