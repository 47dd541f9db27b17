import datetime
import re

from django.utils import timezone

from eig.press.models import PressItem
from tests.factories import EventFactory, PressItemFactory


def test_promotions_list_each_cohort_with_its_figures(client, demo):
    html = client.get("/promotions/").content.decode()

    assert "Promotion 1 (2017)" in html
    assert "Promotion 2 (2018)" in html
    assert re.search(r"11 EIG,\s+9 défis", html)
    assert re.search(r"27 EIG,\s+13 défis", html)


def test_promotion_1_detail(client, demo):
    html = client.get("/promotions/1/").content.decode()

    assert re.findall(r'eig-figure__value">([^<]*)<', html)[:2] == ["11", "9"]
    assert len(re.findall(r'class="fr-card__title"><a href="/defis/', html)) == 9


def test_promotion_2_detail(client, demo):
    html = client.get("/promotions/2/").content.decode()

    assert re.findall(r'eig-figure__value">([^<]*)<', html)[:2] == ["27", "13"]
    assert "Calendrier" in html
    assert "Auditions des candidat·e·s" in html


def test_unknown_cohort_gives_the_404_page(client, demo):
    for url in ["/promotions/99/", "/promotions/abc/", "/promotions/0/"]:
        response = client.get(url)

        assert response.status_code == 404, url
        assert "Page non trouvée" in response.content.decode()


def test_press_review_is_grouped_by_the_three_categories(client, demo):
    html = client.get("/presse/").content.decode()

    headings = re.findall(r'<h2 id="press-\d">([^<]*)</h2>', html)
    assert headings == [
        "Du côté de la DINSIC",
        "Ailleurs dans la presse",
        "Du côté des administrations",
    ]
    for category in PressItem.Category:
        assert PressItem.objects.filter(category=category).exists()
    item = PressItem.objects.exclude(published_on=None).first()
    assert item.title.replace("’", "’") in html or item.outlet in html
    assert f'href="{item.url}"' in html


def test_press_item_shows_outlet_and_date(client, db):
    PressItemFactory(
        title="Un article",
        outlet="Acteurs Publics",
        published_on=datetime.date(2017, 7, 11),
        url="https://presse.example/un-article",
    )

    html = client.get("/presse/").content.decode()

    assert 'href="https://presse.example/un-article"' in html
    assert "Acteurs Publics" in html
    assert '<time datetime="2017-07-11">11 juillet 2017</time>' in html


def test_events_are_split_between_upcoming_and_past(client, db):
    today = timezone.localdate()
    EventFactory(title="Demo Day", starts_on=today + datetime.timedelta(days=30))
    EventFactory(title="Bootcamp", starts_on=today - datetime.timedelta(days=30))

    html = client.get("/evenements/").content.decode()

    upcoming, past = html.split('id="past-title"')
    assert "Demo Day" in upcoming and "Bootcamp" not in upcoming
    assert "Bootcamp" in past


def test_demo_events_show_place_dates_and_link(client, demo):
    html = client.get("/evenements/").content.decode()

    assert "Liberté Living Lab" in html
    assert "https://rdv.etalab.gouv.fr/e/23/" in html
