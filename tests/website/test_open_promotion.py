"""The public site speaks of the promotion whose call is open: home, dates, criteria, défis,
défi pages, rules (with the earlier promotions one click away)."""

import datetime
import re

import pytest
from django.utils import timezone

from eig.challenges.models import Challenge, Mentor
from eig.cohorts.models import RulesVersion, time_left_label
from eig.demo.open_call import calendar, load_open_call


@pytest.fixture
def open_call(demo):
    """The demo's Promotion 3, its call open, beside Promotions 1 and 2 (the featured one)."""
    return load_open_call(demo)


def listed(html):
    return re.findall(r'class="fr-card__title"><a href="/defis/([^/]+)/"', html)


def test_the_home_page_speaks_of_the_promotion_whose_call_is_open(client, open_call):
    html = client.get("/").content.decode()

    assert "<h1>Entrepreneurs d&#x27;intérêt général — Promotion 3</h1>" in html
    assert "L’appel à candidatures de la Promotion 3 est ouvert" in html
    assert "Aucune date à venir" not in html
    closes = timezone.localtime(open_call.application_call_closes_at).strftime("%Y")
    assert "Auditions des candidat·e·s" in html and closes in html
    # The availability criterion comes from the cohort's own start, not from 2018.
    criteria = html[html.index("criteria-title") : html.index("dates-title")]
    assert "2018" not in criteria
    assert f"à partir du {open_call.starts_on.day} " in criteria
    assert 'href="/promotions/"' in html


def test_the_call_tells_the_time_left_in_one_honest_unit(client, open_call):
    open_call.application_call_closes_at = timezone.now() + datetime.timedelta(days=58)
    open_call.save()

    html = client.get("/").content.decode()

    assert "Il reste 8 semaines : clôture le" in html
    assert "Il reste 1 mois" not in html


@pytest.mark.parametrize(
    ("left", "label"),
    [
        (datetime.timedelta(days=58, hours=3), "8 semaines"),
        (datetime.timedelta(days=14), "2 semaines"),
        (datetime.timedelta(days=13, hours=23), "13 jours"),
        (datetime.timedelta(days=2), "2 jours"),
        (datetime.timedelta(days=1, hours=22), "46 heures"),
        (datetime.timedelta(hours=1), "1 heure"),
        (datetime.timedelta(minutes=59), "moins d’une heure"),
    ],
)
def test_time_left_is_rounded_down_in_a_single_unit(left, label):
    assert time_left_label(left) == label


def test_the_demo_calendar_is_coherent_and_keeps_office_days():
    for day in range(14):
        now = datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.UTC) + datetime.timedelta(day)
        dates = calendar(now)
        assert dates["application_call_closes_at"].date() < dates["auditions_start"]
        assert dates["auditions_end"] < dates["starts_on"] < dates["ends_on"]
        assert dates["year"] == dates["starts_on"].year
        for key in ("auditions_start", "auditions_end", "starts_on"):
            assert dates[key].weekday() < 5, (now, key)


def test_the_challenge_list_opens_on_the_open_promotion(client, open_call):
    html = client.get("/defis/").content.decode()

    assert sorted(listed(html)) == sorted(
        Challenge.objects.filter(cohort=open_call).values_list("slug", flat=True)
    )
    assert f'<option value="{open_call.number}" selected>' in html


def test_the_challenge_search_ignores_accents_and_case(client, open_call):
    found = listed(client.get("/defis/", {"recherche": "DONNEES marches"}).content.decode())
    by_host = listed(
        client.get("/defis/", {"recherche": "administration demonstration"}).content.decode()
    )
    everywhere = client.get("/defis/", {"recherche": "donnees", "promotion": "toutes"})

    assert found == ["demo-donnees-des-marches"]
    assert len(by_host) == 4
    assert "demo-donnees-des-marches" in listed(everywhere.content.decode())
    assert len(listed(everywhere.content.decode())) > 1  # Promotion 2 défis too


def test_a_challenge_page_answers_pay_contract_start_place_remote_and_mentors(client, open_call):
    html = client.get("/defis/demo-cartes-des-services/").content.decode()

    assert "4\xa0000 € nets par mois" in html
    assert "Contrat de droit public à durée déterminée, 10 mois à temps plein" in html
    assert open_call.starts_on.strftime("%Y") in html and "Début" in html
    assert "Lyon" in html and "Télétravail partiel" in html
    assert "2 EIG recherché·e·s" in html
    assert "Claire Fontaine (fictive)" in html


def test_mentors_who_did_not_consent_are_not_named_and_the_page_says_when_they_will_be(
    client, open_call
):
    challenge = Challenge.objects.get(slug="demo-previsions-affluence")
    assert Mentor.objects.filter(challenge=challenge, consents_to_publication=False).exists()

    html = client.get(challenge.get_absolute_url()).content.decode()

    assert "Nadia Benali" not in html
    assert "seront présentés à l’équipe à son arrivée" in html
    assert "ne sont pas présentés" not in html


def test_the_rules_page_shows_the_open_promotion_rules_and_the_others_one_click_away(
    client, open_call
):
    html = client.get("/reglement/").content.decode()

    assert "Règlement de la Promotion 3" in html
    assert "Version 1, publiée le" in html
    assert "non publié" not in html
    assert "2017" not in html[html.index("rules-title") : html.index("other-rules-title")]
    assert 'href="/reglement/?promotion=2"' in html

    earlier = client.get("/reglement/", {"promotion": "2"}).content.decode()
    assert "Règlement de la Promotion 2 (2018)" in earlier
    assert "27 septembre au 27 octobre 2017" in earlier
    assert "EIG-promotion2_reglement_programme_VFF.pdf" in earlier


def test_an_earlier_version_stays_readable_and_an_unknown_one_is_said(client, open_call):
    RulesVersion.objects.create(
        cohort=open_call,
        version="2",
        published_on=timezone.localdate(),
        text="<p>Deuxième version : la clôture est reportée.</p>",
    )

    current = client.get("/reglement/").content.decode()
    first = client.get("/reglement/", {"promotion": "3", "version": "1"}).content.decode()
    unknown = client.get("/reglement/", {"promotion": "9", "version": "x"})

    assert "Deuxième version" in current
    assert 'href="/reglement/?promotion=3&amp;version=1"' in current
    assert "Version 1, publiée le" in first and "Deuxième version" not in first
    assert unknown.status_code == 200
    assert "Ce règlement n’existe pas ou n’est pas publié" in unknown.content.decode()


def test_a_version_in_preparation_is_not_shown(client, open_call):
    RulesVersion.objects.create(
        cohort=open_call, version="2", published_on=None, text="<p>Brouillon secret.</p>"
    )

    assert "Brouillon secret" not in client.get("/reglement/").content.decode()
    hidden = client.get("/reglement/", {"promotion": "3", "version": "2"}).content.decode()
    assert "Brouillon secret" not in hidden
