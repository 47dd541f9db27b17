"""The reviews with their comments as a file, one row per review; the ranking's rows link to the
team's page of each application and tell namesakes apart."""

import pytest

from eig.applications.models import Application
from eig.audit.models import Action, AuditEntry
from eig.selection import scoring
from eig.selection.reviews import save_review
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    ChallengeFactory,
    ReviewerFactory,
)
from tests.selection.test_exports import parsed

SCORED = [c.key for c in scoring.DEFAULT_CRITERIA if c.scored]


def reviews_url(cohort, file_format):
    return f"/equipe/selection/{cohort.number}/notes/evaluations/export.{file_format}"


def write(reviewer, application, scores, *, submit=True, **data):
    pair = AssignmentFactory(reviewer=reviewer, application=application, released=True)
    data = {"scores": scores, "verdict": "neutre"} | data
    return save_review(assignment=pair, by=reviewer.user, data=data, submit=submit)


@pytest.fixture
def reviewed(cohort, bob):
    """Bob's submitted review of Alice Martin's application, with comments; Anne's draft."""
    datafin = ChallengeFactory(cohort=cohort, name="Datafin")
    application = ApplicationFactory(cohort=cohort, submitted=True, choice__challenge=datafin)
    write(
        bob,
        application,
        dict.fromkeys(SCORED, 4) | {"dynamisme": 5},
        verdict="coup_de_coeur",
        recommended=[datafin],
        checks={"disponibilite": True},
        comment="=Un parcours remarquable.",
        comments={"dynamisme": "Très motivée."},
    )
    anne = ReviewerFactory(cohort=cohort, full_name="Anne Roux")
    write(anne, application, {"dynamisme": 2}, submit=False, verdict="")
    return application


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_one_row_per_review_with_its_comments(client, carol, cohort, reviewed, file_format):
    client.force_login(carol)

    response = client.get(reviews_url(cohort, file_format))

    assert response.status_code == 200
    assert f"evaluations-promotion-{cohort.number}-" in response["Content-Disposition"]
    rows = parsed(response, file_format)
    headers = rows[0]
    labels = [c.label for c in scoring.DEFAULT_CRITERIA if c.scored]
    assert headers[:4] == ["Candidature", "Identifiant", "Courriel", "Membre du jury"]
    assert headers[4 : 4 + len(labels)] == labels
    assert headers[4 + len(labels) :] == [
        "Moyenne",
        "Avis",
        "Défis recommandés",
        "Disponibilité à temps plein pour toute la durée du programme",
        "Commentaire général",
        "Commentaires par critère",
        "État",
        "Soumise le",
        "Modifiée le",
    ]
    by_reviewer = {row[3]: dict(zip(headers, row, strict=True)) for row in rows[1:]}
    assert sorted(by_reviewer) == ["Anne Roux", "Bob Lenoir"]
    bob = by_reviewer["Bob Lenoir"]
    assert bob["Candidature"] == reviewed.full_name
    assert bob["Identifiant"] == str(reviewed.public_id)[:8]
    assert bob["Courriel"] == reviewed.email
    assert [float(bob[label]) for label in labels] == [5, 4, 4, 4, 4]
    assert float(bob["Moyenne"]) == pytest.approx(4.2)
    assert bob["Avis"] == "Coup de cœur"
    assert bob["Défis recommandés"] == "Datafin"
    assert bob["Disponibilité à temps plein pour toute la durée du programme"] == "Oui"
    assert bob["Commentaire général"] == "'=Un parcours remarquable."  # neutralised
    assert "Très motivée." in bob["Commentaires par critère"]
    assert bob["État"] == "soumise"
    assert bob["Soumise le"] and bob["Modifiée le"]
    anne = by_reviewer["Anne Roux"]
    assert (anne["État"], anne["Moyenne"], anne["Avis"], anne["Soumise le"]) == (
        "brouillon",
        "",
        "",
        "",
    )


def test_a_withdrawn_application_is_left_out(client, carol, cohort, reviewed):
    Application.objects.filter(pk=reviewed.pk).update(status=Application.Status.WITHDRAWN)
    client.force_login(carol)
    assert parsed(client.get(reviews_url(cohort, "csv")), "csv")[1:] == []


def test_the_download_is_journaled_and_linked_from_the_scores(client, carol, cohort, reviewed):
    client.force_login(carol)
    scores_page = client.get(f"/equipe/selection/{cohort.number}/notes/").text
    assert reviews_url(cohort, "csv") in scores_page
    assert reviews_url(cohort, "xlsx") in scores_page

    client.get(reviews_url(cohort, "xlsx"))

    entry = AuditEntry.objects.get(action=Action.REVIEWS_EXPORTED)
    assert (entry.actor, entry.target_label, entry.data) == (
        carol,
        str(cohort),
        {"format": "xlsx", "filters": {}},
    )


def test_only_the_team_may_download(client, bob, cohort, reviewed):
    client.force_login(bob.user)
    assert client.get(reviews_url(cohort, "csv")).status_code == 404


def test_the_ranking_links_each_row_and_tells_namesakes_apart(client, carol, cohort, bob):
    challenge = ChallengeFactory(cohort=cohort, slug="defi-commun")
    twins = [
        ApplicationFactory(
            cohort=cohort,
            submitted=True,
            choice__challenge=challenge,
            first_name="Camille",
            last_name="Martin",
            city=city,
        )
        for city in ("Lyon", "Brest")
    ]
    for application in twins:
        write(bob, application, dict.fromkeys(SCORED, 3))
    client.force_login(carol)

    page = client.get(f"/equipe/selection/{cohort.number}/notes/defis/{challenge.slug}/").text

    for application in twins:
        assert f'href="/equipe/candidatures/{application.public_id}/"' in page
        assert str(application.public_id)[:8] in page
    assert "Lyon" in page and "Brest" in page
    rows = parsed(
        client.get(f"/equipe/selection/{cohort.number}/notes/defis/{challenge.slug}/export.csv"),
        "csv",
    )
    assert sorted((row[-2], row[-1]) for row in rows[1:]) == sorted(
        (application.city, str(application.public_id)[:8]) for application in twins
    )
