from eig.selection.models import Conflict, Reviewer
from tests.factories import HostOrganisationFactory, SkillFactory


def test_the_team_invites_a_reviewer_by_email(
    client, carol, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    host = HostOrganisationFactory()
    client.force_login(carol)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/equipe/selection/{cohort.number}/jury/",
            {
                "email": "Dana@Ministere.example",
                "full_name": "Dana Petit",
                "organisation": "Ministère",
                "host": host.pk,
                "max_load": 12,
            },
        )

    assert response.status_code == 302
    reviewer = Reviewer.objects.get()
    assert (reviewer.user.username, reviewer.host, reviewer.max_load) == (
        "dana@ministere.example",
        host,
        12,
    )
    [mail] = mailoutbox
    assert mail.to == ["dana@ministere.example"]
    assert "/connexion/?next=%2Fjury%2F" in mail.body


def test_inviting_twice_is_refused(client, carol, bob, mailoutbox):
    client.force_login(carol)

    response = client.post(
        f"/equipe/selection/{bob.cohort.number}/jury/",
        {"email": "bob@jury.example.org", "full_name": "Bob", "max_load": 3},
    )

    assert "déjà membre du jury" in response.text
    assert Reviewer.objects.count() == 1
    assert not mailoutbox


def test_the_reviewer_states_their_expertise(client, bob):
    skill = SkillFactory()
    client.force_login(bob.user)

    client.post(
        f"/jury/{bob.cohort.number}/expertise/",
        {"profiles": ["design", "law"], "skills": [skill.pk], "max_load": 7},
    )

    bob.refresh_from_db()
    assert (bob.profiles, list(bob.skills.all()), bob.max_load) == (["design", "law"], [skill], 7)
    assert bob.accepted_at is not None


def test_the_search_shows_names_only(client, bob, alice_application):
    client.force_login(bob.user)

    response = client.get(f"/jury/{bob.cohort.number}/conflits/", {"q": "alice martin"})

    assert "Alice Martin" in response.text
    assert alice_application.email not in response.text
    assert alice_application.city not in response.text


def test_the_reviewer_declares_a_conflict(client, bob, alice_application):
    client.force_login(bob.user)

    client.post(
        f"/jury/{bob.cohort.number}/conflits/",
        {"application": alice_application.public_id, "reason": "Ancienne collègue"},
    )

    conflict = Conflict.objects.get()
    assert (conflict.reviewer, conflict.application, conflict.kind) == (
        bob,
        alice_application,
        "declared",
    )


def test_a_conflict_needs_a_candidate_of_the_cohort(client, bob):
    client.force_login(bob.user)

    response = client.post(
        f"/jury/{bob.cohort.number}/conflits/",
        {"application": "00000000-0000-0000-0000-000000000000", "reason": "x"},
    )

    assert response.status_code == 200
    assert not Conflict.objects.exists()
