"""Editorial pages, edited by the programme team in Wagtail; the figures come from the domain."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from eig.website.blocks import BodyBlock, FaqSectionBlock


class HomePage(Page):
    intro = models.TextField(_("introduction"), max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("présentation du programme"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "website/home_page.html"

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        from eig.website.selectors import HOME_KEYS, home_context, lazy_items

        # Lazy: the page's cached fragment needs none of it.
        context = super().get_context(request, *args, **kwargs)
        return {**context, **lazy_items(home_context, HOME_KEYS)}


class ContentPage(Page):
    """A page of text: the rules, legal notice, accessibility statement, personal data..."""

    intro = models.TextField(_("chapeau"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["website.HomePage", "website.ContentPage"]
    template = "website/content_page.html"

    class Meta:
        verbose_name = _("page de contenu")


class RulesPage(ContentPage):
    """The rules of the promotion the site speaks of, the others one click away
    (?promotion=<number>, and &version=<version> for an earlier version)."""

    parent_page_types = ["website.HomePage"]
    max_count = 1
    template = "website/rules_page.html"

    class Meta:
        verbose_name = _("page du règlement")

    def get_context(self, request, *args, **kwargs):
        from eig.website.selectors import rules_to_show

        context = super().get_context(request, *args, **kwargs)
        context.update(rules_to_show(request.GET))
        return context


class FaqPage(Page):
    intro = models.TextField(_("chapeau"), max_length=600, blank=True)
    sections = StreamField(
        [("section", FaqSectionBlock())], verbose_name=_("rubriques"), blank=True
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("sections")]
    parent_page_types = ["website.HomePage"]
    template = "website/faq_page.html"

    class Meta:
        verbose_name = _("foire aux questions")


class SitemapPage(Page):
    intro = models.TextField(_("chapeau"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    max_count = 1
    template = "website/sitemap_page.html"

    class Meta:
        verbose_name = _("plan du site")

    def get_context(self, request, *args, **kwargs):
        from eig.website.selectors import sitemap_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sitemap_sections(self.get_site())
        return context


class NewsIndexPage(Page):
    """The programme's news: articles, newest first, filtered by tag, with RSS and Atom feeds."""

    intro = models.TextField(_("chapeau"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["website.NewsArticlePage"]
    max_count = 1
    template = "website/news_index_page.html"
    per_page = 12

    class Meta:
        verbose_name = _("actualités")

    def articles(self):
        return (
            NewsArticlePage.objects.live()
            .public()
            .child_of(self)
            .select_related("cover_image")
            .prefetch_related("tags")
            .order_by("-published_on", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        tag = request.GET.get("etiquette", "").strip()
        if tag:
            articles = articles.filter(tags__slug=tag)
        page = Paginator(articles, self.per_page).get_page(request.GET.get("page"))
        context.update(
            page_obj=page,
            tag=tag,
            tags=NewsArticleTag.tags_in_use(),
        )
        return context


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "website.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    @classmethod
    def tags_in_use(cls):
        from taggit.models import Tag

        live = NewsArticlePage.objects.live().public().values("pk")
        return (
            Tag.objects.filter(website_newsarticletag_items__content_object__in=live)
            .distinct()
            .order_by("name")
        )


class NewsArticlePage(Page):
    """A news article: a date, an author, a cover image with its alternative text, tags."""

    published_on = models.DateField(_("date de publication"), default=timezone.localdate)
    author = models.CharField(
        _("auteur ou autrice"),
        max_length=120,
        help_text=_("Par exemple « L’équipe du programme »."),
    )
    intro = models.TextField(_("chapeau"), max_length=600)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de couverture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt = models.CharField(
        _("texte alternatif de l’image"),
        max_length=250,
        blank=True,
        help_text=_(
            "Ce que l’image apporte à qui ne la voit pas. Laissez vide si elle est décorative."
        ),
    )
    cover_is_decorative = models.BooleanField(_("image décorative"), default=False)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name=_("étiquettes"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("published_on"), FieldPanel("author")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt"), FieldPanel("cover_is_decorative")],
            heading=_("Image de couverture"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["website.NewsIndexPage"]
    subpage_types = []
    template = "website/news_article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self):
        super().clean()
        # An image either says something (its alternative text) or is declared decorative.
        if self.cover_image_id and not (self.cover_alt.strip() or self.cover_is_decorative):
            raise ValidationError(
                {
                    "cover_alt": _(
                        "Décrivez l’image pour qui ne la voit pas, ou cochez « image décorative »."
                    )
                }
            )
