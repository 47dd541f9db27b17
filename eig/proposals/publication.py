"""A proposal validated by the committee becomes its promotion's défi, in one action.

The défi is created as a draft: the team rereads and edits it in Wagtail before publishing it.
"""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from eig.audit.models import Action
from eig.audit.services import record
from eig.challenges.models import Challenge, HostOrganisation, Mentor
from eig.proposals.models import Proposal
from eig.proposals.stages import ProposalRefused

SLUG_MAX = Challenge._meta.get_field("slug").max_length
SUMMARY_MAX = Challenge._meta.get_field("summary").max_length


def why_not_published(proposal):
    """Why `proposal` cannot become a défi now, or None if it can."""
    if proposal.published_challenge_id:
        return _("Cette proposition est déjà devenue un défi : « %(name)s ».") % {
            "name": proposal.published_challenge.name
        }
    if proposal.status != Proposal.Status.VALIDATED:
        return _(
            "Seule une proposition validée par le comité devient un défi ; celle-ci est à "
            "l’étape « %(status)s »."
        ) % {"status": proposal.get_status_display()}
    if not (proposal.host_id or proposal.new_host_ministry.strip()):
        return _("La proposition ne nomme pas son administration : complétez-la d’abord.")
    return None


def publish_proposal(*, proposal, by, request=None):
    """Create the draft défi of a validated proposal and keep it as `published_challenge`.

    Raises ProposalRefused, creating nothing, for a proposal not validated or already published.
    """
    with transaction.atomic():
        proposal = (
            # Only the proposal's row is locked: PostgreSQL locks no nullable side of a join.
            Proposal.objects.select_for_update(of=("self",))
            .select_related("call__cohort", "host", "published_challenge")
            .get(pk=proposal.pk)
        )
        refusal = why_not_published(proposal)
        if refusal:
            raise ProposalRefused(refusal)
        challenge = Challenge.objects.create(
            cohort=proposal.call.cohort,
            host=host_of(proposal),
            slug=unique_slug(proposal.title or proposal.host_name),
            name=proposal.title or _("Défi sans nom"),
            summary=(proposal.summary or proposal.title)[:SUMMARY_MAX],
            problem=proposal.problem,
            challenge=proposal.challenge,
            expected_results=proposal.expected_results,
            fellows_sought=proposal.fellows_sought,
            profiles_sought="\n".join(seat.profile for seat in proposal.seats.all()),
            location=proposal.location,
            remote_policy=proposal.remote_policy,
            status=Challenge.Status.DRAFT,
        )
        Mentor.objects.bulk_create(
            Mentor(
                challenge=challenge,
                sort_order=position,
                full_name=mentor.full_name,
                job_title=mentor.job_title,
                email=mentor.email,
                role=mentor.role,
            )
            for position, mentor in enumerate(proposal.mentors.all())
        )
        proposal.published_challenge = challenge
        proposal.save(update_fields=["published_challenge", "updated_at"])
        record(
            action=Action.PROPOSAL_PUBLISHED,
            actor=by,
            target=proposal,
            request=request,
            data={"challenge": challenge.pk, "slug": challenge.slug},
        )
    return challenge


def host_of(proposal):
    """The proposal's administration: the one it chose, or the new one it named (created once;
    found again if the team or another proposal created it meanwhile)."""
    if proposal.host_id:
        return proposal.host
    host, _created = HostOrganisation.objects.get_or_create(
        ministry=proposal.new_host_ministry.strip(),
        directorate=proposal.new_host_directorate.strip(),
    )
    proposal.host = host
    proposal.save(update_fields=["host"])
    return host


def unique_slug(name):
    base = slugify(name)[: SLUG_MAX - 4].strip("-") or "defi"
    slug, suffix = base, 2
    while Challenge.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug
