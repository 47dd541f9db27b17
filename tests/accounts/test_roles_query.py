"""The header's roles query: its SQL is kept per process, and each person still gets their own
answer, the same as asking each role on its own."""

from eig.accounts.access import PROGRAMME_TEAM, roles_row
from eig.website.spaces import ROLE_SPACES
from tests.factories import CandidateFactory, InterviewSlotFactory, ReviewerFactory

ROLES = [role for role, _space in ROLE_SPACES]


def one_by_one(user):
    return {role.name: role.rows(user).exists() for role in ROLES}


def test_each_person_gets_their_own_roles_from_the_kept_query(alice, bob, carol, dan, mentor):
    InterviewSlotFactory(panel=[dan])
    superuser = CandidateFactory(username="root@equipe.example", is_superuser=True)
    former = CandidateFactory(username="former@equipe.example", programme_team=True)
    former.is_active = False
    people = [alice, bob.user, carol, dan, mentor.user, superuser, former, alice, carol]

    answers = [roles_row(user, ROLES) for user in people]

    assert answers == [one_by_one(user) for user in people]
    # The ones the fixtures set up, so that the comparison above compares something.
    assert [answer[PROGRAMME_TEAM.name] for answer in answers] == [
        False, False, True, False, False, True, False, False, True
    ]  # fmt: skip
    assert answers[1]["reviewer"] and answers[3]["panel"] and answers[4]["mentor"]
    assert not any(answers[0].values())


def test_a_role_given_after_the_query_was_kept_is_seen_at_once(alice, cohort):
    assert roles_row(alice, ROLES)["reviewer"] is False

    ReviewerFactory(cohort=cohort, user=alice)

    assert roles_row(alice, ROLES)["reviewer"] is True
