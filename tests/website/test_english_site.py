"""The public site in English under /en/ (docs/i18n.md): same addresses, language from the path
only, a switcher and hreflang links, Wagtail's English tree, a défi's English texts, and the
French content shown with a notice when nothing is translated yet."""

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Locale

from eig.challenges.models import Challenge
from eig.website.i18n import ensure_english_tree
from eig.website.models import ContentPage, HomePage

NOTICE = "fr-notice--info"

PUBLIC = [
    "/",
    "/defis/",
    "/defis/signauxfaibles/",
    "/promotions/",
    "/promotions/2/",
    "/presse/",
    "/evenements/",
    "/actualites/",
    "/appel-a-defis/",
    "/donnees/",
    "/statistiques/",
    "/faq/",
    "/reglement/",
    "/plan-du-site/",
    "/accessibilite/",
    "/mentions-legales/",
    "/donnees-personnelles/",
    "/gestion-des-cookies/",
]


def html_lang(response):
    return re.search(r'<html lang="([a-z]+)"', response.content.decode()).group(1)


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://eig.example"
    return settings.SITE_URL


@pytest.mark.parametrize("path", PUBLIC)
def test_every_public_page_is_in_english_under_en_and_in_french_where_it_was(client, demo, path):
    english = client.get("/en" + path)
    french = client.get(path, headers={"accept-language": "en"})

    assert (english.status_code, html_lang(english)) == (200, "en")
    assert (french.status_code, html_lang(french)) == (200, "fr")


def test_the_feeds_are_under_en_too(client, demo):
    assert client.get("/en/actualites/rss.xml").status_code == 200
    assert "<language>en</language>" in client.get("/en/actualites/rss.xml").content.decode()
    assert client.get("/en/evenements/agenda.ics").status_code == 200


def test_neither_the_browser_nor_a_cookie_turns_a_french_address_english(client, demo):
    client.cookies["django_language"] = "en"
    response = client.get("/defis/", headers={"accept-language": "en-GB,en;q=0.9"})

    assert html_lang(response) == "fr"
    assert response["Content-Language"] == "fr"
    with pytest.raises(NoReverseMatch):
        reverse("set_language")  # no view switches the language behind the address


def test_the_team_and_the_sign_in_stay_french_whatever_the_browser(team_client, demo):
    for path in ("/equipe/candidatures/", "/connexion/"):
        response = team_client.get(path, headers={"accept-language": "en"})
        assert (response.status_code, html_lang(response)) == (200, "fr"), path
        assert "hreflang" not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/en/equipe/candidatures/",
        "/en/candidater/",
        "/en/connexion/",
        "/en/ma-promotion/",
        "/en/mon-espace/",
        "/en/jury/",
        "/en/administration/",
        "/en/mes-espaces/",
    ],
)
def test_the_spaces_forms_and_sign_in_are_not_under_en(team_client, demo, path):
    assert team_client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path", ["/defis/signauxfaibles/", "/promotions/2/", "/mentions-legales/", "/actualites/"]
)
def test_hreflang_and_switcher_link_the_same_page_in_the_other_language(
    client, demo, site_url, path
):
    for shown, other in ((path, "/en" + path), ("/en" + path, path)):
        html = client.get(shown).content.decode()
        assert f'<link rel="alternate" hreflang="fr" href="{site_url}{path}">' in html
        assert f'<link rel="alternate" hreflang="en" href="{site_url}/en{path}">' in html
        assert f'<link rel="alternate" hreflang="x-default" href="{site_url}{path}">' in html
        switcher = re.findall(r'class="fr-translate__language[^"]*"[^>]*href="([^"]+)"', html)
        assert other in switcher and shown in switcher


def test_the_menu_and_the_brand_lead_to_the_english_home(client, demo):
    html = client.get("/en/defis/").content.decode()

    assert 'href="/en/"' in html
    assert 'href="/en/defis/" aria-current="page"' in html


def test_an_untranslated_page_shows_the_french_content_with_a_notice(client, demo):
    html = client.get("/en/mentions-legales/").content.decode()

    assert NOTICE in html
    assert '<div lang="fr">' in html
    french = ContentPage.objects.get(slug="mentions-legales", locale__language_code="fr")
    assert french.title in html


@pytest.mark.parametrize("path", ["/en/", "/en/faq/", "/en/reglement/"])
def test_a_translated_page_shows_its_english_content_without_notice(client, demo, path):
    response = client.get(path)
    html = response.content.decode()

    assert NOTICE not in html
    assert '<div lang="fr">' not in html
    page = response.context["page"]
    assert (page.locale.language_code, page.alias_of_id) == ("en", None)


