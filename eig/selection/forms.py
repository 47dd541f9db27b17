from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from eig.accounts.models import normalise_email
from eig.applications.models import Application, Profile
from eig.challenges.models import HostOrganisation, Skill
from eig.plain_text import DsfrForm, FilterForm
from eig.selection.assignment import DEFAULT_REVIEWS_PER_APPLICATION
from eig.selection.models import OPINION_MAX_LENGTH, MentorOpinion, Reviewer
from eig.selection.selectors import WORK_STATUSES

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


def pair_label(application):
    """How the assignment page names an application: what the team types or picks to add it."""
    return f"{application.full_name or application.public_id} — {application.email}"


class PairForm(DsfrForm):
    """A pair added by hand. The application is typed, the page suggesting the applications to
    assess (a <datalist>): a name, part of it or an address finds it when it is the only one."""

    reviewer = forms.ModelChoiceField(
        label=_("Membre du jury"),
        queryset=Reviewer.objects.none(),
        error_messages={"required": _("Choisissez le membre du jury.")},
    )
    application = forms.CharField(
        label=_("Candidature"),
        help_text=_("Tapez un nom ou une adresse e-mail, puis choisissez dans les propositions."),
        max_length=300,
        widget=forms.TextInput(attrs={"list": "assignable-applications", "autocomplete": "off"}),
        error_messages={"required": _("Indiquez la candidature à affecter.")},
    )

    def __init__(self, *args, reviewers, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers
        self.applications = applications

    def clean_application(self):
        text = self.cleaned_data["application"].strip()
        by_label = [a for a in self.applications if pair_label(a) == text]
        if by_label:
            return by_label[0]
        matches = self.applications
        for word in text.split():
            matches = matches.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
        found = list(matches[:2])
        if not found:
            raise forms.ValidationError(
                _("Aucune candidature à évaluer ne correspond à « %(text)s »."),
                params={"text": text},
            )
        if len(found) > 1:
            raise forms.ValidationError(
                _(
                    "Plusieurs candidatures correspondent à « %(text)s » : choisissez-en une "
                    "dans les propositions."
                ),
                params={"text": text},
            )
        return found[0]


class WorkFilterForm(FilterForm):
    """The reviewer's dashboard filters; an unknown value is an error next to its filter."""

    etat = forms.ChoiceField(
        label=_("État"), required=False, choices=[("", _("Tous les états")), *WORK_STATUSES]
    )
    defi = forms.ChoiceField(label=_("Défi"), required=False)

    def __init__(self, *args, challenges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["defi"].choices = [
            ("", _("Tous les défis")),
            *((challenge.slug, challenge.name) for challenge in challenges),
        ]

    def filter(self, work):
        if not self.is_valid():
            return work
        if self.cleaned_data["etat"]:
            work = work.filter(work_status=self.cleaned_data["etat"])
        if self.cleaned_data["defi"]:
            work = work.filter(application__choices__challenge__slug=self.cleaned_data["defi"])
        return work


class MentorOpinionForm(forms.ModelForm, DsfrForm):
    class Meta:
        model = MentorOpinion
        fields = ["text", "stance"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6}), "stance": forms.RadioSelect}
        help_texts = {
            "text": format_lazy(
                _(
                    "Quelques phrases, {max} caractères au plus : ce que la personne apporterait "
                    "au défi, vos réserves éventuelles. Seule l’équipe du programme le lit."
                ),
                max=OPINION_MAX_LENGTH,
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stance"].choices = [
            ("", _("Sans avis tranché")),
            *MentorOpinion.Stance.choices,
        ]
        self.fields["stance"].required = False


class MentorStageFilterForm(FilterForm):
    stage = forms.ChoiceField(
        label=_("Étape"),
        required=False,
        choices=[
            ("", _("Toutes les étapes")),
            *((stage.value, stage.label) for stage in Application.PROGRESS),
        ],
    )
