"""Every public page answers, in French, with one h1, a meaningful title and the footer links."""

import html as html_module
import re

import pytest

PUBLIC_PAGES = {
    "/": "Entrepreneurs d",
    "/defis/": "Les défis d’intérêt général",
    "/defis/signauxfaibles/": "Signaux Faibles",
    "/promotions/": "Les promotions",
    "/promotions/1/": "Promotion 1",
    "/promotions/2/": "Promotion 2",
    "/presse/": "Revue de presse",
    "/evenements/": "Événements",
    "/faq/": "Questions fréquentes",
    "/reglement/": "Règlement",
    "/mentions-legales/": "Mentions légales",
    "/accessibilite/": "accessibilité",
    "/donnees-personnelles/": "onnées personnelles",
    "/gestion-des-cookies/": "ookies",
    "/plan-du-site/": "Plan du site",
}
FOOTER_LINKS = [
    "/plan-du-site/",
    "/accessibilite/",
    "/mentions-legales/",
    "/donnees-personnelles/",
    "/gestion-des-cookies/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_page_answers_with_its_title_and_mandatory_links(client, demo, url):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    h1s = re.findall(r"<h1[ >].*?</h1>", html, flags=re.S)
    assert len(h1s) == 1
    assert PUBLIC_PAGES[url] in h1s[0]
    title = html_module.unescape(re.search(r"<title>(.*?)</title>", html, flags=re.S).group(1))
    title = title.strip()
    assert title.endswith("— Entrepreneurs d'intérêt général")
    assert len(title) > len("— Entrepreneurs d'intérêt général") + 3
    assert "République<br>Française" in html  # the Marianne block
    for link in FOOTER_LINKS:
        assert f'href="{link}"' in html


def test_each_page_has_its_own_title(client, demo):
    titles = set()
    for url in PUBLIC_PAGES:
        html = client.get(url).content.decode()
        titles.add(re.search(r"<title>(.*?)</title>", html, flags=re.S).group(1).strip())
    assert len(titles) == len(PUBLIC_PAGES)


def test_navigation_marks_the_current_section(client, demo):
    html = client.get("/presse/").content.decode()

    assert re.search(r'href="/presse/"\s+aria-current="page"', html)
    assert not re.search(r'href="/defis/"\s+aria-current="page"', html)


def test_breadcrumb_leads_back_to_the_list(client, demo):
    html = client.get("/defis/hopkins/").content.decode()

    assert 'class="fr-breadcrumb"' in html
    assert '<a class="fr-breadcrumb__link" href="/defis/">Les défis</a>' in html
    assert 'aria-current="page">Hopkins</a>' in html


def test_footer_shows_the_accessibility_status_from_the_programme(client, demo):
    demo.accessibility_status = "partiellement"
    demo.save()

    html = client.get("/").content.decode()

    assert "Accessibilité : partiellement conforme" in html
