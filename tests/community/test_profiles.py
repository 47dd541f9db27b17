"""Public profiles: one's own only, field by field, nothing public before consent."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from eig.audit.models import Action, AuditEntry
from eig.community.models import Profile
from eig.community.profiles import PHOTO_MAX_BYTES, profile_of
from tests.factories import CandidateFactory, MentorFactory


def png(size=(40, 30)):
    output = io.BytesIO()
    Image.new("RGB", size, "#000091").save(output, "PNG")
    return SimpleUploadedFile("moi.png", output.getvalue(), content_type="image/png")


def edit_url(profile):
    return reverse("community:profile_edit", args=[profile.pk])


def form_data(**values):
    return {
        "name": "Alice Martin",
        "bio": "Développeuse, j’ouvre les données du défi.",
        "skills": "Python, données",
        "links": "https://github.com/alice",
        "after": "",
        "public_fields": ["bio", "skills"],
        **values,
    }


@pytest.fixture
def alice_profile(fellow):
    return profile_of(fellow.user)


def promotion_page(client, cohort):
    client.logout()
    return client.get(reverse("cohort_detail", args=[cohort.number])).content.decode()


def test_a_fellow_edits_her_profile_and_nothing_is_public_before_she_consents(
    client, fellow, alice_profile, cohort
):
    client.force_login(fellow.user)
    response = client.post(edit_url(alice_profile), form_data())
    assert response.status_code == 302

    profile = Profile.objects.get(pk=alice_profile.pk)
    assert profile.bio.startswith("Développeuse") and profile.consented_at is None
    page = promotion_page(client, cohort)
    assert "Alice Martin" not in page and "Développeuse" not in page


def test_once_she_consents_only_the_fields_she_chose_are_shown_and_withdrawing_hides_them(
    client, fellow, alice_profile, cohort, django_capture_on_commit_callbacks
):
    client.force_login(fellow.user)
    # Committed, as in production: the promotion's page (a cached fragment) follows at once.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(alice_profile), form_data(consent="on"))

    page = promotion_page(client, cohort)
    assert "Alice Martin" in page and "Développeuse" in page and "Python, données" in page
    assert "https://github.com/alice" not in page  # typed, but not chosen as public
    assert AuditEntry.objects.filter(action=Action.PROFILE_CONSENT_GIVEN).count() == 1

    client.force_login(fellow.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(alice_profile), form_data())  # consent box unticked

    page = promotion_page(client, cohort)
    assert "Alice Martin" not in page and "Développeuse" not in page
    assert AuditEntry.objects.filter(action=Action.PROFILE_CONSENT_WITHDRAWN).count() == 1


def test_the_photo_is_shown_with_its_alternative_text_and_served_only_once_public(
    client, fellow, alice_profile, cohort
):
    client.force_login(fellow.user)
    client.post(edit_url(alice_profile), form_data(photo_upload=png()))
    photo_url = reverse("community:profile_photo", args=[alice_profile.pk])
    assert client.get(photo_url).status_code == 200  # she sees her own photo
    client.logout()
    assert client.get(photo_url).status_code == 404  # nobody else, before consent

    client.force_login(fellow.user)
    client.post(edit_url(alice_profile), form_data(consent="on", public_fields=["photo", "bio"]))
    page = promotion_page(client, cohort)
    assert f'src="{photo_url}" alt="Photo de Alice Martin"' in page
    response = client.get(photo_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        assert image.format == "JPEG"  # re-encoded: no metadata of the original kept


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("moi.png", b"%PDF-1.4 not an image", content_type="image/png"),
            "n’est pas une image lisible",
        ),
        (
            SimpleUploadedFile(
                "moi.jpg", b"\xff\xd8\xff" + b"0" * PHOTO_MAX_BYTES, content_type="image/jpeg"
            ),
            "la limite est de 2 Mo",
        ),
    ],
)
def test_a_photo_that_is_not_an_image_or_too_large_is_refused_and_the_text_kept(
    client, fellow, alice_profile, upload, message
):
    client.force_login(fellow.user)
    response = client.post(
        edit_url(alice_profile), form_data(photo_upload=upload, bio="Mon texte, gardé.")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Mon texte, gardé." in page  # nothing typed is lost
    assert not Profile.objects.get(pk=alice_profile.pk).photo


def test_a_link_that_is_not_an_address_is_refused_with_its_reason(client, fellow, alice_profile):
    client.force_login(fellow.user)
    response = client.post(edit_url(alice_profile), form_data(links="mon site perso"))
    assert "« mon site perso » n’est pas une adresse web" in response.content.decode()


def test_a_fellow_editing_another_fellows_profile_gets_a_404(
    client, fellow, erin_fellow, alice_profile
):
    client.force_login(erin_fellow.user)
    assert client.get(edit_url(alice_profile)).status_code == 404
    assert client.post(edit_url(alice_profile), form_data(bio="Pris")).status_code == 404
    assert Profile.objects.get(pk=alice_profile.pk).bio == ""


def test_my_profile_leads_to_ones_own(client, fellow):
    client.force_login(fellow.user)
    response = client.get(reverse("community:my_profile"))
    assert response.url == edit_url(Profile.objects.get(user=fellow.user))


def test_a_mentor_of_the_promotion_has_a_profile_too_without_the_alumni_field(
    client, fellow, challenge, cohort
):
    mentor = MentorFactory(challenge=challenge, user=CandidateFactory(), full_name="Marie Curie")
    client.force_login(mentor.user)
    profile = profile_of(mentor.user)
    assert profile.name == "Marie Curie"
    page = client.get(edit_url(profile)).content.decode()
    assert 'name="bio"' in page and 'name="after"' not in page

    client.post(
        edit_url(profile),
        {
            "name": "Marie Curie",
            "bio": "Je guide l’équipe.",
            "consent": "on",
            "public_fields": ["bio"],
        },
    )
    page = promotion_page(client, cohort)
    assert "Marie Curie" in page and "Je guide l’équipe." in page


def test_a_mentor_before_the_teams_are_published_has_no_promotion_space(client, challenge):
    mentor = MentorFactory(challenge=challenge, user=CandidateFactory())
    client.force_login(mentor.user)
    assert client.get(reverse("community:home")).status_code == 404


def test_the_promotion_space_is_in_the_header_of_a_fellow(client, fellow):
    client.force_login(fellow.user)
    page = client.get(reverse("community:home")).content.decode()
    assert (
        "Ma promotion" in page
        and reverse("community:profile_edit", args=[Profile.objects.get(user=fellow.user).pk])
        in page
    )
    spaces = client.get(reverse("my_spaces"))
    assert spaces.status_code == 200  # a fellow is also a candidate: two spaces to choose from
    assert reverse("community:home") in spaces.content.decode()
