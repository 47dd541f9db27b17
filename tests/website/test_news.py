"""News: the index and its articles in Wagtail, their RSS and Atom feeds, the home's latest."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from eig.website.models import NewsArticlePage, NewsIndexPage

ATOM = "{http://www.w3.org/2005/Atom}"


def add_article(index, slug, published_on, tags=(), **fields):
    article = NewsArticlePage(
        title=fields.pop("title", f"Article {slug}"),
        slug=slug,
        published_on=published_on,
        author="L’équipe du programme",
        intro=fields.pop("intro", f"Le chapeau de {slug}."),
        **fields,
    )
    index.add_child(instance=article)
    article.tags.set(list(tags))
    article.save_revision().publish()
    return article


@pytest.fixture
def index(demo):
    return NewsIndexPage.objects.get(locale__language_code="fr")


def test_the_demo_publishes_a_news_index_with_articles(client, index):
    html = client.get(index.url).content.decode()

    assert index.url == "/actualites/"
    titles = [article.title for article in index.articles()]
    assert len(titles) >= 4
    assert html.index(titles[0]) < html.index(titles[-1])  # newest first
    assert 'type="application/rss+xml"' in html and 'href="/actualites/rss.xml"' in html


def test_the_index_filters_by_tag(client, index):
    add_article(index, "une-autre", datetime.date(2030, 1, 2), tags=["Données ouvertes"])

    html = client.get(index.url + "?etiquette=donnees-ouvertes").content.decode()

    assert "Article une-autre" in html
    assert "Treize défis pour la Promotion 2" not in html
    assert (
        "Aucune actualité ne porte cette étiquette."
        in client.get(index.url + "?etiquette=inconnue").content.decode()
    )


def test_the_index_paginates(client, index):
    for day in range(1, 14):
        add_article(index, f"serie-{day}", datetime.date(2031, 1, day))

    first = client.get(index.url).content.decode()
    second = client.get(index.url + "?page=2").content.decode()
    beyond = client.get(index.url + "?page=999")

    assert "Article serie-13" in first and "Article serie-1<" not in first
    assert "Page suivante" in first
    assert "Treize défis pour la Promotion 2" in second
    assert beyond.status_code == 200  # the last page, not an error


def test_an_article_shows_its_date_author_tags_and_described_cover(client, index):
    image = Image.objects.create(title="Demo Day", file=get_test_image_file())
    article = add_article(
        index,
        "couverture",
        datetime.date(2030, 3, 1),
        tags=["Promotion 2"],
        cover_image=image,
        cover_alt="Une équipe présente son prototype devant la promotion",
    )

    html = client.get(article.url).content.decode()

    assert "Publié le 1 mars 2030 par L’équipe du programme" in html
    assert 'alt="Une équipe présente son prototype devant la promotion"' in html
    assert "?etiquette=promotion-2" in html


def test_a_cover_image_needs_its_alternative_text_or_to_be_declared_decorative(index):
    image = Image.objects.create(title="Sans texte", file=get_test_image_file())
    article = NewsArticlePage(
        title="Sans texte", slug="sans-texte", author="Moi", intro="…", cover_image=image
    )

    with pytest.raises(ValidationError) as error:
        article.full_clean(exclude=["path", "depth"])

    assert "cover_alt" in error.value.message_dict
    article.cover_is_decorative = True
    article.full_clean(exclude=["path", "depth"])  # decorative: no text needed


def test_the_rss_feed_is_valid_rss_2(client, index):
    response = client.get("/actualites/rss.xml")

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") and channel.findtext("description")
    assert channel.findtext("link").endswith("/actualites/")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [a.title for a in index.articles()]
    for item in items:
        assert item.findtext("link").startswith("http")
        assert item.findtext("guid").startswith("http")
        assert item.findtext("pubDate")  # RFC 822, parsed back below
        datetime.datetime.strptime(item.findtext("pubDate"), "%a, %d %b %Y %H:%M:%S %z")
    assert [c.text for c in items[0].findall("category")]


def test_the_atom_feed_is_valid_atom_1(client, index):
    response = client.get("/actualites/atom.xml")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{required}")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == index.articles().count()
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{required}")
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
        assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name")
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))


def test_feeds_say_so_when_no_news_is_published(client, index):
    index.unpublish()

    assert client.get("/actualites/rss.xml").status_code == 404
    assert client.get("/actualites/atom.xml").status_code == 404


def test_the_home_shows_the_three_latest_articles(client, index):
    add_article(index, "la-plus-recente", datetime.date(2040, 1, 1), title="La plus récente")

    html = client.get("/").content.decode()

    assert "Les dernières actualités" in html
    assert "La plus récente" in html
    assert html.count('class="fr-card fr-enlarge-link"') >= 3
    assert "Toutes les actualités" in html
    assert "Administrations : proposez vos défis" not in html  # the oldest, beyond three


def test_the_menu_leads_to_the_news(client, index):
    html = client.get("/").content.decode()

    assert 'href="/actualites/"' in html
    assert 'href="/actualites/" aria-current="page"' in client.get(index.url).content.decode()
