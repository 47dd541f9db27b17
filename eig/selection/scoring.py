"""The evaluation grid, the aggregation of reviews and the ranking per défi: plain data, no Django.

- ``Criterion``, ``DEFAULT_CRITERIA``, ``validate_criteria``: the grid of a cohort; the default
  is the programme's published criteria, weight 1 each, plus the availability check (yes or
  no, not scored).
- ``Review``, ``validate_review``: one reviewer's scores (integers 1 to 5), verdict and
  recommended défis for one application.
- ``calibrate``: each reviewer's scores standardised, then mapped back to the 1-5 scale.
- ``aggregate``: per application, raw and calibrated means side by side, disagreements.
- ``rank_for_challenge``: the candidates who chose a défi, best first.
- ``audition_mean``, ``final_score``: the audition panel's mean, and the score that ranks,
  combining the written reviews with the audition.

Ids of reviewers, applications and défis: integers or strings (any hashable values that
compare with each other); where an order is needed, integers come before strings, each in
natural order. Bad input raises ``ValueError`` with a French message naming the offending
entry, before any computation. All sums use ``math.fsum`` (exactly rounded), so results do
not depend on the order of the input, and the same input always gives the same output.

Calibration, in short (details in ``calibrate``): a reviewer's score s becomes
z = (s - m_r) / d_r, with m_r and d_r the mean and standard deviation of every score that
reviewer gave (all criteria, all applications); then calibrated = M + D × z, with M and D
the mean and standard deviation of every score of every reviewer. A severe and a lenient
reviewer with the same judgement get the same calibrated scores; calibrated numbers keep the
jury's overall level and spread, so they read next to the raw ones.
"""

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

Id = Hashable
Verdict = Literal["coup_de_coeur", "neutre", "defavorable"]

SCALE_MIN = 1
SCALE_MAX = 5
SCALE_LABELS: dict[int, str] = {
    1: "Insuffisant",
    2: "Faible",
    3: "Correct",
    4: "Bon",
    5: "Excellent",
}
VERDICT_LABELS: dict[str, str] = {
    "coup_de_coeur": "Coup de cœur",
    "neutre": "Avis neutre",
    "defavorable": "Avis défavorable",
}
VERDICTS: tuple[str, ...] = tuple(VERDICT_LABELS)
# Two reviewers of one application disagree on a criterion when their scores differ by this.
DISAGREEMENT_GAP = 2
# Opposite verdicts: flagged whatever the scores.
OPPOSITE_VERDICTS = frozenset({"coup_de_coeur", "defavorable"})
# Overall scores closer than this are equal when ranking (float noise, not merit).
SCORE_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class Criterion:
    """One line of the grid. ``key``: stable identifier; ``label``: French text shown.

    ``weight``: a finite number > 0, used for the overall score. ``scored=False`` makes it a
    yes/no check (the availability check): it has no weight in any mean and is answered in
    ``Review.checks``, never in ``Review.scores``.
    """

    key: str
    label: str
    weight: float = 1
    scored: bool = True


DEFAULT_CRITERIA: tuple[Criterion, ...] = (
    Criterion("dynamisme", "Dynamisme, vision, esprit d'initiative, attitude positive"),
    Criterion(
        "comprehension_defi",
        "Compréhension du défi et capacité à proposer des orientations stratégiques "
        "pour son développement",
    ),
    Criterion(
        "interet_general",
        "Sens de l'intérêt général (contribution à un logiciel libre, engagement associatif…)",
    ),
    Criterion(
        "integration",
        "Capacité à s'intégrer dans une administration et à travailler avec ses métiers "
        "(SI, métier, RH, direction)",
    ),
    Criterion(
        "competences_techniques",
        "Compétences techniques : technologie, design, expérience utilisateur, data science",
    ),
    Criterion(
        "disponibilite",
        "Disponibilité à temps plein pour toute la durée du programme",
        scored=False,
    ),
)


