"""The reviewer's dashboard, the application beside its grid, the confirmed submission, the
review editable until the deadline, and the discussion after one's own review."""

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from eig.audit.models import AuditEntry
from eig.selection import scoring
from eig.selection.discussion import post_comment
from eig.selection.models import Conflict, DiscussionComment, Review, ReviewRevision
from eig.selection.reviews import ReviewRefused, grid_for, save_review, submit_review
from tests.factories import AssignmentFactory, ChallengeFactory, ReviewerFactory

SCORED = [c.key for c in scoring.DEFAULT_CRITERIA if c.scored]


def full(value=4, verdict="neutre"):
    return {
        "scores": dict.fromkeys(SCORED, value),
        "checks": {"disponibilite": True},
        "verdict": verdict,
    }


def form_data(value="4", verdict="neutre", **extra):
    data = {f"score_{key}": value for key in SCORED}
    data |= {"score_disponibilite": "yes", "verdict": verdict, "comment": "Solide."}
    return data | extra


def page(assignment):
    return f"/jury/candidatures/{assignment.application.public_id}/"


def named(bob, first, last, **kwargs):
    return AssignmentFactory(
        reviewer=bob,
        released=True,
        application__first_name=first,
        application__last_name=last,
        **kwargs,
    )


@pytest.fixture
def three(bob):
    """Bob's assignments: Zoé's to do, Yann's in draft, Xavier's submitted."""
    zoe = named(bob, "Zoé", "Zola")
    yann = named(bob, "Yann", "Yvon")
    xavier = named(bob, "Xavier", "Xu")
    save_review(assignment=yann, by=bob.user, data={"scores": {"dynamisme": 3}}, submit=False)
    save_review(assignment=xavier, by=bob.user, data=full(), submit=True)
    return zoe, yann, xavier


def deadline(cohort, **delta):
    grid = grid_for(cohort)
    grid.reviewing_deadline = timezone.now() + datetime.timedelta(**delta)
    grid.save()
    return grid


# --- The dashboard ------------------------------------------------------------------------


def test_the_dashboard_shows_status_progress_and_deadline_to_do_first(client, cohort, bob, three):
    zoe, yann, xavier = three
    deadline(cohort, days=5, hours=1)
    hidden = named(bob, "Aline", "Abadie")  # in conflict: never shown
    Conflict.objects.create(
        reviewer=bob, application=hidden.application, kind="declared", reason="Collègue"
    )
    AssignmentFactory(reviewer=bob, application__first_name="Paul")  # not released
    client.force_login(bob.user)

    text = client.get("/jury/").text

    assert "1 évaluation soumise sur 3" in text
    assert '<progress class="eig-progress" max="3" value="1"' in text
    assert "Date limite d’évaluation :" in text and "(dans 5\xa0jours" in text
    names = [text.index(a.application.full_name) for a in (zoe, yann, xavier)]
    assert names == sorted(names), "to do, then draft, then submitted"
    rows = text[text.index("<tbody>") :]
    assert rows.index("À faire") < rows.index("Brouillon") < rows.index("Soumise")
    assert "Aline" not in text and "Paul" not in text


