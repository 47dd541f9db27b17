"""The tabs of the team's space and the cohort they show, for its navigation and switcher."""

from typing import NamedTuple

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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


class Link(NamedTuple):
    label: str
    url: str
    current: bool


class Group(NamedTuple):
    """A sub-menu of the team's navigation; `current` when it holds the page shown."""

    label: str
    links: list

    @property
    def current(self):
        return any(link.current for link in self.links)


def navigation(path, cohort, selected):
    """The team's navigation, in groups: the links of `cohort`, the current page marked.

    `selected` is the cohort the lists filtered by promotion open on (None: their default).
    """
    query = f"?promotion={selected.number}" if selected else ""

    def link(label, name, current, *, per_cohort=False):
        if per_cohort:
            return Link(label, reverse(name, args=[cohort.number]), current)
        return Link(label, reverse(name) + (query if name in FILTERED_TABS else ""), current)

    def cohort_links(*links):
        """Pages of one cohort, linked only once there is a cohort."""
        return [link(*arguments, per_cohort=True) for arguments in links] if cohort else []

    return [
        Group(
            _("Candidatures"),
            [
                link(_("Liste"), "backoffice:application_list", path == "/equipe/candidatures/"),
                link(
                    _("Statistiques"), "backoffice:application_statistics", "/statistiques/" in path
                ),
            ],
        ),
        Group(
            _("Sélection"),
            [
                *cohort_links(
                    (
                        _("Jury"),
                        "selection:reviewers",
                        "/equipe/selection/" in path and "/jury/" in path,
                    ),
                    (_("Affectation"), "selection:assignment", "/affectation/" in path),
                    (_("Notes"), "selection:scores", "/notes/" in path),
                ),
                link(_("Auditions"), "auditions:slot_list", "/equipe/auditions/" in path),
                *cohort_links(
                    (_("Décisions"), "decisions:decisions", "/equipe/decisions/" in path)
                ),
            ],
        ),
        Group(
            _("Défis"),
            [
                link(
                    _("Défis proposés"), "backoffice:proposal_list", "/equipe/propositions/" in path
                ),
                *cohort_links(
                    (_("Jury des défis"), "challenge_jury:members", "/equipe/jury-defis/" in path)
                ),
            ],
        ),
        Group(
            _("Promotion"),
            [
                *cohort_links((_("Équipes"), "teams:teams", "/equipe/equipes/" in path)),
                link(_("Événements"), "community:team_events", "/equipe/evenements/" in path),
                link(_("Annonces"), "announcement_list", "/equipe/annonces/" in path),
            ],
        ),
    ]


def journal_link(path):
    return Link(_("Journal des accès"), reverse("audit_journal"), "/equipe/journal/" in path)
