from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from eig.accounts.models import normalise_email
from eig.applications.models import Profile
from eig.challenges.models import HostOrganisation, Skill
from eig.plain_text import DsfrForm
from eig.selection.assignment import DEFAULT_REVIEWS_PER_APPLICATION
from eig.selection.models import Reviewer

MAX_LOAD = 200
SEARCH_MAX_LENGTH = 80


class InvitationForm(DsfrForm):
    email = forms.EmailField(label=_("Adresse e-mail"))
    full_name = forms.CharField(label=_("Prénom et nom"), max_length=120)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    host = forms.ModelChoiceField(
        label=_("Administration d’accueil"),
        queryset=HostOrganisation.objects.all(),
        required=False,
        empty_label=_("Aucune"),
        help_text=_("Si la personne vient d’une administration qui accueille des défis."),
    )
    max_load = forms.IntegerField(
        label=_("Charge maximale"), min_value=0, max_value=MAX_LOAD, initial=10
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.cohort = cohort

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        users = get_user_model().objects.filter(username=email)
        if Reviewer.objects.filter(cohort=self.cohort, user__in=users).exists():
            raise forms.ValidationError(_("Cette personne est déjà membre du jury."))
        return email


class ExpertiseForm(DsfrForm):
    profiles = forms.MultipleChoiceField(
        label=_("Profils de candidats que vous pouvez évaluer"),
        choices=Profile.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Compétences"),
        queryset=Skill.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    max_load = forms.IntegerField(
        label=_("Nombre maximal de candidatures à évaluer"), min_value=0, max_value=MAX_LOAD
    )


class CandidateSearchForm(DsfrForm):
    q = forms.CharField(
        label=_("Prénom et nom, ou adresse e-mail, de la personne candidate"),
        help_text=_(
            "Seul le nom complet ou l’adresse exacte est trouvé, sans tenir compte des "
            "majuscules ni des accents ; le nombre de recherches par heure est limité."
        ),
        min_length=2,
        max_length=SEARCH_MAX_LENGTH,
        required=False,
    )


class ConflictForm(DsfrForm):
    application = forms.UUIDField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Motif"),
        max_length=300,
        help_text=_("Par exemple : ancien collègue, proche, relation familiale."),
    )


class RunForm(DsfrForm):
    reviews_per_application = forms.IntegerField(
        label=_("Nombre d’évaluations par candidature"),
        min_value=1,
        max_value=10,
        initial=DEFAULT_REVIEWS_PER_APPLICATION,
    )


class PairForm(DsfrForm):
    reviewer = forms.ModelChoiceField(label=_("Membre du jury"), queryset=Reviewer.objects.none())
    application = forms.ModelChoiceField(label=_("Candidature"), queryset=None)

    def __init__(self, *args, reviewers, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers
        self.fields["application"].queryset = applications
