"""Pinned and forbidden pairs, the optimal or stable method, and why not a better choice."""

import pytest

from eig.applications.models import Application, ChallengeChoice
from eig.audit.models import Action, AuditEntry
from eig.matching import Infeasible
from eig.teams.models import TeamConstraint, TeamProposal
from eig.teams.services import (
    PairRefused,
    TeamsRefused,
    add_constraint,
    current_proposal,
    lock,
    population,
    propose_teams,
    readable,
    remove_constraint,
)
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory

Status = Application.Status
PINNED, FORBIDDEN = TeamConstraint.Kind.PINNED, TeamConstraint.Kind.FORBIDDEN
STABLE = TeamProposal.Method.STABLE


def candidate(cohort, *choices, name, status=Status.SELECTED):
    application = ApplicationFactory(
        cohort=cohort, submitted=True, status=status, first_name=name, last_name="Martin"
    )
    application.choices.all().delete()
    for rank, challenge in enumerate(choices, start=1):
        ChallengeChoice.objects.create(
            application=application, challenge=challenge, rank=rank, contribution="x"
        )
    return application


@pytest.fixture
def cohort(db):
    return CohortFactory(is_published=True, team_size_min=1, team_size_max=3)


@pytest.fixture
def world(cohort):
    """Two défis of one seat each. With equal scores, a défi ranks the one who chose it first,
    then the oldest application: Ana before Zoé on « Données »."""
    data = ChallengeFactory(cohort=cohort, name="Données", fellows_sought=1)
    open_law = ChallengeFactory(cohort=cohort, name="Droit ouvert", fellows_sought=1)
    ana = candidate(cohort, data, open_law, name="Ana")
    zoe = candidate(cohort, data, name="Zoé")
    propose_teams(cohort=cohort)
    return data, open_law, ana, zoe


def placements(cohort):
    proposal = current_proposal(cohort)
    return {m.application.first_name: m.challenge_id for m in proposal.members.all()}


def members(cohort):
    return {m.application.first_name: m for m in current_proposal(cohort).members.all()}


def test_the_optimal_total_places_both_and_says_why_ana_lost_her_first_choice(cohort, world):
    data, open_law, _ana, zoe = world
    assert placements(cohort) == {"Ana": open_law.pk, "Zoé": data.pk}
    [refusal] = members(cohort)["Ana"].refusals
    assert refusal["challenge"] == data.pk and refusal["rank"] == 1
    assert refusal["reason"] == "would_accept"  # « Données » ranks her first: not stable
    assert members(cohort)["Zoé"].refusals == []  # her first choice


def test_the_stable_method_gives_ana_her_first_choice_and_explains_zoe(cohort, world, carol):
    data, _open_law, ana, _zoe = world
    proposal = propose_teams(cohort=cohort, by=carol, method=STABLE)
    assert proposal.method == STABLE
    assert placements(cohort) == {"Ana": data.pk, "Zoé": None}
    [refusal] = members(cohort)["Zoé"].refusals
    assert (refusal["reason"], refusal["admitted"]) == ("full", [ana.pk])
    assert (refusal["last_admitted_rank"], refusal["candidate_rank"]) == (1, 2)
    assert proposal.total_score == pytest.approx(0.5)  # the optimal one reaches 0.75
    entry = AuditEntry.objects.filter(action=Action.TEAMS_COMPUTED).latest("pk")
    assert entry.data["method"] == "stable"


