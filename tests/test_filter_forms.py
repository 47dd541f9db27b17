"""A filter is never required: its label does not say "(Optionnel)" as a form's optional field
does (DSFR_MARK_OPTIONAL_FIELDS)."""

import pytest
from django import forms
from django.http import QueryDict

from eig.audit.forms import JournalFilterForm
from eig.backoffice.forms import ApplicationFilterForm, StatisticsForm
from eig.backoffice.proposal_forms import ProposalFilterForm
from eig.plain_text import DsfrForm
from eig.selection.forms import MentorStageFilterForm, WorkFilterForm
from eig.website.forms import ChallengeFilterForm

pytestmark = pytest.mark.django_db


def rendered(form):
    return "".join(str(form[name].as_field_group()) for name in form.fields)


def test_an_optional_field_of_a_form_says_so():
    class Form(DsfrForm):
        note = forms.CharField(label="Note", required=False)

    assert "(Optionnel)" in rendered(Form())


@pytest.mark.parametrize(
    "make",
    [
        lambda: ApplicationFilterForm(QueryDict()),
        lambda: ProposalFilterForm(QueryDict()),
        lambda: StatisticsForm(QueryDict()),
        lambda: JournalFilterForm(QueryDict()),
        lambda: WorkFilterForm(QueryDict(), challenges=[]),
        lambda: MentorStageFilterForm(QueryDict()),
        lambda: ChallengeFilterForm(QueryDict(), default_cohort=None),
    ],
)
def test_no_filter_says_it_is_optional(cohort, make):
    html = rendered(make())

    assert "fr-label" in html
    assert "Optionnel" not in html


def test_a_filter_keeps_its_hint_its_value_and_its_error(cohort):
    form = ProposalFilterForm(QueryDict(f"promotion={cohort.number}&q=" + "x" * 101))
    form.is_valid()
    html = str(form["q"].as_field_group())

    assert "Nom du défi, administration" in html
    assert 'value="' + "x" * 101 + '"' in html
    assert "Saisissez 100 caractères au plus." in html
    assert "fr-input-group--error" in html
