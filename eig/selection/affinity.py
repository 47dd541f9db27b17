"""How well a reviewer fits an application, on plain data (no database).

affinity = PROFILE_WEIGHT × [the reviewer assesses the candidate's profile]
         + SKILL_WEIGHT × (share of the skills sought by the chosen défis that the reviewer has)

so it lies between 0 and PROFILE_WEIGHT + SKILL_WEIGHT (3). The profile weighs more than the
skills: a data scientist should first be read by someone who can judge data science. When the
chosen défis seek no skill, only the profile counts.
"""

PROFILE_WEIGHT = 2.0
SKILL_WEIGHT = 1.0


def affinity(*, reviewer_profiles, reviewer_skills, candidate_profile, challenge_skills):
    profile = PROFILE_WEIGHT if candidate_profile and candidate_profile in reviewer_profiles else 0
    if not challenge_skills:
        return float(profile)
    shared = len(set(reviewer_skills) & set(challenge_skills)) / len(set(challenge_skills))
    return float(profile + SKILL_WEIGHT * shared)
