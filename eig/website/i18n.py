"""The English site's page tree (docs/i18n.md).

Each French page has its English version: a translation made in Wagtail (« Traduire »), or an
alias that shows the French content with a notice until someone translates it. Wagtail makes
the alias of each new page (WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE); this fills the tree of a
site whose pages existed before the English site, at `migrate` and when the demo is loaded.
"""

from django.conf import settings
from wagtail.models import Locale, Page, Site


def ensure_english_tree():
    """The `en` locale and an English version of every page of the sites that has none."""
    homes = [
        site.root_page
        for site in Site.objects.select_related("root_page__locale")
        # Wagtail's placeholder of a fresh database is no site yet.
        if site.root_page.content_type.model_class() is not Page
        and site.root_page.locale.language_code == settings.LANGUAGE_CODE
    ]
    if not homes:
        return
    english, _created = Locale.objects.get_or_create(language_code="en")
    for home in homes:
        # Parents first: an alias needs its parent's English version.
        for page in Page.objects.descendant_of(home, inclusive=True).order_by("path"):
            if not page.has_translation(english):
                page.specific.copy_for_translation(english, copy_parents=True, alias=True)


def is_fallback(page):
    """Whether an English visitor reads this page in French: an alias of a French page."""
    return bool(page.alias_of_id) and page.locale.language_code != settings.LANGUAGE_CODE
