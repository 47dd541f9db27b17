"""The forms that move applications through the selection stages."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from eig.applications import services
from eig.applications.models import REASON_MAX, Application
from eig.backoffice import bulk_moves
from eig.plain_text import DsfrForm


def stage_choices(statuses):
    return [(status, capfirst(Application.Status(status).label)) for status in statuses]


def reason_field():
    return bulk_moves.reason_field(
        max_length=REASON_MAX,
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


class BulkMoveForm(bulk_moves.BulkMoveForm):
    """On the list: the applications ticked, or the whole filtered list, and the stage to move
    them to."""

    items_field = "candidatures"
    nothing_ticked = _(
        "Cochez au moins une candidature, ou choisissez toutes celles de la liste filtrée."
    )

    portee = bulk_moves.scope_field(
        label=_("Candidatures à changer"),
        ticked=_("Les candidatures cochées sur cette page"),
        whole_list=_("Toutes les candidatures de la liste filtrée, sur toutes les pages"),
    )
    candidatures = bulk_moves.items_field(label=_("Candidatures"), model=Application)
    vers = forms.ChoiceField(
        label=_("Passer les candidatures cochées à l’état"),
        choices=[("", _("Choisir un état")), *stage_choices(Application.TEAM_STAGES)],
        error_messages={"required": _("Choisissez l’état où passer les candidatures.")},
    )
    motif = reason_field()
