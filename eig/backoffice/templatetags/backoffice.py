from django import template
from django.http import QueryDict

from eig.accounts import roles
from eig.backoffice.selectors import default_cohort
from eig.backoffice.team_space import (
    COHORT_TABS,
    EVERY_COHORT_TABS,
    journal_link,
    navigation,
)
from eig.cohorts.models import Cohort

register = template.Library()


@register.filter
def is_programme_team(user):
    return roles.is_programme_team(user)


@register.filter
def is_web_address(url):
    """Links typed by candidates are followed only to http(s) pages, never to javascript: ones."""
    return url.lower().startswith(("https://", "http://"))


@register.inclusion_tag("backoffice/includes/sort_header.html", takes_context=True)
def sort_header(context, column, label, descending_first=False):
    """A column header of the team's list that sorts it, saying with aria-sort how it is sorted.

    A first click sorts ascending (descending for dates, counts and scores, where the most
    recent or highest is what one looks for); a second click reverses.
    """
    current = context["form"].cleaned_data.get("tri", "") if context["form"].is_valid() else ""
    if current == column:
        state, next_sort = "ascending", f"-{column}"
    elif current == f"-{column}":
        state, next_sort = "descending", column
    else:
        state, next_sort = None, f"-{column}" if descending_first else column
    params = QueryDict(context["query"], mutable=True)
    params["tri"] = next_sort
    return {"label": label, "state": state, "href": f"?{params.urlencode()}"}


@register.simple_tag(takes_context=True)
def team_space(context):
    """The tab shown, its cohort and the cohorts to switch to, for the team's navigation.

    The cohort is the page's own (`cohort` in its context), else the list's default; on the list
    showing every cohort, none.
    """
    request = context["request"]
    # Read once per page: the navigation shows in the header's menu and in the page.
    if hasattr(request, "team_space"):
        return request.team_space
    match = request.resolver_match
    tab = match.view_name if match else ""
    cohorts = list(Cohort.objects.order_by("-number"))
    shown = context.get("cohort")
    everything = tab in EVERY_COHORT_TABS and shown is None
    selected = None if everything else (shown if isinstance(shown, Cohort) else None)
    cohort = selected or default_cohort(cohorts)
    request.team_space = {
        "tab": tab,
        "switchable": tab in COHORT_TABS,
        "every_cohort": tab in EVERY_COHORT_TABS,
        "selected": selected,
        "cohort": cohort,
        "cohorts": cohorts,
        "groups": navigation(request.path, cohort, selected),
        "journal": journal_link(request.path),
    }
    return request.team_space
