from django import forms
from django.utils.translation import gettext_lazy as _

from eig.challenges.models import HostOrganisation, Skill
from eig.cohorts.models import Cohort
from eig.plain_text import FilterForm

ALL_COHORTS = "toutes"


class ChallengeFilterForm(FilterForm):
    """The filters of the défis page; an unknown value is an error shown next to its filter."""

    recherche = forms.CharField(
        label=_("Rechercher un défi"),
        required=False,
        max_length=200,
        help_text=_("Un mot du nom, du résumé, de l’administration ou du lieu."),
    )
    promotion = forms.ChoiceField(label=_("Promotion"), required=False)
    competence = forms.ChoiceField(label=_("Compétence recherchée"), required=False)
    administration = forms.ChoiceField(label=_("Administration d'accueil"), required=False)

    def __init__(self, data, *, default_cohort):
        self.cohorts = {str(cohort.number): cohort for cohort in Cohort.objects.published()}
        self.skills = {
            skill.slug: skill for skill in Skill.objects.filter(challenges__isnull=False).distinct()
        }
        self.hosts = {
            str(host.pk): host
            for host in HostOrganisation.objects.filter(challenges__isnull=False).distinct()
        }
        if default_cohort is not None and not data.get("promotion"):
            data = data.copy()
            data["promotion"] = str(default_cohort.number)
        super().__init__(data)
        self.fields["promotion"].choices = [(ALL_COHORTS, _("Toutes les promotions"))] + [
            (number, str(cohort)) for number, cohort in self.cohorts.items()
        ]
        self.fields["competence"].choices = [("", _("Toutes les compétences"))] + [
            (slug, skill.name) for slug, skill in self.skills.items()
        ]
        self.fields["administration"].choices = [("", _("Toutes les administrations"))] + [
            (pk, str(host)) for pk, host in self.hosts.items()
        ]

    def selected(self):
        """The chosen cohort, skill and host as objects (None: no filter) and the searched
        words; call after is_valid."""
        promotion = self.cleaned_data.get("promotion")
        return {
            "search": self.cleaned_data.get("recherche", ""),
            "cohort": self.cohorts.get(promotion),
            "skill": self.skills.get(self.cleaned_data.get("competence")),
            "host": self.hosts.get(self.cleaned_data.get("administration")),
        }
