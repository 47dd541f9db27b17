"""The forms that move applications through the selection stages."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from eig.applications import services
from eig.applications.models import REASON_MAX, Application
from eig.plain_text import DsfrForm

# What a bulk move applies to: the boxes ticked on the page, or every result of the filter.
TICKED = "cochees"
WHOLE_LIST = "liste"


def stage_choices(statuses):
    return [(status, capfirst(Application.Status(status).label)) for status in statuses]


def reason_field():
    return forms.CharField(
        label=_("Motif"),
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Obligatoire pour une candidature irrecevable. Gardé dans l’historique."),
    )


class MoveForm(DsfrForm):
    """On an application's page: the next stage, among those the state machine allows."""

    vers = forms.ChoiceField(label=_("Nouvel état"), choices=stage_choices(Application.TEAM_STAGES))
    motif = reason_field()

    def __init__(self, data=None, *, application):
        super().__init__(data)
        # The list offers the allowed stages only, yet any stage passes here: a move no longer
        # allowed (someone moved the application meanwhile) gets the state machine's message.
        self.fields["vers"].widget.choices = stage_choices(application.next_stages())


def why_no_move(application):
    """Why the team can move `application` to no stage at all, or None if it can move it.

    The reasons come from the stage rules themselves (`services.why_not_moved`), so that the page
    says what a refused move would say.
    """
    if application.next_stages():
        return None
    reachable = [stage for stage in Application.TEAM_STAGES if application.can_become(stage)]
    if not reachable:
        if application.is_draft:
            return _("C’est un brouillon : seule la personne candidate peut le déposer.")
        return _(
            "« %(status)s » est une étape finale : aucune étape de la sélection ne la suit."
        ) % {"status": capfirst(application.get_status_display())}
    reasons = dict.fromkeys(services.why_not_moved(application, stage) for stage in reachable)
    return " ".join(reason for reason in reasons if reason)


class BulkMoveForm(DsfrForm):
    """On the list: the applications ticked, or the whole filtered list, and the stage to move
    them to."""

    portee = forms.ChoiceField(
        label=_("Candidatures à changer"),
        choices=[
            (TICKED, _("Les candidatures cochées sur cette page")),
            (WHOLE_LIST, _("Toutes les candidatures de la liste filtrée, sur toutes les pages")),
        ],
        initial=TICKED,
        required=False,
        widget=forms.RadioSelect,
    )
    candidatures = forms.ModelMultipleChoiceField(
        label=_("Candidatures"),
        queryset=Application.objects.none(),
        to_field_name="public_id",
        required=False,
    )
    vers = forms.ChoiceField(
        label=_("Passer les candidatures cochées à l’état"),
        choices=[("", _("Choisir un état")), *stage_choices(Application.TEAM_STAGES)],
        error_messages={"required": _("Choisissez l’état où passer les candidatures.")},
    )
    motif = reason_field()

    def __init__(self, data=None, *, applications):
        super().__init__(data)
        self.fields["candidatures"].queryset = applications

    def whole_list(self):
        return self.cleaned_data.get("portee") == WHOLE_LIST

    def clean(self):
        cleaned_data = super().clean()
        if not self.whole_list() and not cleaned_data.get("candidatures"):
            self.add_error(
                "candidatures",
                _(
                    "Cochez au moins une candidature, ou choisissez toutes celles de la liste "
                    "filtrée."
                ),
            )
        return cleaned_data
