from django import forms
from django.utils.translation import gettext_lazy as _

from eig.applications.models import Application
from eig.challenges.models import Challenge
from eig.plain_text import DsfrForm
from eig.teams.models import TeamConstraint, TeamProposal


class RecomputeForm(DsfrForm):
    method = forms.ChoiceField(
        label=_("Méthode"),
        choices=[
            (
                TeamProposal.Method.OPTIMAL,
                _(
                    "Score total optimal : la somme des scores des équipes est la plus haute "
                    "possible"
                ),
            ),
            (
                TeamProposal.Method.STABLE,
                _(
                    "Répartition stable : chaque personne a le meilleur de ses choix possible sans "
                    "passer devant une personne que le défi classe mieux"
                ),
            ),
        ],
        initial=TeamProposal.Method.OPTIMAL,
        widget=forms.RadioSelect,
    )
    include_pending = forms.BooleanField(
        label=_("Inclure les candidatures auditionnées et en liste d’attente"), required=False
    )

    def __init__(self, data=None, **kwargs):
        if data is not None and not data.get("method"):
            data = data.copy()  # the optimal score unless told otherwise
            data["method"] = TeamProposal.Method.OPTIMAL
        super().__init__(data, **kwargs)


class ConstraintForm(DsfrForm):
    """Pin or forbid one of the people of the current proposal on a published défi."""

    application = forms.ModelChoiceField(
        label=_("Personne"), queryset=Application.objects.none(), empty_label=_("Choisir")
    )
    challenge = forms.ModelChoiceField(
        label=_("Défi"), queryset=Challenge.objects.none(), empty_label=_("Choisir")
    )
    kind = forms.ChoiceField(
        label=_("Choix de l’équipe"),
        choices=TeamConstraint.Kind.choices,
        initial=TeamConstraint.Kind.PINNED,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = Application.objects.filter(
            pk__in=proposal.members.values("application_id")
        ).order_by("last_name", "first_name", "pk")
        self.fields["challenge"].queryset = (
            Challenge.objects.published().filter(cohort=proposal.cohort).order_by("name")
        )
