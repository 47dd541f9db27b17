"""Hypothesis strategies for random small instances."""

from hypothesis import strategies as st


@st.composite
def markets(draw, max_candidates=5, max_challenges=3):
    """Random small markets; défis may rank candidates who did not choose them, and back."""
    candidates = [f"c{i}" for i in range(draw(st.integers(0, max_candidates)))]
    challenges = [f"d{j}" for j in range(draw(st.integers(0, max_challenges)))]

    def ranking(items):
        return draw(
            st.permutations(items).flatmap(lambda p: st.integers(0, len(p)).map(lambda k: p[:k]))
        )

    candidate_prefs = {c: list(ranking(challenges)) for c in candidates}
    challenge_prefs = {d: list(ranking(candidates)) for d in challenges}
    capacities = {d: draw(st.integers(0, 3)) for d in challenges}
    return candidate_prefs, challenge_prefs, capacities
