"""The news as RSS 2.0 and Atom 1.0 feeds, with the same articles as the news page."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from eig.website.models import NewsIndexPage

ITEMS_IN_FEED = 20


class NewsRssFeed(Feed):
    title = _("Actualités du programme Entrepreneurs d’intérêt général")
    description = _("Les dernières actualités du programme, de ses promotions et de ses défis.")

    def get_object(self, request):
        index = NewsIndexPage.objects.live().public().filter(locale__language_code=get_language())
        index = index.first()
        if index is None:
            raise Http404(_("Aucune page d’actualités n’est publiée."))
        return index

    def link(self, index):
        return index.url

    def items(self, index):
        return index.articles()[:ITEMS_IN_FEED]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        return article.url

    def item_guid(self, article):
        return f"{settings.SITE_URL.rstrip('/')}{article.url}"

    def item_author_name(self, article):
        return article.author

    def item_pubdate(self, article):
        midnight = datetime.datetime.combine(article.published_on, datetime.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, article):
        return article.last_published_at or self.item_pubdate(article)

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
