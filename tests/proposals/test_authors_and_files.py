"""Co-authors invited by e-mail, attachments checked by their content, and who reaches what."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from pypdf import PdfWriter
from pypdf.actions import JavaScript

from eig.audit.models import Action, AuditEntry
from eig.proposals import forms, services
from eig.proposals.models import ProposalAttachment, ProposalAuthor
from tests.factories import CandidateFactory
from tests.proposals.conftest import draft

pytestmark = pytest.mark.django_db


def pdf_bytes():
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="Note de présentation du défi")
    return bytes(document.output())


def url(proposal, tail=""):
    return f"/administration/propositions/{proposal.public_id}/{tail}"


def test_an_author_invites_a_colleague_who_finds_the_proposal_once_signed_in(
    client, agent, call, mailoutbox, settings
):
    settings.SITE_URL = "https://eig.example.gouv.fr"
    proposal = draft(call, agent, title="Défi partagé")
    client.force_login(agent)
    response = client.post(url(proposal, "auteurs/"), {"email": "Colin@Ministere.gouv.fr"})
    assert response.status_code == 302
    invitation = ProposalAuthor.objects.get(proposal=proposal, email="colin@ministere.gouv.fr")
    assert invitation.user is None and invitation.invited_by == agent
    mail = mailoutbox[0]
    assert mail.to == ["colin@ministere.gouv.fr"]
    assert "https://eig.example.gouv.fr/connexion/?next=" in mail.body
    assert "Défi partagé" in mail.body
    assert AuditEntry.objects.filter(action=Action.PROPOSAL_AUTHOR_INVITED).exists()

    colin = CandidateFactory(username="colin@ministere.gouv.fr")
    client.force_login(colin)  # signing in links the invitation to the account
    invitation.refresh_from_db()
    assert invitation.user == colin and invitation.accepted_at
    assert "Défi partagé" in client.get("/administration/").content.decode()
    assert client.get(url(proposal, "defi/")).status_code == 200


def test_an_author_already_there_is_not_invited_twice(agent_client, agent, call, mailoutbox):
    proposal = draft(call, agent)
    response = agent_client.post(url(proposal, "auteurs/"), {"email": agent.email.upper()})
    assert response.status_code == 400
    assert "peut déjà modifier cette proposition" in response.content.decode()
    assert proposal.authors.count() == 1 and not mailoutbox


def test_a_malformed_address_is_refused_next_to_its_field(agent_client, agent, call):
    proposal = draft(call, agent)
    response = agent_client.post(url(proposal, "auteurs/"), {"email": "colin@"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Saisissez une adresse e-mail" in page and 'value="colin@"' in page


def test_another_agent_gets_a_404_on_every_page_of_a_proposal(client, agent, outsider, call):
    proposal = draft(call, agent)
    draft(call, outsider)  # she authors one of her own: she has the role, not this proposal
    attachment = services.add_attachment(
        proposal=proposal,
        upload=SimpleUploadedFile("note.pdf", pdf_bytes()),
        user=agent,
    )
    client.force_login(outsider)
    for tail in (
        "",
        "recapitulatif/",
        "auteurs/",
        "defi/",
        "pieces-jointes/",
        f"fichiers/{attachment.pk}/",
    ):
        assert client.get(url(proposal, tail)).status_code == 404, tail
    assert client.post(url(proposal, "defi/"), {"title": "Piraté"}).status_code == 404
    assert client.post(url(proposal, f"fichiers/{attachment.pk}/retirer/")).status_code == 404
    proposal.refresh_from_db()
    assert proposal.title == "" and proposal.attachments.exists()
    assert "Piraté" not in client.get("/administration/").content.decode()


def test_a_pdf_is_joined_and_read_back_by_its_authors(agent_client, agent, call):
    proposal = draft(call, agent)
    response = agent_client.post(
        url(proposal, "pieces-jointes/"),
        {"file": SimpleUploadedFile("note.pdf", pdf_bytes()), "navigation": "stay"},
    )
    assert response.status_code == 302
    attachment = proposal.attachments.get()
    assert attachment.original_name == "note.pdf"
    assert "note.pdf" not in attachment.file.name  # the path never carries the agent's name
    download = agent_client.get(url(proposal, f"fichiers/{attachment.pk}/"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_file_that_is_not_a_pdf_is_refused_whatever_its_name(agent_client, agent, call):
    proposal = draft(call, agent)
    response = agent_client.post(
        url(proposal, "pieces-jointes/"),
        {"file": SimpleUploadedFile("note.pdf", b"PK\x03\x04 un document bureautique")},
    )
    assert response.status_code == 400
    assert "Ce fichier n’est pas un PDF, quel que soit son nom." in response.content.decode()
    assert not ProposalAttachment.objects.exists()


def test_an_oversized_or_active_pdf_is_refused():
    big = SimpleUploadedFile("gros.pdf", b"%PDF-1.4\n" + b"0" * forms.ATTACHMENT_MAX_BYTES)
    with pytest.raises(Exception, match="une pièce jointe doit faire 10 Mo au plus"):
        forms.check_attachment(big)
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_open_action(JavaScript("app.alert('bonjour');"))
    buffer = io.BytesIO()
    writer.write(buffer)
    raw = buffer.getvalue()
    with pytest.raises(Exception, match="du JavaScript"):
        forms.check_attachment(SimpleUploadedFile("script.pdf", raw))


def test_the_team_reads_an_attachment_and_the_journal_says_so(client, agent, call):
    proposal = draft(call, agent)
    attachment = services.add_attachment(
        proposal=proposal, upload=SimpleUploadedFile("note.pdf", pdf_bytes()), user=agent
    )
    team = CandidateFactory(programme_team=True)
    client.force_login(team)
    assert client.get(url(proposal, f"fichiers/{attachment.pk}/")).status_code == 200
    entry = AuditEntry.objects.get(action=Action.PROPOSAL_ATTACHMENT_VIEWED)
    assert entry.actor == team
    # The team reads; it does not edit the agents' pages.
    assert client.get(url(proposal, "defi/")).status_code == 404


def test_an_author_removes_an_attachment(agent_client, agent, call):
    proposal = draft(call, agent)
    attachment = services.add_attachment(
        proposal=proposal, upload=SimpleUploadedFile("note.pdf", pdf_bytes()), user=agent
    )
    response = agent_client.post(url(proposal, f"fichiers/{attachment.pk}/retirer/"))
    assert response.status_code == 302
    assert not proposal.attachments.exists()


def test_a_visitor_is_sent_to_sign_in_with_the_page_to_come_back_to(client, agent, call):
    proposal = draft(call, agent)
    response = client.get(url(proposal, "defi/"))
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/?next=")
    assert client.get("/administration/proposer/")["Location"].startswith("/connexion/")


def test_an_author_has_the_administration_space_in_the_header(agent_client, agent, call):
    draft(call, agent)
    response = agent_client.get("/mes-espaces/")
    assert response.status_code == 302 and response["Location"] == "/administration/"
    assert "Espace administration" in agent_client.get("/administration/").content.decode()


def test_a_proconnect_agent_without_other_role_lands_in_the_administration_space(client, agent):
    from eig.accounts.proconnect import SIGNED_IN_WITH

    client.force_login(agent)
    session = client.session
    session[SIGNED_IN_WITH] = {"acr": "eidas1", "amr": [], "multi_factor": False}
    session.save()
    response = client.get("/mes-espaces/")
    assert response["Location"] == "/administration/"
