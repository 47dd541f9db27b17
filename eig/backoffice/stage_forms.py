"""The forms that move applications through the selection stages."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from eig.applications.models import REASON_MAX, Application
from eig.plain_text import DsfrForm


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


class BulkMoveForm(DsfrForm):
    """On the list: the applications ticked and the stage to move them to."""

    candidatures = forms.ModelMultipleChoiceField(
        label=_("Candidatures"),
        queryset=Application.objects.none(),
        to_field_name="public_id",
        error_messages={"required": _("Cochez au moins une candidature.")},
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
