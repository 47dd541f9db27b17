"""The team's navigation: a few groups of links (DSFR sub-menus), the page shown marked in its
link and its group's button."""

import re

import pytest

pytestmark = pytest.mark.django_db

GROUPS = ["Candidatures", "Sélection", "Défis", "Promotion"]


def nav_of(response):
    html = response.content.decode()
    return re.search(r'<nav class="fr-nav[^"]*eig-team-nav".*?</nav>', html, re.S).group(0)


def groups(nav):
    return re.findall(r'<button type="button" class="fr-nav__btn"[^>]*>([^<]+)</button>', nav)


def current_group(nav):
    return re.findall(r'class="fr-nav__btn"[^>]*aria-current="true">([^<]+)<', nav)


def current_link(nav):
    return re.findall(r'aria-current="page">([^<]+)</a>', nav)


@pytest.mark.parametrize(
    ("path", "group", "link"),
    [
        ("/equipe/candidatures/", "Candidatures", "Liste"),
        ("/equipe/candidatures/statistiques/", "Candidatures", "Statistiques"),
        ("/equipe/selection/{number}/notes/", "Sélection", "Notes"),
        ("/equipe/selection/{number}/jury/", "Sélection", "Jury"),
        ("/equipe/auditions/", "Sélection", "Auditions"),
        ("/equipe/propositions/", "Défis", "Défis proposés"),
        ("/equipe/equipes/{number}/", "Promotion", "Équipes"),
        ("/equipe/annonces/", "Promotion", "Annonces"),
    ],
)
def test_the_page_shown_is_marked_in_its_link_and_its_group(team_client, cohort, path, group, link):
    nav = nav_of(team_client.get(path.format(number=cohort.number)))

    assert groups(nav) == GROUPS
    assert current_group(nav) == [group]
    assert current_link(nav) == [link]


def test_each_group_opens_its_own_sub_menu_and_the_journal_stands_alone(team_client, cohort):
    nav = nav_of(team_client.get("/equipe/journal/"))

    controls = re.findall(r'aria-controls="([^"]+)"', nav)
    assert len(controls) == len(GROUPS) == len(set(controls))
    for menu in controls:
        assert f'<div class="fr-collapse fr-menu" id="{menu}">' in nav
    assert current_group(nav) == []
    assert current_link(nav) == ["Journal des accès"]
    # Every page of the team keeps its link: 12 in the groups, and the journal.
    assert nav.count('class="fr-nav__link"') == 13


def test_the_selection_links_lead_to_the_cohort_shown(team_client, cohort):
    nav = nav_of(team_client.get("/equipe/candidatures/", {"promotion": cohort.number}))

    assert f'href="/equipe/selection/{cohort.number}/affectation/"' in nav
    assert f'href="/equipe/candidatures/?promotion={cohort.number}"' in nav
