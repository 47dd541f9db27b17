"""The candidate's space after submitting: the receipt, the steps of the selection, the messages
of the team, and what the data export adds about them."""

import datetime
import io
import json
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.utils import timezone
from pypdf import PdfReader

from eig.applications import services
from eig.applications.calls import paris_time
from eig.applications.models import (
    Application,
    StageTransition,
    Submission,
    content_digest,
    content_snapshot,
    snapshot_digest,
)
from eig.applications.timeline import CURRENT, DONE, UPCOMING, selection_timeline
from eig.audit.models import Action
from eig.audit.services import record
from eig.cohorts.models import RulesVersion
from eig.communications.models import Announcement
from eig.decisions.models import DecisionNotice
from eig.selection.models import Review
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CohortFactory,
    InterviewFactory,
    InterviewSlotFactory,
    ReviewerFactory,
)


@pytest.fixture
def submitted(cohort, alice):
    """Alice's application, with answers a PDF could garble, submitted through the service."""
    application = ApplicationFactory(
        cohort=cohort,
        candidate=alice,
        complete=True,
        first_name="Ștefania",
        motivation="L’intérêt général, « le vrai » : œuvrer… ✨",
        code_forge_url="https://forge.example.org/alice",
    )
    application.experiences.create(
        position=1, title="Cheffe de projet", organisation="Mairie de Lyon", start_year=2019
    )
    choice = application.choices.get()
    choice.contribution = "Des tableaux de bord pour les agents."
    choice.save()
    return services.submit_application(application=application, by=alice)


def receipt_url(application):
    return f"/mon-espace/candidatures/{application.public_id}/recepisse/"


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_receipt_is_a_pdf_of_every_answer_the_time_and_the_digest(alice_client, submitted):
    response = alice_client.get(receipt_url(submitted))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="recepisse-promotion-{submitted.cohort.number}-'
        f'{submitted.public_id.hex[:8]}.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response)
    digest = content_digest(submitted)
    assert digest == submitted.submissions.get().digest
    assert digest in text
    assert paris_time(submitted.submitted_at) in text
    choice = submitted.choices.get()
    for answer in (
        "Martin",
        submitted.email,
        "06 12 34 56 78",
        "Développement",
        "Développeuse, puis cheffe de projet dans une association.",
        "Cheffe de projet",
        "Mairie de Lyon, 2019",
        "Six ans de développement web.",
        "https://forge.example.org/alice",
        "CV Alice Martin.pdf",
        "En partant des besoins des agents.",
        f"Choix n° 1 : {choice.challenge.name}",
        "Des tableaux de bord pour les agents.",
        "Accepte le règlement oui",
    ):
        assert answer in text, answer
    # Every French character as typed; what the core fonts lack loses its accent, or becomes "?".
    assert "L’intérêt général, « le vrai » : œuvrer… ?" in text
    assert "Stefania" in text


def test_the_receipt_names_the_rules_version_the_candidate_accepted(alice_client, submitted):
    rules = RulesVersion.objects.create(
        cohort=submitted.cohort,
        version="2",
        published_on=datetime.date(2026, 1, 5),
        text="<p>Le règlement.</p>",
        document_url="https://www.example.gouv.fr/reglement-v2.pdf",
    )
    submitted.rules_version = rules
    submitted.save(update_fields=["rules_version"])

    text = pdf_text(alice_client.get(receipt_url(submitted)))

    assert f"Règlement de la {submitted.cohort}, version 2" in text
    assert "https://www.example.gouv.fr/reglement-v2.pdf" in text


def test_without_a_rules_version_the_receipt_links_the_cohort_rules(
    alice_client, settings, submitted
):
    """Applications submitted before the rules were versioned accepted the cohort's page."""
    submitted.rules_version = None
    submitted.save(update_fields=["rules_version"])

    text = pdf_text(alice_client.get(receipt_url(submitted)))

    assert f"oui — {settings.SITE_URL}/reglement/?promotion={submitted.cohort.number}" in text
    assert "version" not in text.split("Règlement accepté")[1].split("Empreinte")[0]


