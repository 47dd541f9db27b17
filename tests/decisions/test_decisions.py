import pytest

from eig.applications.candidate_status import candidate_status_label
from eig.applications.models import Application
from eig.audit.models import AuditEntry
from eig.decisions.models import DecisionNotice, DecisionTemplate
from eig.decisions.services import NothingToSend, decision_templates, send_decisions
from tests.factories import ApplicationFactory, CohortFactory

Status = Application.Status


def make_application(cohort, status, first_name="Alice"):
    return ApplicationFactory(cohort=cohort, submitted=True, status=status, first_name=first_name)


@pytest.fixture
def cohort(db):
    return CohortFactory()


def test_templates_are_created_with_default_texts_on_first_visit(team_client, cohort):
    response = team_client.get(f"/equipe/decisions/{cohort.number}/")

    assert response.status_code == 200
    templates = {t.outcome: t for t in DecisionTemplate.objects.filter(cohort=cohort)}
    assert set(templates) == {Status.SELECTED, Status.WAITLISTED, Status.REJECTED}
    assert "Félicitations" in templates[Status.SELECTED].body
    assert "contrat" in templates[Status.SELECTED].body
    assert "liste d'attente" in templates[Status.WAITLISTED].body
    assert "/donnees-personnelles/" in templates[Status.REJECTED].body
    assert "candidater de nouveau" in templates[Status.REJECTED].body
    # A second visit creates nothing more.
    team_client.get(f"/equipe/decisions/{cohort.number}/")
    assert DecisionTemplate.objects.filter(cohort=cohort).count() == 3


def test_preview_fills_placeholders_for_a_real_candidate_and_escapes_html(team_client, cohort):
    application = make_application(cohort, Status.SELECTED, first_name="<b>Zoé</b>")
    template = decision_templates(cohort)[Status.SELECTED]
    template.body = "Bonjour {prénom}, <i>bravo</i> pour {défis} ({promotion}) {inconnu"
    template.save()

    html = team_client.get(f"/equipe/decisions/{cohort.number}/").content.decode()

    assert "Bonjour &lt;b&gt;Zoé&lt;/b&gt;, &lt;i&gt;bravo&lt;/i&gt;" in html
    assert "<b>Zoé</b>" not in html
    challenge = application.choices.get().challenge
    assert f"pour {challenge}" in html
    assert f"/equipe/decisions/{cohort.number}/selected/envoyer/" in html


def test_decisions_are_e_mailed_once_per_candidate_of_that_outcome_only(
    cohort, carol, mailoutbox, django_capture_on_commit_callbacks
):
    retained = [
        make_application(cohort, Status.SELECTED, first_name=name) for name in ("Alice", "Bruno")
    ]
    waitlisted = make_application(cohort, Status.WAITLISTED, first_name="Chloé")
    rejected = make_application(cohort, Status.REJECTED, first_name="Driss")
    make_application(CohortFactory(), Status.SELECTED, first_name="Autre")
    make_application(cohort, Status.INTERVIEWED, first_name="Pas encore")
    decision_templates(cohort)

    with django_capture_on_commit_callbacks(execute=True):
        send_decisions(cohort=cohort, outcome=Status.SELECTED, by=carol, before_teams=True)

    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(a.email for a in retained)
    assert all(len(mail.to) == 1 for mail in mailoutbox)
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    alice = by_address[retained[0].email]
    assert alice.body.startswith("Bonjour Alice,")
    assert "Félicitations" in alice.body
    assert str(cohort) in alice.subject

    with django_capture_on_commit_callbacks(execute=True):
        send_decisions(cohort=cohort, outcome=Status.WAITLISTED, by=carol)
        send_decisions(cohort=cohort, outcome=Status.REJECTED, by=carol)

    assert len(mailoutbox) == 4
    [to_waitlisted] = [m for m in mailoutbox if m.to == [waitlisted.email]]
    [to_rejected] = [m for m in mailoutbox if m.to == [rejected.email]]
    assert "liste d'attente" in to_waitlisted.body and "Bonjour Chloé" in to_waitlisted.body
    assert "/donnees-personnelles/" in to_rejected.body and "Bonjour Driss" in to_rejected.body

    with pytest.raises(NothingToSend):
        send_decisions(cohort=cohort, outcome=Status.SELECTED, by=carol, before_teams=True)
    assert len(mailoutbox) == 4
    assert DecisionNotice.objects.count() == 4
    sent = AuditEntry.objects.filter(action__startswith="decision.sent_")
    assert sorted(sent.values_list("action", flat=True)) == [
        "decision.sent_before_teams",
        "decision.sent_rejected",
        "decision.sent_selected",
        "decision.sent_waitlisted",
    ]


