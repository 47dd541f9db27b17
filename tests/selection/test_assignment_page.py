"""The assignment page at scale: one collapsible group per reviewer with its counts, and a pair
added by typing the application's name, errors next to the field, nothing typed lost."""

import re

import pytest

from eig.selection.forms import pair_label
from eig.selection.models import Assignment
from tests.factories import ApplicationFactory, AssignmentFactory, ReviewerFactory


@pytest.fixture
def pool(cohort):
    applications = [
        ApplicationFactory(cohort=cohort, submitted=True, first_name=first, last_name=last)
        for first, last in [("Élodie", "Dupré"), ("Jean", "Martin"), ("Jeanne", "Martin")]
    ]
    reviewers = [
        ReviewerFactory(cohort=cohort, full_name=name, max_load=4)
        for name in ["Anne Relectrice", "Bruno Relecteur"]
    ]
    return applications, reviewers


def url(cohort):
    return f"/equipe/selection/{cohort.number}/affectation/"


@pytest.fixture
def page(client, carol):
    client.force_login(carol)
    return client


def test_each_reviewer_is_a_collapsed_group_with_its_count(page, cohort, pool):
    applications, (anne, bruno) = pool
    for application in applications[:2]:
        AssignmentFactory(reviewer=anne, application=application)

    html = page.get(url(cohort)).text

    assert html.count('class="fr-accordion__btn" aria-expanded="false"') == 2
    assert re.search(r"Anne Relectrice — 2 candidatures, 4 au plus</button>", html)
    assert re.search(r"Bruno Relecteur — 0 candidatures?, 4 au plus</button>", html)
    assert f'id="reviewer-{anne.pk}"' in html


def test_applications_are_suggested_in_a_datalist_not_a_select(page, cohort, pool):
    applications, _reviewers = pool

    html = page.get(url(cohort)).text

    assert 'list="assignable-applications"' in html
    assert '<select name="application"' not in html
    for application in applications:
        assert f'<option value="{pair_label(application)}"></option>' in html


def test_a_pair_is_added_by_its_suggestion_and_its_group_opens(page, cohort, pool):
    (elodie, *_), (anne, _bruno) = pool

    response = page.post(
        url(cohort) + "ajouter/", {"reviewer": anne.pk, "application": pair_label(elodie)}
    )

    assert response["Location"] == f"{url(cohort)}?membre={anne.pk}#reviewer-{anne.pk}"
    assert Assignment.objects.get().application == elodie
    html = page.get(response["Location"]).text
    assert f'aria-expanded="true" aria-controls="reviewer-{anne.pk}"' in html


def test_a_name_typed_in_part_finds_the_only_application_it_matches(page, cohort, pool):
    (elodie, *_), (anne, _bruno) = pool

    page.post(url(cohort) + "ajouter/", {"reviewer": anne.pk, "application": "dupr"})

    assert Assignment.objects.get().application == elodie


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("martin", "Plusieurs candidatures correspondent à « martin »"),
        (
            "Personne Inconnue",
            "Aucune candidature à évaluer ne correspond à « Personne Inconnue ».",
        ),
        ("", "Indiquez la candidature à affecter."),
    ],
)
def test_a_name_that_finds_no_single_application_is_explained_next_to_it(
    page, cohort, pool, typed, message
):
    _applications, (anne, _bruno) = pool

    response = page.post(url(cohort) + "ajouter/", {"reviewer": anne.pk, "application": typed})

    assert response.status_code == 200
    error = re.search(r'id="id_application-desc-error">(.*?)</div>', response.text, re.S)
    assert message in error.group(1)
    assert f'value="{typed}"' in response.text or not typed
    assert f'<option value="{anne.pk}" selected>' in response.text
    assert not Assignment.objects.exists()


def test_a_pair_refused_by_the_rules_says_why_next_to_the_application(page, cohort, pool):
    (elodie, *_), (anne, _bruno) = pool
    AssignmentFactory(reviewer=anne, application=elodie)

    response = page.post(
        url(cohort) + "ajouter/", {"reviewer": anne.pk, "application": pair_label(elodie)}
    )

    error = re.search(r'id="id_application-desc-error">(.*?)</div>', response.text, re.S)
    assert "Cette personne évalue déjà cette candidature." in error.group(1)
    assert f'aria-expanded="true" aria-controls="reviewer-{anne.pk}"' in response.text
    assert Assignment.objects.count() == 1
