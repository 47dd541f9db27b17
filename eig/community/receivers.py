"""Publishing the teams makes the fellows: eig.teams saves its proposal and knows nothing of
this app, which reads what it wrote."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from eig.community.fellows import make_fellows
from eig.teams.models import TeamProposal


@receiver(post_save, sender=TeamProposal, dispatch_uid="community_fellows_on_publication")
def fellows_on_publication(sender, instance, update_fields=None, **kwargs):
    # `publish` saves the status alone; the members are already there, in the same transaction.
    if instance.status == TeamProposal.Status.PUBLISHED and (
        update_fields is None or "status" in update_fields
    ):
        make_fellows(instance)  # the journal names who published, under TEAMS_PUBLISHED
