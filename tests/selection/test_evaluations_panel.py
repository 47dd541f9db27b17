"""The jury's work on the team's page of an application: reviews, audition grids, scores."""

import pytest

from eig.auditions import services as auditions
from eig.auditions.criteria import CRITERIA
from eig.selection import scoring
from eig.selection.evaluations import evaluations_panel
from eig.selection.kept import version
from eig.selection.reviews import cohort_scores, save_review
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CandidateFactory,
    ChallengeFactory,
    InterviewFactory,
    InterviewSlotFactory,
    ReviewerFactory,
)

SCORED = [c.key for c in scoring.DEFAULT_CRITERIA if c.scored]


def detail(application):
    return f"/equipe/candidatures/{application.public_id}/"


def write(reviewer, application, value, *, submit=True, **data):
    pair = AssignmentFactory(reviewer=reviewer, application=application, released=True)
    data = {"scores": dict.fromkeys(SCORED, value), "verdict": "neutre"} | data
    return save_review(assignment=pair, by=reviewer.user, data=data, submit=submit)


@pytest.fixture
def reviewed(cohort, bob, dan):
    """Alice's application: Bob's and Anne's reviews (opposite verdicts), Chloé's draft, Denis
    not started; an audition before Dan, who filled his grid, and Élise, who did not."""
    datafin = ChallengeFactory(cohort=cohort, name="Datafin")
    application = ApplicationFactory(cohort=cohort, submitted=True, choice__challenge=datafin)
    write(
        bob,
        application,
        4,
        verdict="coup_de_coeur",
        recommended=[datafin],
        checks={"disponibilite": True},
        comment="Un parcours remarquable dans la donnée publique.",
        comments={"dynamisme": "Très motivée par le défi."},
    )
    anne = ReviewerFactory(cohort=cohort, full_name="Anne Roux", organisation="Dinum")
    write(anne, application, 2, verdict="defavorable", checks={"disponibilite": False})
    chloe = ReviewerFactory(cohort=cohort, full_name="Chloé Brun")
    write(chloe, application, 3, submit=False, scores={"dynamisme": 5}, verdict="")
    AssignmentFactory(
        reviewer=ReviewerFactory(cohort=cohort, full_name="Denis Petit"),
        application=application,
        released=True,
    )
    elise = CandidateFactory(username="elise@jury.example", first_name="Élise", last_name="Vidal")
    slot = InterviewSlotFactory(cohort=cohort, panel=[dan, elise])
    interview = InterviewFactory(slot=slot, application=application)
    scores = {key: (5, "") for key, _label in CRITERIA}
    scores[CRITERIA[0][0]] = (3, "Hésitante au début, convaincante ensuite.")
    auditions.save_grid(interview=interview, member=dan, scores=scores)
    return application


def test_the_team_reads_every_review_with_its_comments(team_client, reviewed):
    response = team_client.get(detail(reviewed))
    page = response.text

    for shown in [
        "Évaluations du jury et audition",
        "Bob Lenoir",
        "Anne Roux",
        "Dinum",
        "Un parcours remarquable dans la donnée publique.",
        "Très motivée par le défi.",
        "Coup de cœur",
        "Avis défavorable",
        "Datafin",
        "Chloé Brun",
        "brouillon",
        "Pas encore commencée par : Denis Petit",
    ]:
        assert shown in page, shown
    # The availability check, per review (Anne, Bob, Chloé): no, yes, not answered.
    [(criterion, answers)] = response.context["evaluations"].check_rows
    assert (criterion.key, answers) == ("disponibilite", [False, True, None])
    assert "<td>Non</td><td>Oui</td><td>—</td>" in page


def test_the_disagreement_and_the_means_are_shown(team_client, cohort, reviewed):
    panel = evaluations_panel(reviewed)
    _criteria, scores = cohort_scores(cohort)
    result = scores[reviewed.pk]

    assert panel.scores == result
    # 4 against 2 on each criterion, and a coup de cœur against an avis défavorable.
    assert len(panel.reasons) == len(SCORED) + 1
    assert panel.reasons[-1] == (
        "Avis opposés : Coup de cœur (Bob Lenoir) et Avis défavorable (Anne Roux)"
    )
    assert [line.reviewer.full_name for line in panel.lines] == [
        "Anne Roux",
        "Bob Lenoir",
        "Chloé Brun",
    ]
    assert [line.mean for line in panel.lines] == [2, 4, None]  # Chloé's draft is incomplete
    page = team_client.get(detail(reviewed)).text
    assert "Désaccord entre les membres du jury" in page
    assert "Avis opposés" in page
    assert f"{result.raw_overall:.2f}".replace(".", ",") in page
    assert f"{result.calibrated_overall:.2f}".replace(".", ",") in page


def test_the_audition_grids_and_the_final_score_are_shown(team_client, cohort, reviewed):
    panel = evaluations_panel(reviewed)
    audition = (3 + 5 * (len(CRITERIA) - 1)) / len(CRITERIA)
    written = cohort_scores(cohort)[1][reviewed.pk].calibrated_overall

    assert panel.audition_mean == pytest.approx(audition)
    assert panel.final == pytest.approx(0.5 * written + 0.5 * audition)
    assert sorted(grid.member for grid in panel.audition) == ["dan@jury.example", "Élise Vidal"]
    page = team_client.get(detail(reviewed)).text
    assert "Hésitante au début, convaincante ensuite." in page
    assert "grille non remplie" in page  # Élise's
    assert f"{panel.final:.2f}".replace(".", ",") in page
    assert f"{audition:.2f}".replace(".", ",") in page


def test_an_application_without_jury_work_says_so(team_client, cohort):
    application = ApplicationFactory(cohort=cohort, submitted=True)
    page = team_client.get(detail(application)).text
    assert "Aucune évaluation pour l’instant." in page
    assert "Pas d’audition pour l’instant." in page
    assert "pas encore de note" in page


def test_the_panel_takes_a_fixed_number_of_queries(
    cohort, reviewed, django_assert_max_num_queries, django_assert_num_queries
):
    version(cohort)  # the cohort's scores stamp, created by its very first read only
    with django_assert_max_num_queries(20) as captured:
        evaluations_panel(reviewed)
    queries = len(captured.captured_queries)
    for n in range(4):  # more reviews, more panel members: as many queries
        write(ReviewerFactory(cohort=cohort), reviewed, 1 + n)
        write(ReviewerFactory(cohort=cohort), ApplicationFactory(cohort=cohort), 2)
    reviewed.interview.slot.panel.add(*CandidateFactory.create_batch(3))
    with django_assert_num_queries(queries):
        evaluations_panel(reviewed)


def test_a_reviewer_never_sees_the_panel(client, bob, reviewed):
    client.force_login(bob.user)

    assert client.get(detail(reviewed)).status_code == 404
    jury_page = client.get(f"/jury/candidatures/{reviewed.public_id}/")
    assert jury_page.status_code == 200
    assert 'id="evaluations"' not in jury_page.text
    assert "Hésitante au début" not in jury_page.text  # the audition panel's notes


def test_the_audition_panel_never_sees_it(client, dan, reviewed):
    client.force_login(dan)
    assert client.get(detail(reviewed)).status_code == 404