@dataclass(frozen=True, slots=True)
class Review:
    """One reviewer's evaluation of one application.

    ``scores``: criterion key -> integer 1 to 5, one per scored criterion. ``checks``:
    criterion key -> True/False for the unscored criteria (optional: an unanswered check
    counts neither way). ``verdict``: one of ``VERDICTS`` (``None`` only in a draft).
    ``recommended``: the défis the reviewer recommends for the candidate.
    """

    reviewer: Id
    application: Id
    scores: Mapping[str, int]
    verdict: str | None
    recommended: Sequence[Id] = ()
    checks: Mapping[str, bool] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Why an application is flagged, for the team to discuss.

    ``kind="score"``: on ``criterion`` (key, with its ``label``), the two ``reviewers`` gave
    ``values`` (two integers) differing by ``DISAGREEMENT_GAP`` or more. ``kind="verdict"``:
    one gave a coup de cœur, the other an avis défavorable; ``criterion`` and ``label`` are
    None and ``values`` holds the two verdicts. ``reviewers`` are in ascending id order and
    ``values`` in the same order.
    """

    kind: Literal["score", "verdict"]
    criterion: str | None
    label: str | None
    reviewers: tuple[Id, Id]
    values: tuple[int, int] | tuple[str, str]

    def __str__(self) -> str:
        first, second = self.reviewers
        if self.kind == "verdict":
            a, b = (VERDICT_LABELS[str(v)] for v in self.values)
            return f"Avis opposés : {a} ({first}) et {b} ({second})"
        a, b = self.values
        return (
            f"« {self.label} » : notes {a} ({first}) et {b} ({second}), "
            f"écart de {abs(int(a) - int(b))}"
        )


@dataclass(frozen=True, slots=True)
class ReviewerScale:
    """The mean and standard deviation (population) of all the scores one reviewer gave."""

    mean: float
    sd: float
    count: int


@dataclass(frozen=True, slots=True)
class Calibration:
    """Result of ``calibrate``.

    ``mean``, ``sd``: of every score of every review (population standard deviation).
    ``reviewers``: reviewer id -> ``ReviewerScale``. ``standardised`` and ``calibrated``:
    (reviewer id, application id) -> criterion key -> value, for each review;
    ``calibrated = mean + sd × standardised``.
    """

    mean: float
    sd: float
    reviewers: dict[Id, ReviewerScale]
    standardised: dict[tuple[Id, Id], dict[str, float]]
    calibrated: dict[tuple[Id, Id], dict[str, float]]


@dataclass(frozen=True, slots=True)
class ApplicationScores:
    """Everything the team sees for one application, raw and calibrated side by side.

    ``raw``: criterion key -> mean of the reviewers' scores (scored criteria, grid order);
    ``raw_overall``: the weighted mean of ``raw`` by criterion weights. ``calibrated`` and
    ``calibrated_overall``: the same computed on calibrated scores (see ``calibrate``),
    on the 1-5 scale of the raw ones but not clamped to it. ``standardised`` and
    ``standardised_overall``: the same on the z-scale (0 = the reviewers' usual score).
    ``review_count``: number of reviews. ``verdicts``: verdict -> count (all three keys).
    ``recommendations``: défi id -> number of reviews recommending it. ``checks``:
    unscored criterion key -> (yes, no) counts. ``disagreements``: the reasons of the flag,
    score gaps first (grid order, then reviewer pairs in id order), then opposite verdicts.
    """

    application: Id
    review_count: int
    raw: dict[str, float]
    raw_overall: float
    calibrated: dict[str, float]
    calibrated_overall: float
    standardised: dict[str, float]
    standardised_overall: float
    verdicts: dict[str, int]
    recommendations: dict[Id, int]
    checks: dict[str, tuple[int, int]]
    disagreements: tuple[Disagreement, ...]

    @property
    def disagreement(self) -> bool:
        """The flag: at least one reason in ``disagreements``."""
        return bool(self.disagreements)

    def overall(self, *, calibrated: bool = True) -> float:
        return self.calibrated_overall if calibrated else self.raw_overall


@dataclass(frozen=True, slots=True)
class RankingEntry:
    """One line of a défi's ranking. ``position`` is 1-based and strictly increasing.

    ``score``: the score used (None when the application has none yet).
    ``choice_rank``: where the candidate put the défi in their own list (1 = first choice).
    ``recommendations``: reviews that recommend this défi for the candidate.
    """

    position: int
    application: Id
    score: float | None
    choice_rank: int
    recommendations: int


def validate_criteria(criteria: Sequence[Criterion]) -> None:
    """Check a grid: keys unique and non-empty, labels non-empty, weights finite and > 0,
    at least one scored criterion. Raises ``ValueError`` naming the criterion."""
    if isinstance(criteria, (str, bytes)) or not isinstance(criteria, Sequence):
        raise ValueError("grille : une liste de critères est attendue")
    seen: set[str] = set()
    for position, criterion in enumerate(criteria, start=1):
        if not isinstance(criterion, Criterion):
            raise ValueError(f"grille : l'élément {position} n'est pas un critère : {criterion!r}")
        key = criterion.key
        if not isinstance(key, str) or not key:
            raise ValueError(f"grille : le critère {position} n'a pas de clé")
        if key in seen:
            raise ValueError(f"grille : le critère « {key} » apparaît deux fois")
        seen.add(key)
        if not isinstance(criterion.label, str) or not criterion.label.strip():
            raise ValueError(f"grille : le critère « {key} » n'a pas de libellé")
        weight = criterion.weight
        if (
            isinstance(weight, bool)
            or not isinstance(weight, (int, float))
            or not math.isfinite(weight)
            or weight <= 0
        ):
            raise ValueError(
                f"grille : le critère « {key} » a un poids invalide ({weight!r}) ; "
                "un nombre strictement positif est attendu"
            )
        if not isinstance(criterion.scored, bool):
            raise ValueError(f"grille : le critère « {key} » : scored doit être True ou False")
    if not any(criterion.scored for criterion in criteria):
        raise ValueError("grille : au moins un critère noté est nécessaire")


def validate_review(
    review: Review, criteria: Sequence[Criterion] = DEFAULT_CRITERIA, *, draft: bool = False
) -> None:
    """Check a review against the grid; raise ``ValueError`` naming the entry, else None.

    Submitted (``draft=False``): every scored criterion has a score, an integer from 1 to 5
    (``bool`` and ``float`` refused); no unknown criterion, no check in ``scores`` and no
    score in ``checks``; checks are True or False; the verdict is one of ``VERDICTS``;
    recommended défis appear once each. A draft may lack scores and the verdict, but what it
    holds obeys the same rules.
    """
    validate_criteria(criteria)
    _check_review(review, {c.key: c for c in criteria}, draft=draft)


def calibrate(reviews: Iterable[Review], criteria: Sequence[Criterion]) -> Calibration:
    """Standardise each reviewer's scores, then map them back to the scale of raw scores.

    Choices:
    - Pooled per reviewer: m_r and d_r are taken over every score the reviewer gave, all
      criteria and applications together, each score counting once. Per-criterion pools
      would be too small (a reviewer reads ten or twenty applications), and severity is a
      habit of the reviewer rather than of a criterion; a reviewer's relative view of the
      criteria (say, always higher on technical skills) is kept.
    - Population standard deviations (divide by n), for reviewers and for the jury.
    - A reviewer whose scores do not vary (all equal, or a single score) expresses no
      preference among what they read: z = 0 for all their scores, i.e. each becomes the
      jury's mean M. Their raw scores still show in the raw columns.
    - Mapping back: calibrated = M + D × z, with M, D the mean and standard deviation of all
      the raw scores. The calibrated scores of all reviews then have mean M exactly, and
      standard deviation D when every reviewer's scores vary; they are not clamped to 1-5
      (a value above 5 means "far above what this reviewer usually gives").

    Guarantees: z is unchanged when one reviewer's scores all go through the same map
    s -> a × s + b with a > 0 (so a severe and a lenient reviewer with the same judgement
    weigh the same); M and D, shared by all, change, so calibrated scores move by one common
    increasing affine map and every comparison between them is unchanged. |z| <= sqrt(n_r - 1)
    for a reviewer with n_r scores. Complexity O(number of scores).
    """
    reviews = list(reviews)
    by_key = _checked_grid(criteria)
    _check_reviews(reviews, by_key)
    return _calibrate(reviews, _scored_keys(criteria))


def aggregate(
    reviews: Iterable[Review], criteria: Sequence[Criterion] = DEFAULT_CRITERIA
) -> dict[Id, ApplicationScores]:
    """Aggregate submitted reviews, per application (keys in ascending application id).

    Every review is validated first (``validate_review``); an application reviewed twice by
    the same reviewer is refused. Per application and scored criterion: the mean of the
    reviewers' scores, each review weighing the same; overall: the weighted mean of those
    criterion means by criterion weights (equal to the mean of each review's weighted mean,
    since every review scores every criterion). Calibrated and standardised: the same means
    on ``calibrate``'s values; calibration uses every review given, so pass all the cohort's
    submitted reviews at once.

    Disagreement flag: two reviewers of the application whose raw scores on a criterion
    differ by ``DISAGREEMENT_GAP`` (2) points or more, or one coup de cœur and one avis
    défavorable. Raw scores, not calibrated: the flag is about what the reviewers wrote, to
    be discussed by the team. Every pair of reviewers is examined; each reason is listed.

    Guarantees: raw means lie within 1 and 5; ``calibrated_* = M + D × standardised_*``;
    the result does not depend on the order of ``reviews``. Complexity O(R × C + P × C)
    for R reviews, C criteria and P pairs of reviewers of the same application.
    """
    reviews = list(reviews)
    by_key = _checked_grid(criteria)
    _check_reviews(reviews, by_key)
    keys = _scored_keys(criteria)
    weights = [by_key[key].weight for key in keys]
    checks = [c.key for c in criteria if not c.scored]
    calibration = _calibrate(reviews, keys)
    per_application: dict[Id, list[Review]] = {}
    for review in reviews:
        per_application.setdefault(review.application, []).append(review)

    results: dict[Id, ApplicationScores] = {}
    for application in sorted(per_application, key=_order):
        group = sorted(per_application[application], key=lambda r: _order(r.reviewer))
        pairs = [(r.reviewer, application) for r in group]
        raw = {k: _mean([r.scores[k] for r in group]) for k in keys}
        z = {k: _mean([calibration.standardised[p][k] for p in pairs]) for k in keys}
        calibrated = {k: _mean([calibration.calibrated[p][k] for p in pairs]) for k in keys}
        recommendations: dict[Id, int] = {}
        for review in group:
            for challenge in review.recommended:
                recommendations[challenge] = recommendations.get(challenge, 0) + 1
        results[application] = ApplicationScores(
            application=application,
            review_count=len(group),
            raw=raw,
            raw_overall=_weighted(raw, keys, weights),
            calibrated=calibrated,
            calibrated_overall=_weighted(calibrated, keys, weights),
            standardised=z,
            standardised_overall=_weighted(z, keys, weights),
            verdicts={v: sum(r.verdict == v for r in group) for v in VERDICTS},
            recommendations=dict(sorted(recommendations.items(), key=lambda i: _order(i[0]))),
            checks={
                k: (
                    sum(r.checks.get(k) is True for r in group),
                    sum(r.checks.get(k) is False for r in group),
                )
                for k in checks
            },
            disagreements=_disagreements(group, keys, by_key),
        )
    return results


def rank_for_challenge(
    challenge: Id,
    choices: Mapping[Id, Sequence[Id]],
    scores: Mapping[Id, ApplicationScores],
    *,
    calibrated: bool = True,
    final: Mapping[Id, float | None] | None = None,
) -> list[RankingEntry]:
    """Rank the candidates who chose ``challenge``, best first.

    ``choices``: application id -> the défis the candidate chose, first choice first.
    ``scores``: ``aggregate``'s result. Candidates who did not choose the défi are left out,
    whatever their scores. ``final``: application id -> the score to rank on instead of the
    reviews' overall one (``final_score``, with the audition); a candidate missing from it, or
    mapped to None, has no score.

    Order: ``final`` when given, else overall score (calibrated, or raw with
    ``calibrated=False``), highest first; scores within ``SCORE_TOLERANCE`` are equal. Ties are
    broken by, in turn: the rank the candidate gave the défi (a first choice before a second:
    motivation), then the number of reviews recommending the défi for them (more first), then
    the application id (ascending, so the order is total and stable). Candidates without a
    score come last, with ``score=None``, ordered by the same tie rules. Positions run 1, 2,
    3… with no gap.

    A choice list naming a défi twice raises ``ValueError`` naming the application.
    Complexity O(E + N log N), E = entries of ``choices``, N = candidates of the défi.
    """
    for application, chosen in choices.items():
        if isinstance(chosen, (str, bytes)) or not isinstance(chosen, Sequence):
            raise ValueError(f"candidature {application} : liste de défis attendue")
        if len(set(chosen)) != len(chosen):
            raise ValueError(f"candidature {application} : un défi apparaît deux fois")
    for application, result in scores.items():
        if not isinstance(result, ApplicationScores):
            raise ValueError(f"candidature {application} : résultat d'aggregate attendu")

    rows = []
    for application, chosen in choices.items():
        if challenge not in chosen:
            continue
        result = scores.get(application)
        if final is not None:
            score = final.get(application)
        else:
            score = None if result is None else result.overall(calibrated=calibrated)
        recommendations = 0 if result is None else result.recommendations.get(challenge, 0)
        rows.append((application, score, list(chosen).index(challenge) + 1, recommendations))

    reviewed = sorted((row for row in rows if row[1] is not None), key=lambda row: -row[1])
    level, top, levels = -1, math.inf, {}
    for application, score, _, _ in reviewed:
        if top - score > SCORE_TOLERANCE:  # a new group of equal scores starts
            level, top = level + 1, score
        levels[application] = level
    unreviewed = level + 1
    rows.sort(key=lambda row: (levels.get(row[0], unreviewed), row[2], -row[3], _order(row[0])))
    return [
        RankingEntry(position, application, score, rank, recommendations)
        for position, (application, score, rank, recommendations) in enumerate(rows, start=1)
    ]


def audition_mean(grids: Iterable[Mapping[str, int]]) -> float | None:
    """The audition's score: the mean of each panel member's mean, None without any grid.

    ``grids``: one mapping criterion key -> score (1 to 5) per member who filled the grid;
    an empty grid is left out. Each member weighs the same, whatever the number of criteria
    they scored. Raw scores: a panel hears a handful of candidates, too few to calibrate.
    """
    means = []
    for grid in grids:
        scores = list(grid.values())
        for value in scores:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"audition : note entière attendue, reçu {value!r}")
            if not SCALE_MIN <= value <= SCALE_MAX:
                raise ValueError(
                    f"audition : la note {value} est hors de l'échelle {SCALE_MIN} à {SCALE_MAX}"
                )
        if scores:
            means.append(_mean(scores))
    return _mean(means) if means else None


def final_score(
    written: float | None, audition: float | None, *, audition_weight: float
) -> float | None:
    """The score that ranks a candidate: the written reviews combined with the audition.

    ``written``: the overall score of the reviews (``ApplicationScores.overall``); ``audition``:
    ``audition_mean`` (None when the person was not auditioned); ``audition_weight``: the
    audition's share in percent, 0 to 100 (``Cohort.audition_weight``). With both:
    (1 − w) × written + w × audition, w = audition_weight / 100. With one of them: that one
    (a person not auditioned keeps the written score). With neither: None.
    """
    if (
        isinstance(audition_weight, bool)
        or not isinstance(audition_weight, (int, float))
        or not 0 <= audition_weight <= 100
    ):
        raise ValueError(
            f"poids des auditions invalide ({audition_weight!r}) : un pourcentage de 0 à 100 "
            "est attendu"
        )
    if audition is None:
        return written
    if written is None:
        return audition
    weight = audition_weight / 100
    return math.fsum([(1 - weight) * written, weight * audition])


def _order(identifier: Id) -> tuple[bool, Id]:
    """Sort key for ids: integers before strings, each in natural order."""
    return (isinstance(identifier, str), identifier)


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _weighted(values: Mapping[str, float], keys: Sequence[str], weights: Sequence[float]) -> float:
    return math.fsum(values[k] * w for k, w in zip(keys, weights, strict=True)) / math.fsum(weights)


def _scored_keys(criteria: Sequence[Criterion]) -> list[str]:
    return [c.key for c in criteria if c.scored]


def _checked_grid(criteria: Sequence[Criterion]) -> dict[str, Criterion]:
    validate_criteria(criteria)
    return {c.key: c for c in criteria}


def _check_reviews(reviews: list[Review], by_key: Mapping[str, Criterion]) -> None:
    seen: set[tuple[Id, Id]] = set()
    for review in reviews:
        _check_review(review, by_key, draft=False)
        pair = (review.reviewer, review.application)
        if pair in seen:
            raise ValueError(
                f"le membre du jury {review.reviewer} a deux évaluations de la candidature "
                f"{review.application}"
            )
        seen.add(pair)


def _check_review(review: Review, by_key: Mapping[str, Criterion], *, draft: bool) -> None:
    if not isinstance(review, Review):
        raise ValueError(f"évaluation attendue, reçu {review!r}")
    where = f"évaluation de {review.reviewer} sur la candidature {review.application}"
    for name, values in (("scores", review.scores), ("checks", review.checks)):
        if not isinstance(values, Mapping):
            raise ValueError(f"{where} : {name} doit être un dictionnaire critère -> valeur")
    for key, value in review.scores.items():
        criterion = by_key.get(key)
        if criterion is None:
            raise ValueError(f"{where} : critère inconnu « {key} »")
        if not criterion.scored:
            raise ValueError(
                f"{where} : « {criterion.label} » est une vérification oui/non, pas une note"
            )
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(
                f"{where} : « {criterion.label} » : note entière attendue, reçu {value!r}"
            )
        if not SCALE_MIN <= value <= SCALE_MAX:
            raise ValueError(
                f"{where} : « {criterion.label} » : la note {value} est hors de l'échelle "
                f"{SCALE_MIN} à {SCALE_MAX}"
            )
    for key, value in review.checks.items():
        criterion = by_key.get(key)
        if criterion is None:
            raise ValueError(f"{where} : critère inconnu « {key} »")
        if criterion.scored:
            raise ValueError(f"{where} : « {criterion.label} » se note de 1 à 5, pas par oui/non")
        if not isinstance(value, bool):
            raise ValueError(f"{where} : « {criterion.label} » : oui ou non attendu ({value!r})")
    if not draft:
        missing = [c.label for c in by_key.values() if c.scored and c.key not in review.scores]
        if missing:
            raise ValueError(f"{where} : note manquante pour « {missing[0]} »")
    if review.verdict is None and draft:
        pass
    elif review.verdict not in VERDICTS:
        raise ValueError(
            f"{where} : avis {review.verdict!r} inconnu ; attendu : {', '.join(VERDICTS)}"
        )
    recommended = review.recommended
    if isinstance(recommended, (str, bytes)) or not isinstance(recommended, Sequence):
        raise ValueError(f"{where} : les défis recommandés doivent former une liste")
    if len(set(recommended)) != len(recommended):
        raise ValueError(f"{where} : un défi recommandé apparaît deux fois")


def _calibrate(reviews: list[Review], keys: Sequence[str]) -> Calibration:
    every = [review.scores[k] for review in reviews for k in keys]
    mean, sd = _mean_sd(every) if every else (0.0, 0.0)
    given: dict[Id, list[int]] = {}
    for review in reviews:
        given.setdefault(review.reviewer, []).extend(review.scores[k] for k in keys)
    scales = {
        reviewer: ReviewerScale(*_mean_sd(values), len(values))
        for reviewer, values in sorted(given.items(), key=lambda item: _order(item[0]))
    }
    standardised: dict[tuple[Id, Id], dict[str, float]] = {}
    calibrated: dict[tuple[Id, Id], dict[str, float]] = {}
    for review in reviews:
        scale = scales[review.reviewer]
        z = {k: (review.scores[k] - scale.mean) / scale.sd if scale.sd > 0 else 0.0 for k in keys}
        pair = (review.reviewer, review.application)
        standardised[pair] = z
        calibrated[pair] = {k: mean + sd * value for k, value in z.items()}
    return Calibration(mean, sd, scales, standardised, calibrated)


def _mean_sd(values: Sequence[float]) -> tuple[float, float]:
    mean = _mean(values)
    return mean, math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))


def _disagreements(
    group: Sequence[Review], keys: Sequence[str], by_key: Mapping[str, Criterion]
) -> tuple[Disagreement, ...]:
    """``group`` is sorted by reviewer id, so each pair comes in ascending id order."""
    reasons = [
        Disagreement("score", k, by_key[k].label, (a.reviewer, b.reviewer), (sa, sb))
        for k in keys
        for a, b in combinations(group, 2)
        if abs((sa := a.scores[k]) - (sb := b.scores[k])) >= DISAGREEMENT_GAP
    ]
    reasons.extend(
        Disagreement("verdict", None, None, (a.reviewer, b.reviewer), (a.verdict, b.verdict))
        for a, b in combinations(group, 2)
        if a.verdict != b.verdict and {a.verdict, b.verdict} == OPPOSITE_VERDICTS
    )
    return tuple(reasons)