def test_the_english_home_lists_the_english_tree_s_news_once(client, demo):
    html = client.get("/en/").content.decode()

    assert "/en/actualites/" in html
    links = re.findall(r'href="(/[^"]*actualites/[^"/]+/)"', html)
    assert links and all(link.startswith("/en/") for link in links)
    assert len(links) == len(set(links))


def test_a_challenge_reads_its_english_texts_and_falls_back_to_french(client, demo):
    translated = Challenge.objects.get(slug="signauxfaibles")
    translated.name_en, translated.summary_en = "Weak Signals", "Spotting businesses early."
    translated.problem_en = translated.challenge_en = "In English."
    translated.expected_results_en = translated.results_summary_en = "In English."
    translated.save()
    untranslated = Challenge.objects.published().exclude(pk=translated.pk).first()
    untranslated.name_en = untranslated.summary_en = ""
    untranslated.save()

    english = client.get(f"/en/defis/{translated.slug}/").content.decode()
    assert "<title>Weak Signals" in english and "Spotting businesses early." in english
    assert NOTICE not in english
    assert "Weak Signals" not in client.get(f"/defis/{translated.slug}/").content.decode()

    fallback = client.get(f"/en/defis/{untranslated.slug}/").content.decode()
    assert NOTICE in fallback
    assert re.search(r'<h1 class="fr-mt-2w" lang="fr">[^<]*</h1>', fallback)

    cards = client.get("/en/defis/?promotion=toutes").content.decode()
    assert ">Weak Signals</a>" in cards


def test_the_cached_fragments_are_kept_per_language(db):
    cache.clear()
    template = Template('{% load public_fragments %}{% fragment "t" %}{{ value }}{% endfragment %}')
    with translation.override("fr"):
        assert template.render(Context({"value": "français"})) == "français"
    with translation.override("en"):
        assert template.render(Context({"value": "english"})) == "english"


def test_an_existing_site_gets_its_english_tree(client, demo):
    home = HomePage.objects.get(locale__language_code="fr")
    # A page added outside Wagtail's admin gets no alias of its own…
    page = ContentPage(title="Page ajoutée", slug="page-ajoutee", intro="", body="[]")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert client.get("/en/page-ajoutee/").status_code == 404

    # …until the English tree is completed, as `migrate` does.
    ensure_english_tree()
    html = client.get("/en/page-ajoutee/").content.decode()
    assert "Page ajoutée" in html and NOTICE in html
    assert Locale.objects.filter(language_code="en").exists()


def test_events_read_their_english_texts_and_fall_back_to_french(client, db):
    from tests.factories import EventFactory

    EventFactory(
        title="Atelier données",
        title_en="Data workshop",
        description="Lire les données.",
        description_en="Reading data.",
        audience="public",
    )
    EventFactory(title="Atelier design", description="Dessiner les services.", audience="public")

    english = client.get("/en/evenements/").content.decode()
    assert "Data workshop" in english and "Reading data." in english
    assert "Atelier données" not in english
    assert re.search(r'<h3 class="fr-h6 fr-mb-1v" lang="fr">Atelier design</h3>', english)
    assert NOTICE in english

    french = client.get("/evenements/").content.decode()
    assert "Atelier données" in french and "Data workshop" not in french
    assert NOTICE not in french


def test_a_promotion_reads_its_english_presentation_or_says_it_is_in_french(client, db):
    from eig.website.purge import new_fragments_version
    from tests.factories import CohortFactory

    cohort = CohortFactory(is_published=True, number=61, year=2061, description="Une promotion.")

    fallback = client.get("/en/promotions/61/").content.decode()
    assert NOTICE in fallback
    assert '<p class="fr-text--lead" lang="fr">Une promotion.</p>' in fallback

    cohort.description_en = "A cohort."
    cohort.save()
    new_fragments_version()  # as the save does once committed (eig.website.purge)
    english = client.get("/en/promotions/61/").content.decode()
    assert "A cohort." in english and NOTICE not in english
    assert "Une promotion." in client.get("/promotions/61/").content.decode()


def test_the_call_for_challenges_says_its_texts_are_in_french(client, db):
    import datetime

    from django.utils import timezone

    from eig.proposals.models import ChallengeCall
    from tests.factories import CohortFactory

    now = timezone.now()
    ChallengeCall.objects.create(
        cohort=CohortFactory(number=62, year=2062),
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=10),
        introduction="Proposez vos défis.",
    )

    english = client.get("/en/appel-a-defis/").content.decode()
    assert NOTICE in english
    assert '<div class="fr-text--lead" lang="fr"><p>Proposez vos défis.</p></div>' in english
    assert NOTICE not in client.get("/appel-a-defis/").content.decode()
