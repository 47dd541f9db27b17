"""A proposal's attachment during an object-storage outage: the message by the file's field, the
attachments already there kept, no row without its file; never the 503 page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from eig.proposals import services
from eig.storage import UPLOAD_UNAVAILABLE
from tests.proposals.conftest import draft
from tests.proposals.test_authors_and_files import pdf_bytes, url
from tests.storage.outages import outage_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def outage(settings):
    yield from outage_of(settings)


def test_an_attachment_during_an_outage_is_reported_by_its_field_and_nothing_half_saved(
    agent_client, agent, call, outage
):
    proposal = draft(call, agent)
    kept = services.add_attachment(
        proposal=proposal, upload=SimpleUploadedFile("note.pdf", pdf_bytes()), user=agent
    )
    outage.begin()

    response = agent_client.post(
        url(proposal, "pieces-jointes/"),
        {"file": SimpleUploadedFile("schema.pdf", pdf_bytes()), "navigation": "stay"},
    )

    assert response.status_code == 503
    page = response.content.decode()
    field = page.split('id="id_file"')[1].split("</form>")[0]
    assert str(UPLOAD_UNAVAILABLE) in field  # by the file's field, in the step's own page
    assert "note.pdf" in page  # the attachments already there are still listed
    assert list(proposal.attachments.all()) == [kept]  # no row without its file
