"""Editorial pages, edited by the programme team in Wagtail; the figures come from the domain."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

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
        from eig.website.selectors import home_context

        return {**super().get_context(request, *args, **kwargs), **home_context()}


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
