"""A colleague invited to a proposal finds it in their space as soon as they sign in."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from eig.proposals.services import claim_invitations


@receiver(user_logged_in, dispatch_uid="proposals_claim_invitations")
def claim_on_sign_in(sender, request, user, **kwargs):
    claim_invitations(user)
