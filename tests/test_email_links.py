"""Every e-mail the platform sends links with the site's full address: a mail reader has no page
to resolve "/mon-espace/" against. Each sender runs as in real use; every e-mail template of the
project must have been rendered here, so a new one cannot go out untried."""

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.test.signals import template_rendered
from django.utils import timezone

from eig.accounts import browsers
from eig.accounts.services import request_sign_in_link
from eig.applications import addresses
from eig.applications.models import Application
from eig.applications.services import move_application
from eig.applications.tasks import send_retention_notice, send_submission_confirmation
from eig.auditions.tasks import send_booking_confirmation
from eig.challenge_jury.services import add_member
from eig.challenge_jury.tasks import send_hearing_confirmation
from eig.challenges.mentors import invite_mentor
from eig.communications.models import Announcement
from eig.communications.services import send_announcement
from eig.communications.tasks import send_draft_reminder
from eig.community.models import Registration
from eig.community.tasks import send_moved_up, send_registration, send_reminder
from eig.decisions.services import decision_templates, send_decisions
from eig.proposals import decisions as proposal_decisions
from eig.proposals.models import ProposalAuthor
from eig.proposals.tasks import send_author_invitation
from eig.proposals.tasks import send_submission_confirmation as send_proposal_confirmation
from eig.selection.services import invite_reviewer
from eig.selection.tasks import send_assignments_released, send_reviewer_reminder
from tests.challenge_jury.helpers import make_group
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CandidateFactory,
    CohortFactory,
    EventFactory,
    HostOrganisationFactory,
    InterviewFactory,
    InterviewSlotFactory,
    MentorFactory,
    ReviewerFactory,
)
from tests.proposals.helpers import make_proposal

SITE = "https://eig.example.gouv.fr"
TEMPLATES = Path(__file__).resolve().parent.parent / "eig" / "templates"
# A path alone, as a reader's mail client would show it: not a link it can follow.
BARE_PATH = re.compile(r"(?:^|[\s(\[«\"'<>])/[\w-]", re.MULTILINE)
Status = Application.Status


@pytest.fixture
def rendered():
    names = set()

    def seen(sender, template, **kwargs):
        names.add(template.name)

    template_rendered.connect(seen)
    yield names
    template_rendered.disconnect(seen)


def texts(message):
    """What the reader sees: the body, the HTML alternatives and the text attachments."""
    yield message.body
    for alternative in getattr(message, "alternatives", []):
        yield alternative[0]
    for attachment in message.attachments:
        content = attachment[1]
        yield content.decode() if isinstance(content, bytes) else str(content)