def test_the_space_shows_the_digest_printed_on_the_receipt(alice_client, submitted):
    page = alice_client.get("/mon-espace/").content.decode()

    assert f'<code class="receipt-digest">{content_digest(submitted)}</code>' in page
    assert receipt_url(submitted) in page


def test_after_a_change_not_submitted_again_the_receipt_shows_what_was_submitted(
    alice_client, alice, submitted
):
    submitted.motivation = "Une autre motivation."
    submitted.first_name = "Alicia"
    submitted.save()
    submitted.experiences.update(title="Directrice de projet")
    submitted.choices.update(contribution="Une contribution récrite.")

    response = alice_client.get(receipt_url(submitted))

    assert response.status_code == 200
    text = pdf_text(response)
    for submitted_answer in ("le vrai", "Stefania", "Cheffe de projet", "Des tableaux de bord"):
        assert submitted_answer in text, submitted_answer
    for edited in ("Une autre motivation.", "Alicia", "Directrice de projet", "récrite"):
        assert edited not in text, edited
    assert "modifiée depuis ce dépôt et n’a pas été redéposée" in text
    assert submitted.submissions.get().digest in text
    page = alice_client.get("/mon-espace/").content.decode()
    assert receipt_url(submitted) in page
    assert "depuis ce dépôt sans la redéposer" in page

    services.submit_application(application=submitted, by=alice)
    text = pdf_text(alice_client.get(receipt_url(submitted)))
    assert "Une autre motivation." in text and "Directrice de projet" in text
    assert "le vrai" not in text
    assert "n’a pas été redéposée" not in text
    assert submitted.submissions.order_by("-at", "-pk").first().digest in text
    assert "depuis ce dépôt" not in alice_client.get("/mon-espace/").content.decode()


def test_the_snapshot_kept_gives_back_the_digest_of_what_was_submitted(submitted):
    submission = submitted.submissions.get()
    submission.refresh_from_db()  # as stored: a JSON column may reorder the keys

    assert snapshot_digest(submission.snapshot) == submission.digest == content_digest(submitted)
    assert submission.snapshot == content_snapshot(submitted)


def test_the_migration_keeps_the_snapshots_of_contents_unchanged_since(alice, submitted, cohort):
    keep_snapshots = import_module(
        "eig.applications.migrations.0006_submission_snapshot"
    ).keep_snapshots
    changed = ApplicationFactory(candidate=alice, submitted=True)
    Submission.objects.create(application=changed, at=changed.submitted_at, digest="0" * 64)
    Submission.objects.update(snapshot=None)

    keep_snapshots(django_apps, None)

    assert submitted.submissions.get().snapshot == content_snapshot(submitted)
    assert changed.submissions.get().snapshot is None


def test_no_one_else_gets_the_receipt(client, erin, carol, submitted):
    for person in (erin, carol):
        client.force_login(person)
        assert client.get(receipt_url(submitted)).status_code == 404


# --- The steps of the selection ---------------------------------------------------------------


@pytest.fixture
def calendar_cohort(db):
    return CohortFactory(
        application_call_opens_at=datetime.datetime(2027, 1, 1, 9, tzinfo=datetime.UTC),
        application_call_closes_at=datetime.datetime(2027, 3, 1, 11, tzinfo=datetime.UTC),
        auditions_start=datetime.date(2027, 4, 6),
        auditions_end=datetime.date(2027, 4, 17),
        starts_on=datetime.date(2027, 9, 1),
    )


def at(*args):
    return datetime.datetime(*args, 12, tzinfo=datetime.UTC)


def states(steps):
    return {step.key: step.state for step in steps}


def texts(steps):
    return {step.key: step.text for step in steps}


