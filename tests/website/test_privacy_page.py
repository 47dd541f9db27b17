"""The privacy page reads its retention periods where the retention reads them."""

import json

from wagtail.models import Page

from eig.cohorts.models import Cohort


def privacy_page(client):
    return client.get("/donnees-personnelles/").content.decode()


def test_the_periods_shown_are_those_of_the_cohorts_and_the_settings(client, demo, settings):
    settings.RETENTION_JOURNAL_DAYS = 365
    settings.RETENTION_NOTICE_DAYS = 30

    html = privacy_page(client)

    assert '<th scope="row">Promotion 2</th>' in html
    assert "30 jours après la clôture de l’appel, puis supprimé avec son CV" in html
    assert "180 jours après la fin de la sélection, puis anonymisée" in html
    assert "730 jours (2 ans) après la fin de la sélection, puis anonymisée" in html
    assert "Vous êtes prévenu·e par e-mail 30 jours avant" in html
    assert "est conservé 365 jours (1 an)" in html


def test_changing_a_period_changes_the_page(client, demo, settings):
    Cohort.objects.update(rejected_retention_days=90, pool_retention_days=400)
    settings.RETENTION_JOURNAL_DAYS = 200
    settings.RETENTION_NOTICE_DAYS = 15

    html = privacy_page(client)

    assert "90 jours après la fin de la sélection" in html
    assert "400 jours après la fin de la sélection" in html
    assert "180 jours" not in html
    assert "prévenu·e par e-mail 15 jours avant" in html
    assert "est conservé 200 jours" in html


def test_without_a_call_the_page_shows_the_defaults_of_a_new_cohort(client, demo, settings):
    Cohort.objects.update(application_call_opens_at=None, application_call_closes_at=None)
    settings.RETENTION_DRAFT_DAYS = 45

    html = privacy_page(client)

    assert "Toute nouvelle promotion" in html
    assert "45 jours après la clôture de l’appel" in html


def test_the_demo_page_says_the_periods_through_the_block_never_as_typed_numbers(demo):
    page = Page.objects.get(slug="donnees-personnelles", locale__language_code="fr")
    body = json.dumps(list(page.specific.body.raw_data))

    assert '"type": "retention_periods"' in body
    for typed in ("30 jours", "180 jours", "730 jours", "365 jours"):
        assert typed not in body


def test_the_page_says_what_the_export_leaves_out_and_why(client, demo):
    html = privacy_page(client)

    assert "Télécharger vos données" in html
    assert "évaluations rédigées par les membres du jury" in html
    assert "L'article 15, paragraphe 4, du règlement général sur la protection des données" in html