def test_the_dashboard_filters_by_status_and_defi(client, cohort, bob, three):
    zoe, yann, xavier = three
    client.force_login(bob.user)

    text = client.get("/jury/", {"etat": "brouillon"}).text
    assert yann.application.full_name in text
    assert zoe.application.full_name not in text and xavier.application.full_name not in text

    defi = zoe.application.choices.get().challenge
    text = client.get("/jury/", {"defi": defi.slug}).text
    assert zoe.application.full_name in text and yann.application.full_name not in text

    elsewhere = ChallengeFactory(cohort=cohort)  # no application of Bob's chose it
    response = client.get("/jury/", {"defi": elsewhere.slug, "etat": "nimporte"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.text
    assert zoe.application.full_name in response.text  # a wrong filter filters nothing


def test_the_dashboard_without_assignments(client, bob):
    client.force_login(bob.user)
    text = client.get("/jury/").text
    assert "Aucune candidature ne vous est encore confiée" in text
    assert "<progress" not in text


# --- One page: the application and the grid -----------------------------------------------


def test_the_application_and_the_grid_on_one_page(client, bob, three):
    zoe, _yann, _xavier = three
    client.force_login(bob.user)
    text = client.get(page(zoe)).text
    assert "Le logiciel libre et l&#x27;intérêt général." in text
    assert 'id="grille"' in text and "Enregistrer et suivante" in text
    assert AuditEntry.objects.filter(action="application.viewed").exists()
    old = client.get(page(zoe) + "evaluation/")
    assert old.status_code == 302 and old.url == page(zoe) + "#grille"


def test_save_and_next_keeps_the_draft_and_opens_the_next_to_do(client, bob, three):
    zoe, yann, _xavier = three
    client.force_login(bob.user)
    response = client.post(page(zoe) + "evaluation/", {"score_dynamisme": "5", "next": ""})
    assert response.url == page(yann)  # the next one not submitted yet
    assert Review.objects.get(assignment=zoe).scores.get(key="dynamisme").score == 5

    response = client.post(page(yann) + "evaluation/", {"score_dynamisme": "2", "next": ""})
    assert response.url == page(zoe)

    save_review(assignment=zoe, by=bob.user, data=full(), submit=True)
    response = client.post(page(yann) + "evaluation/", {"score_dynamisme": "2", "next": ""})
    assert response.url == "/jury/"  # nothing else left


def test_submitting_asks_for_a_confirmation_that_shows_the_review(client, bob, three):
    zoe, _yann, _xavier = three
    client.force_login(bob.user)
    incomplete = form_data()
    del incomplete["verdict"]
    response = client.post(page(zoe) + "evaluation/", incomplete | {"submit": ""})
    assert response.status_code == 200
    assert "Choisissez un avis pour soumettre." in response.text
    assert not Review.objects.filter(assignment=zoe).exists()

    response = client.post(
        page(zoe) + "evaluation/", form_data(verdict="coup_de_coeur") | {"submit": ""}
    )
    assert response.url == page(zoe) + "soumission/"
    confirmation = client.get(response.url).text
    assert "Coup de cœur" in confirmation and "Solide." in confirmation
    assert "4 — " in confirmation and "Confirmer la soumission" in confirmation
    assert Review.objects.get(assignment=zoe).status == "draft"

    client.post(page(zoe) + "soumission/")
    assert Review.objects.get(assignment=zoe).is_submitted
    assert client.get(page(zoe) + "soumission/").url == page(zoe)  # nothing left to confirm


def test_the_confirmation_refuses_an_incomplete_draft(client, bob, three):
    _zoe, yann, _xavier = three
    with pytest.raises(ReviewRefused):
        submit_review(assignment=yann, by=bob.user)
    client.force_login(bob.user)
    client.post(page(yann) + "soumission/")
    assert Review.objects.get(assignment=yann).status == "draft"


def test_no_one_else_saves_or_submits(client, cohort, bob, carol, three):
    zoe, _yann, _xavier = three
    other = ReviewerFactory(cohort=cohort)
    client.force_login(other.user)
    assert client.post(page(zoe) + "evaluation/", form_data() | {"draft": ""}).status_code == 404
    assert client.post(page(zoe) + "soumission/").status_code == 404
    client.force_login(carol)
    assert client.post(page(zoe) + "soumission/").status_code == 404

    Conflict.objects.create(reviewer=bob, application=zoe.application, kind="declared", reason="x")
    client.force_login(bob.user)
    assert client.post(page(zoe) + "evaluation/", form_data() | {"draft": ""}).status_code == 404
    assert client.get(page(zoe)).status_code == 404
    assert not Review.objects.filter(assignment=zoe).exists()


# --- Editable until the deadline ------------------------------------------------------------


def test_a_submitted_review_changes_until_the_deadline_and_the_team_sees_it(
    client, cohort, bob, carol, three
):
    _zoe, _yann, xavier = three
    deadline(cohort, days=2)
    client.force_login(bob.user)
    data = form_data(value="4") | {"score_dynamisme": "2", "comment": "Relu.", "draft": ""}
    response = client.post(page(xavier) + "evaluation/", data)
    assert response.status_code == 302

    review = Review.objects.get(assignment=xavier)
    assert review.is_submitted and review.scores.get(key="dynamisme").score == 2
    revision = ReviewRevision.objects.get(review=review)
    assert {"field": "Commentaire général"} in revision.changes
    dynamisme = next(c for c in revision.changes if c.get("before", "").startswith("4"))
    assert dynamisme["after"].startswith("2 — ")
    entry = AuditEntry.objects.get(action="review.amended")
    assert "Commentaire général" in entry.data["changed"]

    # Saving the same again changes nothing, records nothing.
    client.post(page(xavier) + "evaluation/", data)
    assert ReviewRevision.objects.count() == 1

    client.force_login(carol)
    text = client.get(f"/equipe/candidatures/{xavier.application.public_id}/").text
    assert "Modifiée après soumission" in text and "Bob Lenoir" in text


def test_a_submitted_review_cannot_lose_a_score(client, bob, three):
    _zoe, _yann, xavier = three
    client.force_login(bob.user)
    data = form_data() | {"comment": "Tout relu.", "draft": ""}
    del data["score_integration"]
    response = client.post(page(xavier) + "evaluation/", data)
    assert response.status_code == 200
    assert "Donnez une note de 1 à 5 pour soumettre." in response.text
    assert "Tout relu." in response.text
    assert Review.objects.get(assignment=xavier).scores.get(key="integration").score == 4
    assert not ReviewRevision.objects.exists()


def test_after_the_deadline_a_submitted_review_is_refused_with_the_reason(
    client, cohort, bob, three
):
    _zoe, _yann, xavier = three
    deadline(cohort, hours=-1)
    with pytest.raises(ReviewRefused) as refused:
        save_review(assignment=xavier, by=bob.user, data=full(value=1), submit=False)
    assert str(refused.value).startswith("L'évaluation est close depuis le ")

    client.force_login(bob.user)
    response = client.post(
        page(xavier) + "evaluation/", form_data(value="1") | {"draft": ""}, follow=True
    )
    assert "évaluation est close depuis le" in response.text
    assert "Enregistrer les modifications" not in response.text
    assert set(
        Review.objects.get(assignment=xavier)
        .scores.exclude(score=None)
        .values_list("score", flat=True)
    ) == {4}
    assert not ReviewRevision.objects.exists()


# --- The other reviews and the discussion ---------------------------------------------------


@pytest.fixture
def panel(cohort, bob):
    """Bob and Léa review the same application; both submitted."""
    mine = AssignmentFactory(reviewer=bob, released=True)
    lea = ReviewerFactory(cohort=cohort, full_name="Léa Besson")
    hers = AssignmentFactory(reviewer=lea, application=mine.application, released=True)
    save_review(
        assignment=hers, by=lea.user, data=full(value=2, verdict="defavorable"), submit=True
    )
    Review.objects.filter(assignment=hers).update(comment="Peu d’expérience du terrain.")
    return mine, hers


def seeing(cohort):
    cohort.reviewers_see_other_reviews = True
    cohort.save(update_fields=["reviewers_see_other_reviews"])


def test_blind_reviewing_shows_nothing_of_the_others(client, cohort, bob, panel):
    mine, _hers = panel
    save_review(assignment=mine, by=bob.user, data=full(), submit=True)
    client.force_login(bob.user)
    text = client.get(page(mine)).text
    assert "Peu d’expérience du terrain." not in text and "Discussion" not in text
    response = client.post(page(mine) + "discussion/", {"body": "Bonjour"})
    assert response.status_code == 404
    assert not DiscussionComment.objects.exists()


def test_the_others_only_after_ones_own_submission(client, cohort, bob, panel):
    mine, _hers = panel
    seeing(cohort)
    client.force_login(bob.user)
    assert "Peu d’expérience du terrain." not in client.get(page(mine)).text
    assert client.post(page(mine) + "discussion/", {"body": "Bonjour"}).status_code == 404
    with pytest.raises(Http404):
        post_comment(application=mine.application, by=bob.user, body="x", assignment=mine)

    save_review(assignment=mine, by=bob.user, data=full(), submit=True)
    text = client.get(page(mine)).text
    assert "Peu d’expérience du terrain." in text and "Avis défavorable" in text
    assert "Membre du jury B" in text
    assert "Léa Besson" not in text  # reviewers do not see each other's names


def test_reviewers_and_the_team_discuss(client, cohort, bob, carol, panel):
    mine, hers = panel
    seeing(cohort)
    save_review(assignment=mine, by=bob.user, data=full(), submit=True)
    client.force_login(bob.user)

    refused = client.post(page(mine) + "discussion/", {"body": "Voir\x07 son parcours"})
    assert refused.status_code == 200
    assert "caractère invisible" in refused.text
    assert "Voir\x07 son parcours" in refused.text  # what was typed is kept
    assert client.post(page(mine) + "discussion/", {"body": "   "}).status_code == 200
    assert not DiscussionComment.objects.exists()

    response = client.post(page(mine) + "discussion/", {"body": "Je la verrais en binôme."})
    assert response.url == page(mine) + "#discussion"
    comment = DiscussionComment.objects.get()
    assert comment.side == "reviewer" and comment.author_name == "Bob Lenoir"
    assert AuditEntry.objects.filter(action="discussion.posted", actor=bob.user).exists()

    client.force_login(carol)
    detail = f"/equipe/candidatures/{mine.application.public_id}/"
    text = client.get(detail).text
    assert "Je la verrais en binôme." in text and "Bob Lenoir (membre du jury)" in text
    thread = f"/equipe/selection/candidatures/{mine.application.public_id}/discussion/"
    assert client.post(thread, {"body": "\x1b"}).status_code == 200
    response = client.post(thread, {"body": "Proposons-la en audition."})
    assert response.url == detail + "#discussion"
    assert AuditEntry.objects.filter(action="discussion.posted", actor=carol).exists()

    client.force_login(hers.reviewer.user)
    text = client.get(page(hers)).text
    assert "Je la verrais en binôme." in text and "Membre du jury A" in text
    assert "Équipe du programme" in text and "Proposons-la en audition." in text
    assert "Bob Lenoir" not in text


def test_a_reviewer_in_conflict_cannot_post(client, cohort, bob, panel):
    mine, _hers = panel
    seeing(cohort)
    save_review(assignment=mine, by=bob.user, data=full(), submit=True)
    Conflict.objects.create(reviewer=bob, application=mine.application, kind="declared", reason="x")
    client.force_login(bob.user)
    assert client.post(page(mine) + "discussion/", {"body": "Bonjour"}).status_code == 404
    assert not DiscussionComment.objects.exists()


def test_the_discussion_is_erased_with_the_application(cohort, bob, carol, panel):
    from eig.selection.personal_data import JuryWork

    mine, _hers = panel
    post_comment(application=mine.application, by=carol, body="Son employeur actuel…")
    JuryWork().erase([mine.application_id])
    assert DiscussionComment.objects.get().body == ""