def test_while_the_call_is_open_the_closing_is_current_and_the_rest_to_come(calendar_cohort):
    application = ApplicationFactory(cohort=calendar_cohort, submitted=True)

    steps = selection_timeline(application, now=at(2027, 2, 1))

    assert states(steps) == {
        "submitted": DONE,
        "call": CURRENT,
        "review": UPCOMING,
        "auditions": UPCOMING,
        "decision": UPCOMING,
        "start": UPCOMING,
    }
    assert texts(steps)["call"].startswith("L’appel est ouvert jusqu’au 1 mars 2027 à 12h00")
    assert texts(steps)["auditions"] == "Elles auront lieu du 6 avril au 17 avril 2027."
    assert texts(steps)["start"].endswith(
        "arriveront dans leur administration le 1 septembre 2027."
    )


def test_past_steps_speak_in_the_past_and_the_review_is_current_after_the_closing(
    calendar_cohort,
):
    application = ApplicationFactory(cohort=calendar_cohort, submitted=True)

    steps = selection_timeline(application, now=at(2027, 3, 10))

    assert states(steps)["call"] == DONE and states(steps)["review"] == CURRENT
    assert texts(steps)["call"] == "L’appel s’est clos le 1 mars 2027 à 12h00."


def test_an_invited_candidate_is_at_the_auditions(calendar_cohort):
    application = ApplicationFactory(cohort=calendar_cohort, submitted=True, status="invited")

    steps = selection_timeline(application, now=at(2027, 3, 20))

    assert states(steps)["review"] == DONE and states(steps)["auditions"] == CURRENT
    assert (
        "Vous êtes invité·e à une audition du 6 avril au 17 avril 2027" in texts(steps)["auditions"]
    )


def test_a_stage_kept_internal_is_not_told_by_the_timeline(calendar_cohort):
    """Shortlisted or not, the candidate reads the same steps until they are invited or told."""
    shortlisted = ApplicationFactory(cohort=calendar_cohort, submitted=True, status="shortlisted")
    ineligible = ApplicationFactory(cohort=calendar_cohort, submitted=True, status="ineligible")

    now = at(2027, 3, 20)
    assert selection_timeline(shortlisted, now=now) == selection_timeline(ineligible, now=now)


def test_once_the_decision_is_sent_it_is_done_and_a_rejection_ends_the_timeline(calendar_cohort):
    application = ApplicationFactory(cohort=calendar_cohort, submitted=True, status="rejected")
    DecisionNotice.objects.create(
        application=application,
        outcome="rejected",
        subject="Votre candidature",
        body="Nous sommes au regret...",
        decided_at=at(2027, 4, 25),
        sent_at=at(2027, 4, 25),
    )

    steps = selection_timeline(application, now=at(2027, 5, 1))

    assert states(steps) == {
        "submitted": DONE,
        "call": DONE,
        "review": DONE,
        "auditions": DONE,
        "decision": DONE,
    }
    assert texts(steps)["auditions"] == "Les auditions ont eu lieu du 6 avril au 17 avril 2027."


def test_a_withdrawn_application_has_no_timeline(calendar_cohort):
    application = ApplicationFactory(
        cohort=calendar_cohort, submitted=True, status="withdrawn", withdrawn_at=at(2027, 2, 1)
    )

    assert selection_timeline(application, now=at(2027, 2, 2)) == []


def test_the_space_lists_the_steps_in_order_with_the_current_one_marked(alice_client, submitted):
    page = alice_client.get("/mon-espace/").content.decode()

    assert '<ol class="selection-timeline"' in page
    assert page.index("Dépôt de votre candidature") < page.index("Début du programme")
    assert page.count('aria-current="step"') == 1


# --- The messages of the team -----------------------------------------------------------------


