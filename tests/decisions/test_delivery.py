"""Decision e-mails that fail: not marked sent, the others go, the team sees which and resends."""

import pytest

from eig.applications.candidate_status import candidate_status_label
from eig.applications.models import Application
from eig.audit.models import Action, AuditEntry
from eig.decisions.models import DecisionNotice, DecisionTemplate
from eig.decisions.services import decision_templates, send_decisions
from tests.factories import ApplicationFactory, CandidateFactory, CohortFactory

Status = Application.Status
REFUSING = {"default": {"BACKEND": "tests.decisions.mailers.RefusingBackend"}}


@pytest.fixture
def cohort(db):
    return CohortFactory()


def retained(cohort, first_name, address=None):
    candidate = CandidateFactory(**({"username": address} if address else {}))
    return ApplicationFactory(
        cohort=cohort,
        candidate=candidate,
        submitted=True,
        status=Status.SELECTED,
        first_name=first_name,
        last_name="Martin",
    )


@pytest.fixture
def three_retained(cohort):
    return [
        retained(cohort, "Alice"),
        retained(cohort, "Bruno", address="refuse-bruno@example.fr"),
        retained(cohort, "Chloé"),
    ]


def send(cohort, carol, capture):
    decision_templates(cohort)
    with capture(execute=True):
        send_decisions(cohort=cohort, outcome=Status.SELECTED, by=carol, before_teams=True)


def test_a_refused_address_is_not_marked_sent_and_the_others_go(
    cohort, carol, three_retained, settings, mailoutbox, django_capture_on_commit_callbacks
):
    alice, bruno, chloe = three_retained
    settings.MAILERS = REFUSING

    send(cohort, carol, django_capture_on_commit_callbacks)

    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([alice.email, chloe.email])
    notices = {notice.application_id: notice for notice in DecisionNotice.objects.all()}
    assert notices[alice.pk].sent_at is not None and notices[chloe.pk].sent_at is not None
    failed = notices[bruno.pk]
    assert failed.sent_at is None
    assert failed.failed_at is not None
    assert failed.failure.startswith("SMTPRecipientsRefused:")
    # Bruno was not told: his space does not show the decision.
    assert candidate_status_label(bruno) == "en cours d’examen"
    assert candidate_status_label(alice) == "retenue"
    [entry] = AuditEntry.objects.filter(action=Action.DECISION_SEND_FAILED)
    assert (entry.actor, entry.target_id) == (carol, str(bruno.public_id))
    assert entry.data["outcome"] == Status.SELECTED


def test_the_team_sees_which_failed_and_sends_them_again(
    team_client,
    cohort,
    carol,
    three_retained,
    settings,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    bruno = three_retained[1]
    settings.MAILERS = REFUSING
    send(cohort, carol, django_capture_on_commit_callbacks)

    page = team_client.get(f"/equipe/decisions/{cohort.number}/").content.decode()

    assert "1 e-mail n’a pas pu partir" in page
    assert "Bruno Martin (refuse-bruno@example.fr)" in page
    assert "SMTPRecipientsRefused" in page
    assert "Renvoyer les e-mails en échec" in page

    # The address is corrected (here, the server now takes it): the team sends again.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    url = f"/equipe/decisions/{cohort.number}/selected/renvoyer/"
    with django_capture_on_commit_callbacks(execute=True):
        response = team_client.post(url)

    assert response.status_code == 302
    assert [mail.to for mail in mailoutbox][-1] == ["refuse-bruno@example.fr"]
    assert len(mailoutbox) == 3
    notice = DecisionNotice.objects.get(application=bruno)
    assert notice.sent_at is not None and notice.failed_at is None and notice.failure == ""
    assert candidate_status_label(bruno) == "retenue"
    assert AuditEntry.objects.filter(action=Action.DECISIONS_RETRIED, actor=carol).count() == 1
    again = team_client.post(url, follow=True).content.decode()
    assert "rien n’est renvoyé" in again
    assert "n’a pas pu partir" not in again
    assert len(mailoutbox) == 3


def test_a_line_break_in_a_first_name_breaks_neither_the_subject_nor_the_other_e_mails(
    cohort, carol, mailoutbox, django_capture_on_commit_callbacks
):
    # Typed before forms refused control characters, or imported.
    retained(cohort, "Alice\r\nBcc: tous@example.fr")
    retained(cohort, "Bruno\u2028")
    retained(cohort, "Chloé\x07")
    template = decision_templates(cohort)[Status.SELECTED]
    template.subject = "Décision pour {prénom}"
    template.save()

    send(cohort, carol, django_capture_on_commit_callbacks)

    assert sorted(mail.subject for mail in mailoutbox) == [
        "Décision pour Alice Bcc: tous@example.fr",
        "Décision pour Bruno",
        "Décision pour Chloé",
    ]
    assert all(len(mail.recipients()) == 1 for mail in mailoutbox)
    assert DecisionNotice.objects.sent().count() == 3


def test_a_candidate_without_an_address_is_a_failure_the_team_sees(
    cohort, carol, mailoutbox, django_capture_on_commit_callbacks
):
    anonymised = retained(cohort, "Alice")
    type(anonymised.candidate).objects.filter(pk=anonymised.candidate_id).update(email="")
    Application.objects.filter(pk=anonymised.pk).update(email="")

    send(cohort, carol, django_capture_on_commit_callbacks)

    assert mailoutbox == []
    assert DecisionNotice.objects.failed().get().failure == "aucune adresse e-mail"


def test_a_subject_too_long_once_filled_is_cut_rather_than_refused_by_the_database(
    cohort, carol, mailoutbox, django_capture_on_commit_callbacks
):
    retained(cohort, "A" * 60)
    template = decision_templates(cohort)[Status.SELECTED]
    template.subject = "Décision " * 11 + "{prénom}"  # 107 characters, 159 once filled
    template.save()

    send(cohort, carol, django_capture_on_commit_callbacks)

    [mail] = mailoutbox
    assert len(mail.subject) == 150 and mail.subject.endswith("…")


def test_the_team_cannot_save_a_subject_on_two_lines(team_client, cohort):
    url = f"/equipe/decisions/{cohort.number}/selected/modele/"

    refused = team_client.post(
        url, {"selected-subject": "Votre\ncandidature", "selected-body": "Bonjour {prénom}"}
    )
    bell = team_client.post(url, {"selected-subject": "Objet", "selected-body": "Bonjour\x07"})
    saved = team_client.post(
        url, {"selected-subject": "Objet", "selected-body": "Bonjour {prénom},\r\n\r\nSuite"}
    )

    assert "Ce champ contient un retour à la ligne après « Votre »" in refused.content.decode()
    assert "un caractère invisible (U+0007) après « Bonjour »" in bell.content.decode()
    assert saved.status_code == 302
    template = DecisionTemplate.objects.get(cohort=cohort, outcome=Status.SELECTED)
    assert (template.subject, template.body) == ("Objet", "Bonjour {prénom},\r\n\r\nSuite")


def test_only_the_programme_team_sends_again_and_only_by_post(client, cohort, alice, carol):
    url = f"/equipe/decisions/{cohort.number}/selected/renvoyer/"

    anonymous = client.post(url)
    assert anonymous.status_code == 302 and anonymous.url.startswith("/connexion/")
    client.force_login(alice)
    assert client.post(url).status_code == 404
    client.force_login(carol)
    assert client.get(url).status_code == 405
    assert client.post(f"/equipe/decisions/{cohort.number}/draft/renvoyer/").status_code == 404
    assert client.post(url)["Location"] == f"/equipe/decisions/{cohort.number}/#decision-selected"
