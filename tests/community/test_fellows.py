"""Publishing the teams makes the promotion's fellows, once."""

import pytest

from eig.applications.models import Application, ChallengeChoice
from eig.community.fellows import make_fellows
from eig.community.models import Fellow, Profile
from eig.teams.services import lock, propose_teams, publish
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory


def retained(cohort, challenge, name):
    application = ApplicationFactory(
        cohort=cohort, submitted=True, status=Application.Status.SELECTED, first_name=name
    )
    application.choices.all().delete()
    ChallengeChoice.objects.create(
        application=application, challenge=challenge, rank=1, contribution="x"
    )
    return application


@pytest.fixture
def promotion(db):
    return CohortFactory(is_published=True, team_size_min=1, team_size_max=3)


def published(cohort, carol):
    proposal = propose_teams(cohort=cohort)
    lock(proposal, by=carol)
    return publish(proposal, by=carol)


def test_publishing_the_teams_makes_each_placed_person_a_fellow_of_their_defi(promotion, carol):
    challenge = ChallengeFactory(cohort=promotion, fellows_sought=2)
    ana, ben = retained(promotion, challenge, "Ana"), retained(promotion, challenge, "Ben")
    proposal = propose_teams(cohort=promotion)
    lock(proposal, by=carol)
    assert not Fellow.objects.exists()  # a locked proposal is not yet the promotion

    publish(proposal, by=carol)

    fellows = Fellow.objects.filter(cohort=promotion)
    assert {(f.application_id, f.user_id, f.challenge_id) for f in fellows} == {
        (ana.pk, ana.candidate_id, challenge.pk),
        (ben.pk, ben.candidate_id, challenge.pk),
    }
    # Each gets a profile to fill in, published only once they consent.
    profiles = Profile.objects.filter(user__in=[ana.candidate, ben.candidate])
    assert profiles.count() == 2 and not profiles.filter(consented_at__isnull=False).exists()


def test_publishing_again_duplicates_nobody_and_keeps_the_profiles(promotion, carol):
    challenge = ChallengeFactory(cohort=promotion, fellows_sought=1)
    ana = retained(promotion, challenge, "Ana")
    proposal = published(promotion, carol)
    profile = Profile.objects.get(user=ana.candidate)
    profile.bio = "Écrit entre les deux publications."
    profile.save()

    proposal.save()  # the publication's signal again
    make_fellows(proposal)

    assert Fellow.objects.filter(application=ana).count() == 1
    assert Profile.objects.filter(user=ana.candidate).count() == 1
    assert Profile.objects.get(user=ana.candidate).bio == "Écrit entre les deux publications."


def test_someone_left_without_a_team_is_not_a_fellow(promotion, carol):
    challenge = ChallengeFactory(cohort=promotion, fellows_sought=1)
    people = [retained(promotion, challenge, "Ana"), retained(promotion, challenge, "Ben")]

    proposal = published(promotion, carol)  # one seat only: one of them stays out

    left_out = proposal.members.get(challenge__isnull=True).application
    assert left_out in people
    assert Fellow.objects.filter(cohort=promotion).count() == 1
    assert not Fellow.objects.filter(application=left_out).exists()
