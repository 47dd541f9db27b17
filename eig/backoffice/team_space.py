"""The tabs of the team's space and the cohort they show, for its navigation and switcher."""

from django.urls import reverse

# The tabs that show one cohort, by URL name, and the tab a switch of cohort leads to (a défi's
# ranking belongs to its cohort: another cohort's scores are the nearest page).
COHORT_TABS = {
    "backoffice:application_list": "backoffice:application_list",
    "backoffice:application_statistics": "backoffice:application_statistics",
    "selection:reviewers": "selection:reviewers",
    "selection:assignment": "selection:assignment",
    "selection:scores": "selection:scores",
    "selection:ranking": "selection:scores",
    "decisions:decisions": "decisions:decisions",
    "teams:teams": "teams:teams",
    "auditions:slot_list": "auditions:slot_list",
    "backoffice:proposal_list": "backoffice:proposal_list",
    "challenge_jury:members": "challenge_jury:members",
    "challenge_jury:plan": "challenge_jury:plan",
}
# Those that take the cohort in their query string rather than in their address.
FILTERED_TABS = {
    "backoffice:application_list",
    "backoffice:application_statistics",
    "auditions:slot_list",
    "backoffice:proposal_list",
}
# The list and the audition slots can show every cohort at once.
EVERY_COHORT_TABS = {"backoffice:application_list", "auditions:slot_list"}


def tab_url(tab, number):
    """The address of `tab` for the cohort `number` ("" for every cohort, on the list)."""
    tab = COHORT_TABS[tab]
    if tab in FILTERED_TABS:
        return f"{reverse(tab)}?promotion={number}"
    return reverse(tab, args=[number])