def test_a_pinned_pair_is_kept_by_both_methods_and_journaled(cohort, world, carol):
    data, open_law, ana, _zoe = world
    assert (
        add_constraint(cohort=cohort, application=ana, challenge=data, kind=PINNED, by=carol) == ""
    )
    entry = AuditEntry.objects.get(action=Action.TEAMS_PAIR_PINNED)
    assert entry.actor == carol and entry.target_label == "Ana Martin"
    assert entry.data == {"cohort": cohort.number, "challenge": "Données"}
    for method in TeamProposal.Method:
        propose_teams(cohort=cohort, by=carol, method=method)
        assert placements(cohort)["Ana"] == data.pk
        assert members(cohort)["Ana"].pinned
    entry = AuditEntry.objects.filter(action=Action.TEAMS_COMPUTED).latest("pk")
    assert (entry.data["pinned"], entry.data["forbidden"]) == (1, 0)
    # Zoé's only choice is taken by a pinned person: the reason says so.
    [refusal] = members(cohort)["Zoé"].refusals
    assert (refusal["reason"], refusal["pinned_seats"]) == ("no_seat", 1)


def test_a_forbidden_pair_is_avoided_and_explained(cohort, world, carol):
    data, open_law, ana, zoe = world
    add_constraint(cohort=cohort, application=zoe, challenge=data, kind=FORBIDDEN, by=carol)
    assert AuditEntry.objects.filter(action=Action.TEAMS_PAIR_FORBIDDEN).count() == 1
    propose_teams(cohort=cohort, by=carol)
    assert placements(cohort) == {"Ana": data.pk, "Zoé": None}
    [refusal] = members(cohort)["Zoé"].refusals
    assert refusal["reason"] == "not_ranked"


def test_forbidding_the_last_choice_warns_that_the_person_stays_without_a_team(
    cohort, world, carol
):
    data, _open_law, _ana, zoe = world
    warning = add_constraint(
        cohort=cohort, application=zoe, challenge=data, kind=FORBIDDEN, by=carol
    )
    assert warning == "Zoé Martin n’a plus aucun défi possible : sans équipe au prochain calcul."


@pytest.mark.parametrize(
    ("setup", "pair", "field", "message"),
    [
        # Zoé did not choose « Droit ouvert ».
        (
            (),
            ("zoe", "open_law", PINNED),
            "challenge",
            "Zoé Martin ne peut pas être imposé·e "
            "sur le défi « Droit ouvert » : ce défi n’est pas parmi ses choix.",
        ),
        # « Données » has one seat.
        (
            (("ana", "data", PINNED),),
            ("zoe", "data", PINNED),
            "challenge",
            "Le défi « Données » est complet : 2 personnes y seraient imposées pour 1 place(s) "
            "au plus.",
        ),
        (
            (("ana", "data", PINNED),),
            ("ana", "open_law", PINNED),
            "application",
            "Ana Martin est déjà imposé·e sur le défi « Données » : retirez ce choix avant de "
            "l’imposer sur un autre défi.",
        ),
        # Someone pinned must be placed: not forbidden where pinned.
        (
            (("ana", "data", PINNED),),
            ("ana", "data", FORBIDDEN),
            "challenge",
            "Ana Martin ne peut pas être à la fois imposé·e et écarté·e sur le défi « Données ».",
        ),
        (
            (("ana", "data", FORBIDDEN),),
            ("ana", "data", FORBIDDEN),
            "challenge",
            "Ce choix est déjà enregistré.",
        ),
    ],
)
def test_a_pair_the_engine_refuses_is_not_stored(cohort, world, carol, setup, pair, field, message):
    data, open_law, ana, zoe = world
    named = {"data": data, "open_law": open_law, "ana": ana, "zoe": zoe}
    for person, challenge, kind in setup:
        add_constraint(
            cohort=cohort,
            application=named[person],
            challenge=named[challenge],
            kind=kind,
            by=carol,
        )
    stored = TeamConstraint.objects.count()
    person, challenge, kind = pair
    with pytest.raises(PairRefused) as refused:
        add_constraint(
            cohort=cohort,
            application=named[person],
            challenge=named[challenge],
            kind=kind,
            by=carol,
        )
    assert (refused.value.field, str(refused.value)) == (field, message)
    assert TeamConstraint.objects.count() == stored