def test_a_waitlisted_candidate_retained_later_is_told_again(
    cohort, carol, mailoutbox, django_capture_on_commit_callbacks
):
    application = make_application(cohort, Status.WAITLISTED)
    decision_templates(cohort)
    with django_capture_on_commit_callbacks(execute=True):
        send_decisions(cohort=cohort, outcome=Status.WAITLISTED, by=carol)
    Application.objects.filter(pk=application.pk).update(status=Status.SELECTED)
    application.refresh_from_db()
    assert candidate_status_label(application) == "liste d'attente"

    with django_capture_on_commit_callbacks(execute=True):
        send_decisions(cohort=cohort, outcome=Status.SELECTED, by=carol, before_teams=True)

    assert len(mailoutbox) == 2
    assert candidate_status_label(application) == "retenue"


def test_team_sends_from_the_page_and_a_second_send_is_refused(
    team_client, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    make_application(cohort, Status.REJECTED)
    decision_templates(cohort)
    url = f"/equipe/decisions/{cohort.number}/rejected/envoyer/"
    confirmed = {"recipients": team_client.get(url).context["form"]["recipients"].value()}

    with django_capture_on_commit_callbacks(execute=True):
        response = team_client.post(url, confirmed)
    assert response.url == f"/equipe/decisions/{cohort.number}/#decision-rejected"
    again = team_client.post(url, confirmed, follow=True).content.decode()

    assert len(mailoutbox) == 1
    assert "n&#x27;attend sa décision : rien n&#x27;est envoyé" in again
    assert "Aucune candidature n’attend cette décision." in again


def test_candidate_sees_the_outcome_only_once_it_is_sent(
    client, cohort, carol, django_capture_on_commit_callbacks
):
    application = make_application(cohort, Status.SELECTED)
    client.force_login(application.candidate)

    before = client.get("/mon-espace/").content.decode()
    assert "en cours d’examen" in before
    assert "retenue" not in before
    assert candidate_status_label(application) == "en cours d’examen"

    decision_templates(cohort)
    with django_capture_on_commit_callbacks(execute=True):
        send_decisions(cohort=cohort, outcome=Status.SELECTED, by=carol, before_teams=True)

    after = client.get("/mon-espace/").content.decode()
    assert candidate_status_label(application) == "retenue"
    assert ">retenue<" in after
    assert "Félicitations" in after
    assert "en cours d’examen" not in after


def test_invalid_template_shows_the_error_next_to_the_field_and_keeps_the_text(team_client, cohort):
    response = team_client.post(
        f"/equipe/decisions/{cohort.number}/selected/modele/",
        {"selected-subject": "", "selected-body": "Mon texte à moi"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mon texte à moi" in html
    assert "fr-input-group--error" in html
    template = DecisionTemplate.objects.get(cohort=cohort, outcome=Status.SELECTED)
    assert template.subject != "" and "Mon texte à moi" not in template.body


def test_unknown_placeholder_is_refused_and_a_valid_template_is_saved(team_client, cohort):
    url = f"/equipe/decisions/{cohort.number}/waitlisted/modele/"

    refused = team_client.post(url, {"waitlisted-subject": "S", "waitlisted-body": "{nom}"})
    assert "Champ inconnu : {nom}" in refused.content.decode()

    saved = team_client.post(
        url, {"waitlisted-subject": "Objet", "waitlisted-body": "Bonjour {prénom}"}
    )
    assert saved.status_code == 302
    template = DecisionTemplate.objects.get(cohort=cohort, outcome=Status.WAITLISTED)
    assert (template.subject, template.body) == ("Objet", "Bonjour {prénom}")


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", ""), ("post", "selected/modele/"), ("post", "selected/envoyer/")],
)
def test_only_the_programme_team_uses_decisions(client, alice, cohort, method, path, mailoutbox):
    make_application(cohort, Status.SELECTED)
    url = f"/equipe/decisions/{cohort.number}/{path}"

    anonymous = getattr(client, method)(url)
    assert anonymous.status_code == 302 and anonymous.url.startswith("/connexion/")
    client.force_login(alice)
    assert getattr(client, method)(url).status_code == 404
    assert DecisionNotice.objects.count() == 0


def test_team_pages_for_unknown_cohort_or_outcome_are_not_found(team_client, cohort):
    assert team_client.get("/equipe/decisions/999/").status_code == 404
    assert team_client.post(f"/equipe/decisions/{cohort.number}/draft/envoyer/").status_code == 404
    assert team_client.get(f"/equipe/decisions/{cohort.number}/").status_code == 200
