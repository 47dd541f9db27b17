"""What apps above the proposals show on the team's page of a proposal.

The défi jury (eig.challenge_jury) answers `team_panels_wanted` with the consolidated grid of the
group that heard the proposal; this app cannot import it. A receiver returns None (nothing to
show) or a dict: `title`, and `html`, already rendered and safe.
"""

from django.dispatch import Signal

# Sent with `proposal` and `request`.
team_panels_wanted = Signal()


def team_panels(proposal, request):
    """The panels the receivers give for `proposal`, in the order they answered."""
    responses = team_panels_wanted.send(sender=type(proposal), proposal=proposal, request=request)
    return [panel for _receiver, panel in responses if panel]