def test_someone_outside_the_computation_or_another_cohorts_defi_is_refused(cohort, world, carol):
    data, _open_law, _ana, _zoe = world
    rejected = candidate(cohort, data, name="Léa", status=Status.REJECTED)
    with pytest.raises(PairRefused) as refused:
        add_constraint(cohort=cohort, application=rejected, challenge=data, kind=PINNED, by=carol)
    assert refused.value.field == "application"
    elsewhere = ChallengeFactory(cohort=CohortFactory(is_published=True))
    with pytest.raises(PairRefused) as refused:
        add_constraint(
            cohort=cohort, application=world[2], challenge=elsewhere, kind=PINNED, by=carol
        )
    assert refused.value.field == "challenge"
    assert not TeamConstraint.objects.exists()


def test_a_pair_on_someone_no_longer_retained_does_not_count(cohort, world, carol):
    data, open_law, ana, zoe = world
    add_constraint(cohort=cohort, application=zoe, challenge=data, kind=FORBIDDEN, by=carol)
    Application.objects.filter(pk=zoe.pk).update(status=Status.REJECTED)
    propose_teams(cohort=cohort, by=carol)
    assert placements(cohort) == {"Ana": data.pk}
    entry = AuditEntry.objects.filter(action=Action.TEAMS_COMPUTED).latest("pk")
    assert entry.data["forbidden"] == 0


def test_removing_a_pair_is_journaled_and_refused_once_locked(cohort, world, carol):
    data, _open_law, ana, _zoe = world
    add_constraint(cohort=cohort, application=ana, challenge=data, kind=PINNED, by=carol)
    constraint = TeamConstraint.objects.get()
    remove_constraint(constraint=constraint, by=carol)
    assert not TeamConstraint.objects.exists()
    entry = AuditEntry.objects.get(action=Action.TEAMS_PAIR_RELEASED)
    assert entry.data == {"cohort": cohort.number, "challenge": "Données", "kind": "pinned"}

    add_constraint(cohort=cohort, application=ana, challenge=data, kind=PINNED, by=carol)
    lock(current_proposal(cohort), by=carol)
    with pytest.raises(TeamsRefused, match="verrouillées"):
        remove_constraint(constraint=TeamConstraint.objects.get(), by=carol)
    with pytest.raises(TeamsRefused, match="verrouillées"):
        add_constraint(cohort=cohort, application=ana, challenge=data, kind=FORBIDDEN, by=carol)
    assert TeamConstraint.objects.count() == 1


def test_a_pair_made_impossible_later_stops_the_computation_with_names(cohort, world, carol):
    data, _open_law, ana, zoe = world
    data.fellows_sought = 2
    data.save()
    add_constraint(cohort=cohort, application=ana, challenge=data, kind=PINNED, by=carol)
    add_constraint(cohort=cohort, application=zoe, challenge=data, kind=PINNED, by=carol)
    data.fellows_sought = 1
    data.save()
    with pytest.raises(TeamsRefused, match="Le défi « Données » est complet"):
        propose_teams(cohort=cohort, by=carol)


def test_an_unknown_engine_reason_still_names_people_and_defis(cohort, world):
    people = population(cohort)
    field, message = readable(Infeasible("défi 0 : trop peu pour le candidat 1"), people)
    assert field is None
    assert (
        message
        == "Calcul impossible : défi « Données » : trop peu pour le candidat « Zoé Martin »."
    )


# The page.


def page(client, cohort):
    return client.get(f"/equipe/equipes/{cohort.number}/").content.decode()


def test_the_team_pins_recomputes_and_sees_the_person_placed(team_client, cohort, world):
    data, _open_law, ana, _zoe = world
    url = f"/equipe/equipes/{cohort.number}/"
    response = team_client.post(
        f"{url}imposer-ou-ecarter/",
        {"application": ana.pk, "challenge": data.pk, "kind": "pinned"},
        follow=True,
    )
    html = response.content.decode()
    assert "Choix enregistré : recalculez la proposition pour l’appliquer." in html
    assert "Hors du dernier calcul" not in html
    team_client.post(f"{url}recalculer/", {"method": "optimal"})
    assert placements(cohort)["Ana"] == data.pk
    html = page(team_client, cohort)
    assert "Imposé·e sur ce défi par l’équipe<" in html
    assert "toutes ses places sont prises par des personnes imposées par l’équipe." in html


