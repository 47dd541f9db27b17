"""A fellow's photo during an object-storage outage: the message by the photo's field, what she
typed re-rendered, her previous photo and profile untouched; never the 503 page."""

import pytest

from eig.community.models import Profile
from eig.community.profiles import profile_of
from eig.storage import UPLOAD_UNAVAILABLE
from tests.community.test_profiles import edit_url, form_data, png
from tests.storage.outages import outage_of


@pytest.fixture
def outage(settings):
    yield from outage_of(settings)


@pytest.fixture
def profile(fellow):
    return profile_of(fellow.user)


def test_a_photo_during_an_outage_is_reported_by_its_field_and_the_text_is_kept(
    client, fellow, profile, outage
):
    client.force_login(fellow.user)
    client.post(edit_url(profile), form_data(photo_upload=png(), bio="Ma première bio."))
    before = Profile.objects.get(pk=profile.pk)
    assert outage.names() == [f"private/{before.photo.name}"]
    outage.begin()

    response = client.post(
        edit_url(profile), form_data(photo_upload=png(), bio="Mon nouveau texte, gardé.")
    )

    assert response.status_code == 503
    page = response.content.decode()
    field = page.split('id="id_photo_upload"')[1].split("</form>")[0]
    assert str(UPLOAD_UNAVAILABLE) in field  # by the photo's field
    assert "Mon nouveau texte, gardé." in page  # re-rendered with what she typed
    after = Profile.objects.get(pk=profile.pk)
    assert after.photo.name == before.photo.name  # the previous photo stays
    assert after.bio == "Ma première bio."  # nothing half-saved


def test_removing_the_photo_during_an_outage_saves_the_profile_and_leaves_no_error(
    client, fellow, profile, outage
):
    client.force_login(fellow.user)
    client.post(edit_url(profile), form_data(photo_upload=png()))
    outage.begin()

    response = client.post(edit_url(profile), form_data(remove_photo="on", bio="Sans photo."))

    assert response.status_code == 302
    after = Profile.objects.get(pk=profile.pk)
    assert not after.photo and after.bio == "Sans photo."
