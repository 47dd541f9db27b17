from django import forms
from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from eig.applications.models import Application, Profile
from eig.backoffice.selectors import (
    ANY_STATUS,
    DEFAULT_SORT,
    SORT_BY_CHOICE_COUNT,
    SORT_BY_NAME,
    SORT_BY_SCORE,
    SORT_BY_STAGE,
    SORT_BY_SUBMISSION,
    SUBMITTED,
    default_cohort,
)
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.plain_text import FilterForm

SEARCH_MAX_LENGTH = 100


class ApplicationFilterForm(FilterForm):
    """The list's filters, also used by the exports; an unknown value is an error next to it."""

    promotion = forms.ChoiceField(label=_("Promotion"), required=False)
    defi = forms.ChoiceField(
        label=_("Défi"), required=False, help_text=_("Quel que soit son rang parmi les choix")
    )
    profil = forms.ChoiceField(
        label=_("Profil"),
        required=False,
        choices=[("", _("Tous les profils")), *Profile.choices],
    )
    etat = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[
            (SUBMITTED, _("Toutes les étapes, sauf brouillons et retirées")),
            (ANY_STATUS, _("Tous les états, brouillons compris")),
            *((value, capfirst(label)) for value, label in Application.Status.choices),
        ],
    )
    q = forms.CharField(
        label=_("Rechercher"),
        help_text=_("Nom, prénom ou adresse e-mail"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        error_messages={
            "max_length": _("Saisissez %(limit_value)d caractères au plus."),
        },
    )

    # Not shown as a field: the column headers' links set it, and an unknown order is the default.
    tri = forms.CharField(required=False)
    SORTS = {
        f"{sign}{column}"
        for sign in ("", "-")
        for column in (
            SORT_BY_NAME,
            SORT_BY_SUBMISSION,
            SORT_BY_STAGE,
            SORT_BY_CHOICE_COUNT,
            SORT_BY_SCORE,
        )
    }

    def __init__(self, data, *, open_on_default_cohort=False):
        """`open_on_default_cohort`: without a `promotion` in `data`, the list opens on
        `selectors.default_cohort()`; an empty `promotion` still means every cohort."""
        cohorts = {str(cohort.number): cohort for cohort in Cohort.objects.order_by("-number")}
        if open_on_default_cohort and "promotion" not in data and cohorts:
            data = data.copy()
            data["promotion"] = str(default_cohort(cohorts.values()).number)
        super().__init__(data)
        self.cohorts = cohorts
        self.challenges = {
            challenge.slug: challenge
            for challenge in Challenge.objects.select_related("cohort").order_by(
                "-cohort__number", "name"
            )
        }
        self.fields["promotion"].choices = [("", _("Toutes les promotions"))] + [
            (number, str(cohort)) for number, cohort in self.cohorts.items()
        ]
        self.fields["defi"].choices = [("", _("Tous les défis")), *self.challenge_groups()]

    def challenge_groups(self):
        """The défis grouped by cohort, for <optgroup>s."""
        groups = {}
        for slug, challenge in self.challenges.items():
            groups.setdefault(str(challenge.cohort), []).append((slug, challenge.name))
        return list(groups.items())

    def filters(self):
        """The keyword arguments of `selectors.filter_applications`; call after is_valid()."""
        return {
            "cohort": self.selected_cohort(),
            "challenge": self.challenges.get(self.cleaned_data["defi"]),
            "profile": self.cleaned_data["profil"],
            "status": self.cleaned_data["etat"],
            "search": self.cleaned_data["q"],
        }

    def selected_cohort(self):
        return self.cohorts.get(self.cleaned_data["promotion"])

    def clean_tri(self):
        sort = self.cleaned_data["tri"]
        return sort if sort in self.SORTS else DEFAULT_SORT

    def query(self, **changes):
        """The filters and order as a query string, `promotion` always included (empty for every
        cohort), so that links from the list keep the very same list; call after is_valid()."""
        query = QueryDict(mutable=True)
        values = {name: self.cleaned_data[name] for name in self.fields} | changes
        for name, value in values.items():
            if value or name == "promotion":
                query[name] = value
        return query.urlencode()


class StatisticsForm(FilterForm):
    """The cohort whose statistics are shown: the list's default unless another is asked for."""

    promotion = forms.ChoiceField(label=_("Promotion"))

    def __init__(self, data):
        self.cohorts = {str(cohort.number): cohort for cohort in Cohort.objects.order_by("-number")}
        if self.cohorts and not data.get("promotion"):
            data = data.copy()
            data["promotion"] = str(default_cohort(self.cohorts.values()).number)
        super().__init__(data)
        self.fields["promotion"].choices = [
            (number, str(cohort)) for number, cohort in self.cohorts.items()
        ]

    def selected_cohort(self):
        """Call after is_valid()."""
        return self.cohorts[self.cleaned_data["promotion"]]
