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
from eig.challenges.mentors import invite_mentor
from eig.communications.models import Announcement
from eig.communications.services import send_announcement
from eig.communications.tasks import send_draft_reminder
from eig.decisions.services import decision_templates, send_decisions
from eig.selection.services import invite_reviewer
from eig.selection.tasks import send_assignments_released, send_reviewer_reminder
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CandidateFactory,
    CohortFactory,
    HostOrganisationFactory,
    InterviewFactory,
    InterviewSlotFactory,
    MentorFactory,
    ReviewerFactory,
)

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
    assert len(mailoutbox) >= len(templates) + 3  # the three decisions have no template file
    for message in mailoutbox:
        for text in texts(message):
            assert 'href="/' not in text, message.subject
            assert not BARE_PATH.search(text), (message.subject, BARE_PATH.search(text))
            assert "http://" not in text.replace("http://testserver", "?"), message.subject
    assert any(f"{SITE}/donnees-personnelles/" in message.body for message in mailoutbox)
    assert any(f"{SITE}/candidater/" in message.body for message in mailoutbox), subjects
