"""The reads behind the back office's list and exports."""

from functools import reduce
from operator import or_

from django.db.models import F, Prefetch, Q

from eig.applications.models import ChallengeChoice
from eig.backoffice.search import Folded, fold

# Values of the status filter besides Application.Status: "" keeps the submitted applications.
SUBMITTED = ""
ANY_STATUS = "toutes"
SEARCHED_FIELDS = ["first_name", "last_name", "email"]


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
    words = fold(search).split()
    if not words:
        return applications
    applications = applications.alias(
        **{f"folded_{field}": Folded(field) for field in SEARCHED_FIELDS}
    )
    for word in words:
        applications = applications.filter(
            reduce(or_, (Q(**{f"folded_{field}__contains": word}) for field in SEARCHED_FIELDS))
        )
    return applications


def for_listing(applications):
    """Newest first, with the défis in rank order in one more query, whatever the number of rows."""
    choices = ChallengeChoice.objects.select_related("challenge").order_by("rank")
    return (
        applications.select_related("cohort")
        .prefetch_related(Prefetch("choices", queryset=choices))
        # Drafts have no submission date: after the others, on every database.
        .order_by(F("submitted_at").desc(nulls_last=True), "-created_at", "-pk")
    )
