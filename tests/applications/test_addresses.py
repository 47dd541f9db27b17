"""Official e-mails go only to verified addresses: the account's, which received the sign-in
link, or a contact address once confirmed through a link sent to it."""

import datetime
import re

import pytest
from django.utils import timezone

from eig.accounts.models import hash_token
from eig.applications import addresses
from eig.applications.models import AddressConfirmation, Application
from eig.applications.tasks import send_retention_notice, send_submission_confirmation
from eig.audit.models import Action, AuditEntry
from eig.auditions.tasks import send_booking_confirmation
from eig.communications.models import Announcement
from eig.communications.tasks import deliver_announcement, send_draft_reminder
from eig.decisions.models import DecisionNotice
from eig.decisions.tasks import deliver_decisions
from tests.applications.helpers import identity_data, start, step_url
from tests.factories import ApplicationFactory, InterviewFactory, InterviewSlotFactory

LINK = re.compile(r"http://\S+/confirmer-mon-adresse/(\S+)/")


def save_identity(client, cohort, **changes):
    return client.post(step_url(cohort, "identite"), identity_data(navigation="next", **changes))


def link_in(message):
    return LINK.search(message.body).group(1)


@pytest.fixture
def typed_elsewhere(alice_client, alice, cohort, mailoutbox, django_capture_on_commit_callbacks):
    """Alice typed a contact address that is not her account's: the link went to it."""
    start(alice_client, cohort)
    with django_capture_on_commit_callbacks(execute=True):
        save_identity(alice_client, cohort, email="alice.perso@exemple.org")
    return Application.objects.get(candidate=alice)


def test_the_accounts_address_is_verified_and_another_one_once_confirmed(alice, cohort):
    application = ApplicationFactory(cohort=cohort, candidate=alice, email="Alice@Example.fr")
    assert application.official_email == "Alice@Example.fr"
    assert not application.awaits_email_confirmation

    application.email = "alice.perso@exemple.org"
    assert application.official_email == "alice@example.fr"
    assert application.awaits_email_confirmation

    application.confirmed_email = "alice.perso@exemple.org"
    assert application.official_email == "alice.perso@exemple.org"

    application.email = "encore.une@exemple.org"  # a third address: back to the account's
    assert application.official_email == "alice@example.fr"


def test_a_new_contact_address_receives_a_confirmation_link_and_nothing_written_by_the_candidate(
    typed_elsewhere, mailoutbox
):
    [message] = mailoutbox
    assert message.to == ["alice.perso@exemple.org"]
    for typed in ("Alice", "Martin", "06 12 34 56 78", "Lyon"):
        assert typed not in message.body
    raw_token = link_in(message)
    [confirmation] = AddressConfirmation.objects.all()
    assert confirmation.token_hash == hash_token(raw_token)
    assert raw_token not in str(AddressConfirmation.objects.values_list())
    assert typed_elsewhere.official_email == "alice@example.fr"


def test_the_link_goes_once_per_address_while_it_is_valid(
    typed_elsewhere, alice_client, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        save_identity(alice_client, cohort, email="alice.perso@exemple.org", city="Paris")
        save_identity(alice_client, cohort, email="alice@example.fr")
    assert len(mailoutbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        save_identity(alice_client, cohort, email="alice.pro@exemple.org")
    assert [message.to for message in mailoutbox[1:]] == [["alice.pro@exemple.org"]]


def test_a_candidate_cannot_make_the_platform_write_to_many_addresses(
    alice, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(cohort=cohort, candidate=alice)
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(addresses.MAX_LINKS_PER_DAY + 2):
            application.email = f"adresse-{number}@exemple.org"
            addresses.request_confirmation(application=application)
    assert len(mailoutbox) == addresses.MAX_LINKS_PER_DAY


def test_the_identity_step_says_where_the_emails_go_until_confirmed(
    typed_elsewhere, alice_client, cohort
):
    page = alice_client.get(step_url(cohort, "identite")).content.decode()

    assert "Un lien de confirmation est envoyé à alice.perso@exemple.org" in page
    assert "les e-mails du programme vont à alice@example.fr" in page


def test_opening_the_link_asks_to_confirm_and_confirming_uses_it_once(
    typed_elsewhere, client, mailoutbox
):
    url = f"/confirmer-mon-adresse/{link_in(mailoutbox[0])}/"

    page = client.get(url)
    assert "Confirmer cette adresse" in page.content.decode()
    typed_elsewhere.refresh_from_db()
    assert typed_elsewhere.confirmed_email == ""

    done = client.post(url)  # signed in or not: the link may be opened on another device

    assert "Le programme vous écrira désormais à alice.perso@exemple.org" in done.content.decode()
    typed_elsewhere.refresh_from_db()
    assert typed_elsewhere.official_email == "alice.perso@exemple.org"
    assert AuditEntry.objects.filter(
        action=Action.ADDRESS_CONFIRMED, target_id=str(typed_elsewhere.public_id)
    ).exists()
    again = client.post(url)
    assert again.status_code == 410
    assert "Ce lien de confirmation a déjà servi." in again.content.decode()


def test_a_link_expired_unknown_or_for_an_address_since_replaced_confirms_nothing(
    typed_elsewhere, client, mailoutbox
):
    url = f"/confirmer-mon-adresse/{link_in(mailoutbox[0])}/"
    AddressConfirmation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert client.post(url).status_code == 410

    AddressConfirmation.objects.update(expires_at=timezone.now() + datetime.timedelta(hours=1))
    Application.objects.update(email="une.autre@exemple.org")
    replaced = client.post(url)
    assert replaced.status_code == 410
    assert "n’est plus l’adresse de contact" in replaced.content.decode()

    assert client.get("/confirmer-mon-adresse/inconnu/").status_code == 400
    typed_elsewhere.refresh_from_db()
    assert typed_elsewhere.confirmed_email == ""


def every_email_to(application, mailoutbox):
    """Each e-mail the platform sends a candidate about `application`, and where it went."""
    mailoutbox.clear()
    send_submission_confirmation.call(public_id=str(application.public_id))
    send_draft_reminder.call(application_id=application.pk)  # a draft, reminded below
    announcement = Announcement.objects.create(
        cohort=application.cohort,
        subject="Report",
        body="L'appel est prolongé.",
        created_by=application.candidate,
        sent_at=timezone.now(),
    )
    deliver_announcement.call(announcement_id=announcement.pk)
    interview = InterviewFactory(
        slot=InterviewSlotFactory(cohort=application.cohort), application=application
    )
    send_booking_confirmation.call(interview_id=interview.pk)
    notice = DecisionNotice.objects.create(
        application=application,
        outcome="rejected",
        subject="Votre candidature",
        body="Bonjour.",
        decided_at=timezone.now(),
    )
    deliver_decisions.call(notice_ids=[notice.pk])
    send_retention_notice.call(application_id=application.pk, due_at=timezone.now().isoformat())
    interview.delete()
    notice.delete()
    return [message.to for message in mailoutbox]


def test_every_email_to_a_candidate_goes_to_the_verified_address(alice, cohort, mailoutbox):
    application = ApplicationFactory(
        cohort=cohort, candidate=alice, complete=True, email="alice.perso@exemple.org"
    )

    assert every_email_to(application, mailoutbox) == [["alice@example.fr"]] * 6

    application.confirmed_email = "alice.perso@exemple.org"
    application.save()
    assert every_email_to(application, mailoutbox) == [["alice.perso@exemple.org"]] * 6
