"""How well a reviewer fits an application, on plain data (no database).

affinity = PROFILE_WEIGHT × [the reviewer assesses the candidate's profile]
         + SKILL_WEIGHT × (share of the skills sought by the chosen défis that the reviewer has)

so it lies between 0 and PROFILE_WEIGHT + SKILL_WEIGHT (3). The profile weighs more than the
skills: a data scientist should first be read by someone who can judge data science. When the
chosen défis seek no skill, only the profile counts.
"""

import numpy as np

PROFILE_WEIGHT = 2.0
SKILL_WEIGHT = 1.0


def affinity(*, reviewer_profiles, reviewer_skills, candidate_profile, challenge_skills):
    profile = PROFILE_WEIGHT if candidate_profile and candidate_profile in reviewer_profiles else 0
    if not challenge_skills:
        return float(profile)
    shared = len(set(reviewer_skills) & set(challenge_skills)) / len(set(challenge_skills))
    return float(profile + SKILL_WEIGHT * shared)


def affinity_matrix(*, reviewers, candidates):
    """`affinity` for every pair at once, with numpy: applications × reviewers.

    `reviewers`: (profiles, skills) of each; `candidates`: (profile, skills sought by the chosen
    défis) of each. The same values as `affinity`, pair by pair; a national call's 20,000
    applications and 500 reviewers make 10 million pairs, too many for a call each.
    """
    profiles = sorted({profile for profile, _sought in candidates if profile})
    skills = sorted(
        {s for _profiles, own in reviewers for s in own}
        | {s for _profile, sought in candidates for s in sought}
    )
    profile_index = {p: k for k, p in enumerate(profiles)}
    skill_index = {s: k for k, s in enumerate(skills)}
    candidate_profiles = np.zeros((len(candidates), len(profiles)))
    sought = np.zeros((len(candidates), len(skills)))
    for i, (profile, wanted) in enumerate(candidates):
        if profile:
            candidate_profiles[i, profile_index[profile]] = 1
        sought[i, [skill_index[s] for s in set(wanted)]] = 1
    reviewer_profiles = np.zeros((len(reviewers), len(profiles)))
    held = np.zeros((len(reviewers), len(skills)))
    for j, (assessed, own) in enumerate(reviewers):
        reviewer_profiles[j, [profile_index[p] for p in set(assessed) if p in profile_index]] = 1
        held[j, [skill_index[s] for s in set(own)]] = 1
    profile = PROFILE_WEIGHT * (candidate_profiles @ reviewer_profiles.T > 0)
    counts = sought.sum(axis=1, keepdims=True)
    shared = np.divide(sought @ held.T, counts, out=np.zeros(profile.shape), where=counts > 0)
    return profile + SKILL_WEIGHT * shared
