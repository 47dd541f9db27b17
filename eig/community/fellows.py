"""The promotion's fellows, made from a published team proposal (eig.teams)."""

from django.db import transaction

from eig.audit.models import Action
from eig.audit.services import record
from eig.community.models import Fellow, Profile
from eig.teams.models import TeamProposal


def make_fellows(proposal, *, by=None):
    """Each member the published `proposal` puts on a défi becomes a fellow of its cohort.

    Idempotent: running again (the proposal saved again) updates the défis, duplicates
    nobody and keeps each fellow's profile.
    """
    if proposal.status != TeamProposal.Status.PUBLISHED:
        return 0
    members = list(proposal.members.filter(challenge__isnull=False).select_related("application"))
    with transaction.atomic():
        for member in members:
            application = member.application
            Fellow.objects.update_or_create(
                application=application,
                defaults={
                    "user_id": application.candidate_id,
                    "challenge_id": member.challenge_id,
                    "cohort_id": proposal.cohort_id,
                },
            )
            Profile.objects.get_or_create(
                user_id=application.candidate_id, defaults={"name": application.full_name}
            )
        record(
            action=Action.FELLOWS_MADE,
            actor=by,
            target=proposal.cohort,
            data={"count": len(members)},
        )
    return len(members)
