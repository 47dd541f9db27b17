from eig.selection.affinity import PROFILE_WEIGHT, SKILL_WEIGHT, affinity


def test_profile_match_and_share_of_the_skills_sought():
    assert (
        affinity(
            reviewer_profiles=["design"],
            reviewer_skills={1, 2},
            candidate_profile="design",
            challenge_skills={1, 3, 4, 5},
        )
        == PROFILE_WEIGHT + SKILL_WEIGHT / 4
    )


def test_no_skill_sought_counts_the_profile_only():
    assert (
        affinity(
            reviewer_profiles=[],
            reviewer_skills={1},
            candidate_profile="law",
            challenge_skills=set(),
        )
        == 0
    )
