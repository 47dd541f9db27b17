"""The défi jury's panel on the team's page of a proposal (asked by eig.proposals)."""

from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from eig.challenge_jury.models import ConsolidatedGrid, Hearing, MemberGrid
from eig.proposals.team_panels import team_panels_wanted


@receiver(team_panels_wanted, dispatch_uid="challenge_jury_team_panel")
def jury_panel(sender, proposal, request, **kwargs):
    hearing = Hearing.objects.filter(proposal=proposal).select_related("group").first()
    if hearing is None:
        return None
    context = {
        "proposal": proposal,
        "hearing": hearing,
        "consolidated": ConsolidatedGrid.objects.filter(proposal=proposal).first(),
        "sent": MemberGrid.objects.filter(proposal=proposal, submitted_at__isnull=False).count(),
    }
    return {
        "title": _("Grilles du jury"),
        "html": render_to_string("challenge_jury/includes/team_panel.html", context, request),
    }
