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
    applications and 500 reviewers make 10 million pairs, too many for a call each. Candidates
    with the same profile and skills sought share one row, computed once.
    """
    keys = [(profile, frozenset(sought)) for profile, sought in candidates]
    distinct = list(dict.fromkeys(keys))
    row_of = {key: k for k, key in enumerate(distinct)}
    rows = _distinct_affinities(reviewers, distinct)
    return rows[np.fromiter((row_of[key] for key in keys), dtype=np.intp, count=len(keys))]


def _distinct_affinities(reviewers, candidates):
    profiles = sorted({profile for profile, _sought in candidates if profile})
    skills = sorted(
        {s for _profiles, own in reviewers for s in own}
        | {s for _profile, sought in candidates for s in sought}
    )
    profile_index = {p: k for k, p in enumerate(profiles)}
    skill_index = {s: k for k, s in enumerate(skills)}
    # 0/1 matrices in float32: their products count shared skills, integers float32 holds
    # exactly, at half the cost of float64.
    profile_of = np.array([profile_index.get(profile, -1) for profile, _ in candidates], np.intp)
    sought = np.zeros((len(candidates), len(skills)), np.float32)
    for i, (_profile, wanted) in enumerate(candidates):
        sought[i, [skill_index[s] for s in set(wanted)]] = 1
    assesses = np.zeros((len(profiles) + 1, len(reviewers)), bool)  # last row: no profile
    held = np.zeros((len(skills), len(reviewers)), np.float32)
    for j, (assessed, own) in enumerate(reviewers):
        assesses[[profile_index[p] for p in set(assessed) if p in profile_index], j] = True
        held[[skill_index[s] for s in set(own)], j] = 1
    counts = sought.sum(axis=1, keepdims=True, dtype=np.float64)
    shared = np.divide(
        sought @ held, counts, out=np.zeros((len(candidates), len(reviewers))), where=counts > 0
    )
    shared *= SKILL_WEIGHT
    shared += PROFILE_WEIGHT * assesses[profile_of]
    return shared
