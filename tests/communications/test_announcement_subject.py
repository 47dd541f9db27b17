"""An announcement's subject: typed on one line, and sent on one line even if stored on two."""

import datetime

from eig.communications.models import Announcement
from eig.communications.services import send_announcement
from tests.communications.test_communications import cohort_closing_in, make_application


def test_a_subject_stored_on_two_lines_goes_on_one_to_everyone(
    carol, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = cohort_closing_in(datetime.timedelta(days=5))
    make_application(cohort, "a@exemple.fr")
    make_application(cohort, "b@exemple.fr")
    announcement = Announcement.objects.create(
        cohort=cohort, subject="Report\r\nde la date", body="Prolongé.", created_by=carol
    )

    with django_capture_on_commit_callbacks(execute=True):
        send_announcement(announcement=announcement, by=carol)

    assert [mail.subject for mail in mailoutbox] == ["Report de la date"] * 2


def test_the_team_cannot_type_a_subject_on_two_lines(team_client):
    cohort = cohort_closing_in(datetime.timedelta(days=5))

    response = team_client.post(
        "/equipe/annonces/nouvelle/",
        {"cohort": cohort.pk, "subject": "Report\nde la date", "body": "Ligne 1\r\nLigne 2"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ce champ contient un retour à la ligne après « Report »" in page
    assert "Ligne 1\r\nLigne 2" in page
    assert Announcement.objects.count() == 0
