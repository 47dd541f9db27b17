"""A défi's mentor, invited from the Wagtail admin; their account chosen among few."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.forms import modelform_factory
from django.urls import reverse

from eig.audit.models import Action, AuditEntry
from eig.challenges.admin_forms import MentorForm
from eig.challenges.mentors import mentor_accounts
from eig.challenges.models import Mentor
from tests.accounts.helpers import ask_for_link, link_path
from tests.factories import CandidateFactory, MentorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, carol):
    carol.is_staff = True
    carol.save()
    client.force_login(carol)
    return client


def page(challenge):
    return reverse("challenge_mentors", args=[challenge.pk])


def test_inviting_creates_the_account_links_it_and_sends_the_way_in(
    staff_client, challenge, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://eig.example.gouv.fr"
    mentor = MentorFactory(challenge=challenge, email="Jeanne.Roux@Ministere.gouv.fr")

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(page(challenge), {"mentor": mentor.pk})

    assert response.status_code == 302
    mentor.refresh_from_db()
    assert mentor.user.username == "jeanne.roux@ministere.gouv.fr"
    [message] = mailoutbox
    assert message.to == ["jeanne.roux@ministere.gouv.fr"]
    assert challenge.name in message.body
    assert "https://eig.example.gouv.fr/connexion/?next=%2Fmentor%2F" in message.body
    assert AuditEntry.objects.filter(action=Action.MENTOR_INVITED).count() == 1


def test_the_invited_mentor_signs_in_and_lands_on_their_space(
    client, challenge, mailoutbox, django_capture_on_commit_callbacks, carol
):
    from eig.challenges.mentors import invite_mentor

    mentor = MentorFactory(challenge=challenge, email="jeanne@ministere.gouv.fr")
    with django_capture_on_commit_callbacks(execute=True):
        invite_mentor(mentor=mentor, by=carol)

    ask_for_link(client, "jeanne@ministere.gouv.fr", next_url="/mentor/")
    response = client.post(link_path(mailoutbox[-1]), follow=True)

    assert response.redirect_chain[-1][0] == "/mentor/"
    assert response.status_code == 200
    assert "Espace mentor" in response.content.decode()


def test_a_mentor_without_address_is_told_how_to_fix_it(staff_client, challenge, mailoutbox):
    mentor = MentorFactory(challenge=challenge, email="")

    response = staff_client.post(page(challenge), {"mentor": mentor.pk}, follow=True)

    assert "n’a ni adresse e-mail ni compte" in response.content.decode()
    assert Mentor.objects.get(pk=mentor.pk).user is None
    assert mailoutbox == []


def test_the_page_lists_the_mentors_for_the_team_only(staff_client, client, challenge, alice):
    MentorFactory(challenge=challenge, full_name="Jeanne Roux", email="jeanne@ministere.gouv.fr")

    assert "Jeanne Roux" in staff_client.get(page(challenge)).content.decode()
    # An editor of the admin outside the programme team.
    alice.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(alice)
    assert client.get(page(challenge)).status_code == 404


def test_the_account_list_holds_staff_team_jury_and_mentors_never_candidates(
    carol, bob, mentor, alice
):
    staff = CandidateFactory(username="admin@eig.example", is_staff=True)

    accounts = set(mentor_accounts())

    assert {carol, bob.user, mentor.user, staff} <= accounts
    assert alice not in accounts
    form_class = modelform_factory(Mentor, form=MentorForm, fields=["full_name", "role", "user"])
    form = form_class(
        data={"full_name": "X", "role": "operational", "user": alice.email},
        instance=Mentor(challenge=mentor.challenge),
    )
    assert not form.is_valid()
    assert "user" in form.errors
    assert set(form.fields["user"].queryset) == accounts
    assert "Aucun compte" in form.errors["user"][0]
    chosen = form_class(
        data={"full_name": "X", "role": "operational", "user": bob.user.email},
        instance=Mentor(challenge=mentor.challenge),
    )
    assert chosen.is_valid(), chosen.errors
    assert chosen.cleaned_data["user"] == bob.user
    # The field is a search among those accounts (a datalist), never a list of every account.
    html = str(chosen["user"])
    assert 'type="email"' in html and "<datalist" in html and bob.user.email in html
    assert alice.email not in html


def test_the_challenge_edit_form_offers_only_those_accounts(staff_client, challenge, alice):
    MentorFactory(challenge=challenge)

    html = staff_client.get(
        reverse("wagtailsnippets_challenges_challenge:edit", args=[challenge.pk])
    ).content.decode()

    assert alice.username not in html
    assert get_user_model().objects.filter(username=alice.username).exists()
