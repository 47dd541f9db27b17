import random

from eig.selection.affinity import PROFILE_WEIGHT, SKILL_WEIGHT, affinity, affinity_matrix


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


def test_the_matrix_of_every_pair_has_the_values_of_each_pair():
    rng = random.Random(7)
    profiles = ["development", "data_science", "design", ""]
    reviewers = [
        (rng.sample(profiles[:3], rng.randint(0, 2)), set(rng.sample(range(8), rng.randint(0, 4))))
        for _ in range(12)
    ]
    candidates = [
        (rng.choice(profiles), set(rng.sample(range(10), rng.randint(0, 5)))) for _ in range(40)
    ]

    matrix = affinity_matrix(reviewers=reviewers, candidates=candidates)

    assert matrix.shape == (40, 12)
    assert matrix.tolist() == [
        [
            affinity(
                reviewer_profiles=assessed,
                reviewer_skills=own,
                candidate_profile=profile,
                challenge_skills=sought,
            )
            for assessed, own in reviewers
        ]
        for profile, sought in candidates
    ]
