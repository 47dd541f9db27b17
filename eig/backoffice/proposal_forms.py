"""The forms of the team's pages on proposals: the list's filters, moves, decisions."""

from django import forms
from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from eig.backoffice import bulk_moves
from eig.backoffice.proposal_selectors import ANY_STATUS, SUBMITTED, ministries
from eig.backoffice.selectors import default_cohort
from eig.challenges.models import RemotePolicy
from eig.cohorts.models import Cohort
from eig.plain_text import DsfrForm, FilterForm
from eig.proposals.decisions import MESSAGE_MAX
from eig.proposals.models import Proposal
from eig.proposals.stages import REASON_MAX, TEAM_STAGES, label, next_stages

SEARCH_MAX_LENGTH = 100


def stage_choices(statuses):
    return [(status, label(status)) for status in statuses]


def reason_field():
    return bulk_moves.reason_field(
        max_length=REASON_MAX,
        help_text=_(
            "Obligatoire pour une proposition irrecevable : l’administration le lira dans "
            "l’e-mail de décision. Gardé dans l’historique."
        ),
    )


class ProposalFilterForm(FilterForm):
    """The list's filters, also used by the export; an unknown value is an error next to it."""

    promotion = forms.ChoiceField(label=_("Promotion"))
    etat = forms.ChoiceField(label=_("Étape"), required=False)
    ministere = forms.ChoiceField(label=_("Ministère ou institution"), required=False)
    eig = forms.TypedChoiceField(
        label=_("EIG recherché·e·s"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tous")), ("2", "2"), ("3", "3")],
    )
    teletravail = forms.ChoiceField(
        label=_("Télétravail"),
        required=False,
        choices=[("", _("Toutes les modalités")), *RemotePolicy.choices],
    )
    q = forms.CharField(
        label=_("Rechercher"),
        help_text=_("Nom du défi, administration ou adresse e-mail d’un·e auteur·e"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        error_messages={"max_length": _("Saisissez %(limit_value)d caractères au plus.")},
    )

    def __init__(self, data):
        """Without a `promotion`, the list opens on the cohort the team's pages open on."""
        self.cohorts = {
            str(cohort.number): cohort
            for cohort in Cohort.objects.select_related("challenge_call").order_by("-number")
        }
        if self.cohorts and not data.get("promotion"):
            data = data.copy()
            data["promotion"] = str(default_cohort(self.cohorts.values()).number)
        super().__init__(data)
        self.fields["promotion"].choices = [
            (number, str(cohort)) for number, cohort in self.cohorts.items()
        ]
        self.fields["etat"].choices = [
            (SUBMITTED, _("Toutes les étapes, sauf brouillons")),
            (ANY_STATUS, _("Toutes, brouillons compris")),
            *((value, capfirst(name)) for value, name in Proposal.Status.choices),
        ]
        call = self.call_of(self.cohorts.get(str(data.get("promotion", ""))))
        names = ministries(call) if call else []
        self.fields["ministere"].choices = [("", _("Tous")), *((name, name) for name in names)]

    @staticmethod
    def call_of(cohort):
        return getattr(cohort, "challenge_call", None) if cohort else None

    def selected_cohort(self):
        """Call after is_valid()."""
        return self.cohorts[self.cleaned_data["promotion"]]

    def call(self):
        return self.call_of(self.selected_cohort())

    def filters(self):
        """The keyword arguments of `filter_proposals`; call after is_valid()."""
        return {
            "call": self.call(),
            "status": self.cleaned_data["etat"],
            "ministry": self.cleaned_data["ministere"],
            "fellows": self.cleaned_data["eig"],
            "remote": self.cleaned_data["teletravail"],
            "search": self.cleaned_data["q"],
        }

    def query(self):
        """The filters as a query string, so that links from the list keep the same list."""
        query = QueryDict(mutable=True)
        for name in self.fields:
            value = self.cleaned_data.get(name)
            if value not in (None, ""):
                query[name] = value
        return query.urlencode()


class MoveForm(DsfrForm):
    """On a proposal's page: the next stage, among those the state machine allows."""

    vers = forms.ChoiceField(label=_("Nouvelle étape"), choices=stage_choices(TEAM_STAGES))
    motif = reason_field()

    def __init__(self, data=None, *, proposal):
        super().__init__(data)
        # Any team stage passes here: a move no longer allowed gets the state machine's message.
        self.fields["vers"].widget.choices = stage_choices(next_stages(proposal))


class BulkMoveForm(bulk_moves.BulkMoveForm):
    """On the list: the proposals ticked, or the whole filtered list, and where to move them."""

    items_field = "propositions"
    nothing_ticked = _("Cochez au moins une proposition, ou choisissez toute la liste filtrée.")

    portee = bulk_moves.scope_field(
        label=_("Propositions à changer"),
        ticked=_("Les propositions cochées"),
        whole_list=_("Toutes les propositions de la liste filtrée"),
    )
    propositions = bulk_moves.items_field(label=_("Propositions"), model=Proposal)
    vers = forms.ChoiceField(
        label=_("Passer à l’étape"),
        choices=[("", _("Choisir une étape")), *stage_choices(TEAM_STAGES)],
        error_messages={"required": _("Choisissez l’étape où passer les propositions.")},
    )
    motif = reason_field()


class SendDecisionsForm(DsfrForm):
    """The confirmation of a send: the list the team saw, and its own words if it adds some."""

    empreinte = forms.CharField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message de l’équipe"),
        help_text=_(
            "Ajouté à chaque e-mail de cet envoi, après le texte de la décision. Texte brut ; "
            "un chemin comme /appel-a-defis/ devient un lien complet."
        ),
        required=False,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
