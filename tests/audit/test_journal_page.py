"""The journal's page: French labels and no raw codes, every link with its text, a date range."""

import datetime
import re

from django.utils import timezone

from eig.audit.models import Action, AuditEntry
from eig.audit.services import record
from tests.factories import ApplicationFactory

JOURNAL = "/equipe/journal/"


def links_without_text(html):
    return [
        link
        for link, text in re.findall(r"(<a\b[^>]*>)(.*?)</a>", html, re.S)
        if not re.sub(r"<[^>]+>", "", text).strip()
    ]


def test_actions_read_as_labels_and_every_link_has_a_text(team_client, bob, cohort):
    application = ApplicationFactory(cohort=cohort)
    record(action=Action.APPLICATION_VIEWED, actor=bob.user, target=application)
    # Its name erased by the retention: the link to its entries still says something.
    AuditEntry.objects.filter(target_id=str(application.public_id)).update(target_label="")

    html = team_client.get(JOURNAL).text

    assert "A consulté la candidature" in html
    assert "<code>application.viewed</code>" not in html
    assert "objet sans nom (données effacées)" in html
    assert links_without_text(html) == []
    assert f'href="?auteur={bob.user.email}"' in html.replace("%40", "@")


def test_the_date_range_keeps_the_entries_of_those_days_in_paris(team_client, carol, cohort):
    entry = record(action=Action.ASSIGNMENT_RELEASED, actor=carol, target=cohort)
    # 23h30 UTC on 9 March is 00h30 on 10 March in Paris.
    AuditEntry.objects.filter(pk=entry.pk).update(
        created_at=datetime.datetime(2026, 3, 9, 23, 30, tzinfo=datetime.UTC)
    )

    def shown(**days):
        response = team_client.get(JOURNAL, {"action": Action.ASSIGNMENT_RELEASED, **days})
        return [e.pk for e in response.context["page"]]

    assert shown(du="2026-03-10", au="2026-03-10") == [entry.pk]
    assert shown(du="2026-03-11") == []
    assert shown(au="2026-03-09") == []


def test_a_range_that_ends_before_it_starts_is_an_error_next_to_its_end(team_client):
    response = team_client.get(JOURNAL, {"du": "2026-03-10", "au": "2026-03-01"})

    error = re.search(r'id="id_au-desc-error">(.*?)</div>', response.text, re.S)
    assert "Choisissez un jour égal ou postérieur au premier jour." in error.group(1)
    assert 'value="2026-03-10"' in response.text
    assert list(response.context["page"]) == []


def test_the_journal_is_paginated_with_its_filters_kept(team_client, carol, cohort):
    for _ in range(101):
        record(action=Action.ASSIGNMENT_RELEASED, actor=carol, target=cohort)
    today = timezone.localdate().isoformat()

    response = team_client.get(JOURNAL, {"action": Action.ASSIGNMENT_RELEASED, "du": today})

    assert len(response.context["page"]) == 100
    assert f'href="?action=assignment.released&amp;du={today}&amp;page=2"' in response.text