def send_every_e_mail(carol, settings):
    cohort = CohortFactory(is_published=True)
    # Sign-in link, new browser.
    candidate = CandidateFactory()
    request_sign_in_link(email=candidate.email, ip="198.51.100.1", next_url="/mon-espace/")
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.1")
    request.user, request.session = candidate, SessionStore()
    browsers.send(request, next_url="/mon-espace/")
    # An application: submitted, found irrecevable, its contact address, its retention.
    application = ApplicationFactory(submitted=True, email="contact@example.org")
    send_submission_confirmation.enqueue(public_id=str(application.public_id))
    move_application(application=application, to=Status.INELIGIBLE, by=carol, reason="CV vide")
    addresses.request_confirmation(application=application)
    due = (timezone.now() + datetime.timedelta(days=30)).isoformat()
    send_retention_notice.enqueue(application_id=application.pk, due_at=due)
    # Reminder of a draft, announcement.
    draft = ApplicationFactory(complete=True)
    send_draft_reminder.enqueue(application_id=draft.pk)
    announcement = Announcement.objects.create(
        cohort=application.cohort,
        subject="Report",
        body="La clôture est reportée : voir /candidater/ et (/mon-espace/).",
        created_by=carol,
    )
    send_announcement(announcement=announcement, by=carol)
    # Audition booked.
    interview = InterviewFactory(slot=InterviewSlotFactory(video_url="https://visio.example.org/a"))
    send_booking_confirmation.enqueue(interview_id=interview.pk)
    # The jury: invitation, assignments released, reminder.
    invite_reviewer(
        cohort=cohort,
        email="nouveau@jury.example.org",
        full_name="Nouveau Juré",
        organisation="DINUM",
        host=HostOrganisationFactory(),
        max_load=5,
        by=carol,
    )
    reviewer = ReviewerFactory(cohort=cohort)
    AssignmentFactory(
        reviewer=reviewer,
        application=ApplicationFactory(cohort=cohort, submitted=True, status=Status.ELIGIBLE),
        released=True,
    )
    send_assignments_released.enqueue(reviewer_id=reviewer.pk)
    send_reviewer_reminder.enqueue(reviewer_id=reviewer.pk)
    # A mentor invited.
    invite_mentor(mentor=MentorFactory(email="mentor@example.gouv.fr"), by=carol)
    # The three decisions.
    for outcome in Application.OUTCOMES:
        ApplicationFactory(cohort=cohort, submitted=True, status=outcome)
    decision_templates(cohort)
    for outcome in Application.OUTCOMES:
        send_decisions(cohort=cohort, outcome=outcome, by=carol, before_teams=True)
    # A proposal of a défi: submitted (its confirmation), a colleague invited to write it.
    proposal = make_proposal(cohort)
    send_proposal_confirmation.enqueue(public_id=str(proposal.public_id))
    colleague = ProposalAuthor.objects.create(
        proposal=proposal, email="collegue@ministere.example.org", invited_by=carol
    )
    send_author_invitation.enqueue(author_id=colleague.pk)
    # The défi jury: a member invited, a hearing told to the proposal's authors.
    add_member(
        call=proposal.call,
        email="jure@jury-defis.example.org",
        full_name="Jeanne Jurée",
        sector="private",
        expertise="data",
        organisation="Une entreprise",
        host=None,
        by=carol,
    )
    group = make_group(
        proposal.call, day=datetime.date.today() + datetime.timedelta(days=20), proposals=[proposal]
    )
    hearing = group.hearings.get()
    hearing.starts_at = group.starts_at
    hearing.save()
    send_hearing_confirmation.enqueue(hearing_id=hearing.pk)
    # An event of the promotion: registered, moved up from the waiting list, reminded.
    event = EventFactory(
        cohort=cohort,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        place="Liberté Living Lab",
    )
    registration = Registration.objects.create(
        event=event,
        user=carol,
        status=Registration.Status.REGISTERED,
        registered_at=timezone.now(),
    )
    for send in (send_registration, send_moved_up, send_reminder):
        send.enqueue(registration_id=registration.pk)
    # The decisions told to the administrations that proposed a défi, with a message of the team.
    for outcome in proposal_decisions.OUTCOMES:
        proposal = make_proposal(cohort, status=outcome, inadmissible_reason="Hors délai")
        sending = proposal_decisions.prepare_sending(proposal.call, outcome)
        proposal_decisions.send_decisions(
            call=proposal.call,
            outcome=outcome,
            by=carol,
            confirmed=sending.digest,
            message="Voir /appel-a-defis/.",
        )


def test_every_e_mail_links_with_the_full_address_of_the_site(
    carol, settings, mailoutbox, rendered, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE

    with django_capture_on_commit_callbacks(execute=True):
        send_every_e_mail(carol, settings)

    templates = {
        str(path.relative_to(TEMPLATES)) for path in TEMPLATES.glob("*/email/*") if path.is_file()
    }
    untried = templates - rendered
    assert not untried, f"e-mail templates no sender here rendered: {sorted(untried)}"
    subjects = {message.subject for message in mailoutbox}
    # The three decisions have no template file; an included piece is no e-mail of its own.
    included = {"community/email/event_lines.txt"}
    assert len(mailoutbox) >= len(templates - included) + 3
    for message in mailoutbox:
        for text in texts(message):
            assert 'href="/' not in text, message.subject
            assert not BARE_PATH.search(text), (message.subject, BARE_PATH.search(text))
            assert "http://" not in text.replace("http://testserver", "?"), message.subject
    assert any(f"{SITE}/donnees-personnelles/" in message.body for message in mailoutbox)
    assert any(f"{SITE}/candidater/" in message.body for message in mailoutbox), subjects