def test_the_space_lists_the_team_messages_newest_first(alice_client, alice, cohort, submitted):
    now = timezone.now()
    # Announcements reach the applications that existed when they were sent.
    Application.objects.filter(pk=submitted.pk).update(created_at=now - datetime.timedelta(days=9))
    Announcement.objects.create(
        cohort=cohort,
        subject="Le calendrier change",
        body="Les auditions sont avancées.",
        created_by=alice,
        sent_at=now - datetime.timedelta(days=3),
    )
    Announcement.objects.create(
        cohort=CohortFactory(),
        subject="Une autre promotion",
        body="...",
        created_by=alice,
        sent_at=now,
    )
    StageTransition.objects.create(
        application=submitted,
        from_status="submitted",
        to_status="ineligible",
        at=now - datetime.timedelta(days=2),
        reason="Le CV est illisible.",
    )
    InterviewFactory(
        slot=InterviewSlotFactory(cohort=cohort),
        application=submitted,
        booked_at=now - datetime.timedelta(days=1),
    )
    DecisionNotice.objects.create(
        application=submitted,
        outcome="selected",
        subject="Vous êtes retenue",
        body="Félicitations.",
        decided_at=now,
        sent_at=now,
    )
    DecisionNotice.objects.create(
        application=submitted,
        outcome="waitlisted",
        subject="Pas encore envoyée",
        body="...",
        decided_at=now,
    )

    page = alice_client.get("/mon-espace/").content.decode()

    order = [
        "Décision : Vous êtes retenue",
        "Audition : Votre audition est réservée",
        "Recevabilité : Votre candidature est à compléter",
        "Annonce : Le calendrier change",
    ]
    positions = [page.index(subject) for subject in order]
    assert positions == sorted(positions)
    for body in ("Félicitations.", "20 avenue de Ségur, Paris", "Le CV est illisible."):
        assert body in page
    assert "Les auditions sont avancées." in page
    assert "Une autre promotion" not in page
    assert "Pas encore envoyée" not in page


def test_a_space_without_messages_says_so(alice_client, submitted):
    page = alice_client.get("/mon-espace/").content.decode()

    assert "L’équipe ne vous a encore envoyé aucun message sur cette candidature." in page


# --- The data export --------------------------------------------------------------------------


def test_the_export_adds_submissions_notices_the_journal_and_that_the_jury_reviewed(
    alice_client, carol, cohort, submitted
):
    StageTransition.objects.create(
        application=submitted,
        from_status="submitted",
        to_status="ineligible",
        at=timezone.now(),
        reason="Le CV est illisible.",
    )
    record(action=Action.APPLICATION_VIEWED, actor=carol, target=submitted)
    assignment = AssignmentFactory(
        reviewer=ReviewerFactory(cohort=cohort), application=submitted, released=True
    )
    Review.objects.create(
        assignment=assignment, status="submitted", verdict="favorable", comment="Très bien."
    )

    data = json.loads(alice_client.get("/mon-espace/mes-donnees/").content)

    [exported] = data["applications"]
    assert [entry["digest"] for entry in exported["submissions"]] == [content_digest(submitted)]
    [content] = [entry["content"] for entry in exported["submissions"]]
    assert content["fields"]["motivation"] == submitted.motivation
    assert [notice["body"] for notice in exported["stage_notices"]] == ["Le CV est illisible."]
    assert [entry["action"] for entry in exported["journal"]] == [
        str(Action.APPLICATION_VIEWED.label)
    ]
    assert exported["jury"]["reviews_submitted"] == 1
    assert "Très bien." not in json.dumps(data, ensure_ascii=False)


def test_the_start_is_not_done_for_someone_still_waiting_for_their_decision(calendar_cohort):
    application = ApplicationFactory(cohort=calendar_cohort, submitted=True, status="interviewed")

    steps = selection_timeline(application, now=at(2027, 9, 10))

    assert states(steps)["decision"] == CURRENT and states(steps)["start"] == UPCOMING


def test_an_application_whose_submission_was_not_recorded_has_no_receipt(alice_client, alice):
    application = ApplicationFactory(candidate=alice, submitted=True)

    response = alice_client.get(receipt_url(application), follow=True)

    assert "Le contenu de votre dépôt n’a pas été conservé" in response.content.decode()
