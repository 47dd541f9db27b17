from wagtail.models import Page


def test_rules_page_links_each_cohort_rules(client, demo):
    html = client.get("/reglement/").content.decode()

    assert "Règlement de la Promotion 2" in html
    assert "EIG-promotion2_reglement_programme_VFF.pdf" in html


def test_faq_lists_questions_for_candidates_and_administrations(client, demo):
    html = client.get("/faq/").content.decode()

    assert "Pour les candidat·e·s" in html
    assert "Pour les administrations" in html
    assert html.count('class="fr-accordion"') >= 15


def test_sitemap_lists_sections_cohorts_and_pages(client, demo):
    html = client.get("/plan-du-site/").content.decode()

    for url in ["/defis/", "/promotions/1/", "/promotions/2/", "/presse/", "/evenements/"]:
        assert f'href="{url}"' in html
    for url in ["/faq/", "/reglement/", "/mentions-legales/", "/accessibilite/"]:
        assert f'href="{url}"' in html


def test_accessibility_statement_has_the_required_sections(client, demo):
    html = client.get("/accessibilite/").content.decode()

    assert "RGAA" in html
    assert "Défenseur des droits" in html


def test_edited_page_is_shown_escaped(client, demo):
    page = Page.objects.get(slug="mentions-legales", locale__language_code="fr").specific
    page.intro = "<script>alert('x')</script> Nouvelle version"
    page.save_revision().publish()

    html = client.get("/mentions-legales/").content.decode()

    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Nouvelle version" in html
    assert "<script>alert" not in html
