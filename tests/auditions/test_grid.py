"""The panel fills an audition grid: a score from 1 to 5 and a comment per criterion."""

import pytest

from eig.auditions import services
from eig.auditions.criteria import CRITERIA
from eig.auditions.models import InterviewScore
from tests.factories import CandidateFactory, InterviewFactory


@pytest.fixture
def interview(slot):
    return InterviewFactory(slot=slot)


def grid_url(interview):
    return f"/equipe/auditions/{interview.public_id}/grille/"


def grid_data(score=4, **overrides):
    data = {}
    for key, _label in CRITERIA:
        data[f"score_{key}"] = score
        data[f"comment_{key}"] = "Clair et précis."
    return data | overrides


def test_a_panel_member_fills_the_grid(client, dan, interview):
    client.force_login(dan)

    response = client.post(grid_url(interview), grid_data(), follow=True)

    assert "Votre grille d’audition est enregistrée." in response.content.decode()
    scores = InterviewScore.objects.filter(interview=interview, member=dan)
    assert sorted(scores.values_list("criterion", flat=True)) == sorted(k for k, _l in CRITERIA)
    assert {score.score for score in scores} == {4}


def test_filling_the_grid_again_updates_it(client, dan, interview):
    client.force_login(dan)
    client.post(grid_url(interview), grid_data(score=2))

    client.post(grid_url(interview), grid_data(score=5))

    assert set(InterviewScore.objects.values_list("score", flat=True)) == {5}
    assert 'value="5"' in client.get(grid_url(interview)).content.decode()


@pytest.mark.parametrize("bad", ["0", "6", "-1", "trois", ""])
def test_a_score_outside_the_scale_saves_nothing(client, dan, interview, bad):
    client.force_login(dan)
    first_key = CRITERIA[0][0]

    response = client.post(grid_url(interview), grid_data(**{f"score_{first_key}": bad}))

    page = response.content.decode()
    assert response.status_code == 200
    assert "La grille n’est pas enregistrée" in page
    assert "La note va de 1 à 5." in page or "Donnez une note à ce critère." in page
    assert not InterviewScore.objects.exists()


def test_the_service_refuses_a_score_outside_the_scale(dan, interview):
    scores = {key: (3, "") for key, _label in CRITERIA}
    scores[CRITERIA[-1][0]] = (7, "")

    with pytest.raises(services.AuditionRefused, match="de 1 à 5"):
        services.save_grid(interview=interview, member=dan, scores=scores)
    assert not InterviewScore.objects.exists()


def test_the_team_reads_the_panels_grids(client, carol, dan, interview):
    elise = CandidateFactory(username="elise@jury.example", first_name="Élise", last_name="Vidal")
    interview.slot.panel.add(elise)
    scores = {key: (4, "") for key, _label in CRITERIA}
    scores[CRITERIA[0][0]] = (2, "Peu à l’aise à l’oral.")
    services.save_grid(interview=interview, member=dan, scores=scores)
    client.force_login(carol)

    response = client.get(grid_url(interview))

    page = response.text
    assert "Grilles du jury d’audition" in page
    assert "Peu à l’aise à l’oral." in page
    assert "dan@jury.example" in page and "Élise Vidal" in page
    assert "grille non remplie" in page  # Élise's
    mean = (2 + 4 * (len(CRITERIA) - 1)) / len(CRITERIA)
    assert response.context["mean"] == pytest.approx(mean)
    assert f"{mean:.2f}".replace(".", ",") in page
    assert 'name="score_' not in page  # read-only


def test_the_team_cannot_fill_a_grid_of_a_panel_it_does_not_sit_on(client, carol, interview):
    client.force_login(carol)

    response = client.post(grid_url(interview), grid_data(), follow=True)

    assert "Seuls les membres du jury de cette audition remplissent la grille." in response.text
    assert not InterviewScore.objects.exists()


def test_a_team_member_on_the_panel_fills_their_own(client, carol, interview):
    interview.slot.panel.add(carol)
    client.force_login(carol)

    client.post(grid_url(interview), grid_data())

    assert InterviewScore.objects.filter(member=carol).count() == len(CRITERIA)


def test_the_grid_uses_the_written_grids_radio_scale(client, dan, interview):
    client.force_login(dan)

    html = client.get(grid_url(interview)).content.decode()

    for key, _label in CRITERIA:
        for score in range(1, 6):
            assert (
                f'type="radio" id="id_score_{key}_{score - 1}" name="score_{key}" value="{score}"'
                in html
            )
    assert "1 — " in html and "5 — " in html


def test_a_filled_grid_is_offered_for_review_not_to_fill_again(client, dan, interview):
    client.force_login(dan)
    assert "Remplir la grille" in client.get("/equipe/auditions/jury/").content.decode()

    client.post(grid_url(interview), grid_data())
    html = client.get("/equipe/auditions/jury/").content.decode()

    assert "Remplir la grille" not in html
    assert "Grille remplie" in html and "Relire ou modifier ma grille" in html