def test_a_refused_pair_is_explained_next_to_its_control_keeping_the_choices(
    team_client, cohort, world
):
    _data, open_law, _ana, zoe = world
    response = team_client.post(
        f"/equipe/equipes/{cohort.number}/imposer-ou-ecarter/",
        {"application": zoe.pk, "challenge": open_law.pk, "kind": "pinned"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    challenge_group = html[html.index('id="id_challenge"') - 600 : html.index('id="id_kind')]
    assert "ce défi n’est pas parmi ses choix" in challenge_group
    assert f'<option value="{zoe.pk}" selected>' in html
    assert f'<option value="{open_law.pk}" selected>' in html
    assert not TeamConstraint.objects.exists()


def test_unknown_ids_are_refused_by_the_form(team_client, cohort, world):
    response = team_client.post(
        f"/equipe/equipes/{cohort.number}/imposer-ou-ecarter/",
        {"application": 999999, "challenge": "x", "kind": "pinned"},
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not TeamConstraint.objects.exists()


def test_the_page_lists_pairs_and_removes_one(team_client, cohort, world, carol):
    data, _open_law, _ana, zoe = world
    add_constraint(cohort=cohort, application=zoe, challenge=data, kind=FORBIDDEN, by=carol)
    html = page(team_client, cohort)
    assert "écarté·e du défi" in html and "Retirer : Zoé Martin, Données" in html
    pk = TeamConstraint.objects.get().pk
    url = f"/equipe/equipes/{cohort.number}/imposer-ou-ecarter/{pk}/retirer/"
    html = team_client.post(url, follow=True).content.decode()
    assert "Choix retiré" in html
    assert not TeamConstraint.objects.exists()
    assert team_client.post(url).status_code == 404


def test_the_page_explains_the_stable_choice_in_plain_french(team_client, cohort, world):
    team_client.post(f"/equipe/equipes/{cohort.number}/recalculer/", {"method": "stable"})
    html = page(team_client, cohort)
    assert "(répartition stable)" in html
    assert (
        "1er choix, « Données » : complet : sa place est prise par Ana Martin, que ce défi "
        "classe mieux (rang 1) ; Zoé Martin y a le rang 2."
    ) in html
    team_client.post(f"/equipe/equipes/{cohort.number}/recalculer/", {"method": "optimal"})
    html = page(team_client, cohort)
    assert (
        "1er choix, « Données » : ce défi donne le rang 1 à Ana Martin et l’aurait accueilli·e : "
        "la proposition au score total optimal l’a placé·e ailleurs pour un meilleur total."
    ) in html


def test_an_unknown_method_is_refused_without_computing(team_client, cohort, world):
    before = current_proposal(cohort).pk
    response = team_client.post(
        f"/equipe/equipes/{cohort.number}/recalculer/", {"method": "random"}
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert current_proposal(cohort).pk == before


def test_a_full_defi_counts_the_seats_the_team_pinned(team_client, cohort, world, carol):
    data, _open_law, _ana, _zoe = world
    data.fellows_sought = 2
    data.save()
    leo = candidate(cohort, data, name="Léo")
    add_constraint(cohort=cohort, application=leo, challenge=data, kind=PINNED, by=carol)
    team_client.post(f"/equipe/equipes/{cohort.number}/recalculer/", {"method": "stable"})
    assert placements(cohort) == {"Ana": data.pk, "Zoé": None, "Léo": data.pk}
    assert (
        "1er choix, « Données » : complet : sa place est prise par Ana Martin, que ce défi "
        "classe mieux (rang 1) ; Zoé Martin y a le rang 2. Une autre place y est imposée par "
        "l’équipe."
    ) in page(team_client, cohort)
