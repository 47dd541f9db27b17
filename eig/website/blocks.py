from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("réponse"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("question")


class FaqSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre de la rubrique"), max_length=120)
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("rubrique")
        template = "website/blocks/faq_section.html"


class RetentionPeriodsBlock(blocks.StaticBlock):
    """The retention periods, read where the retention reads them: never typed in a page."""

    def get_context(self, value, parent_context=None):
        # Imported here: the blocks load with the models, before the other apps are ready.
        from eig.applications.retention import published_periods

        context = super().get_context(value, parent_context)
        context["periods"] = published_periods()
        return context

    class Meta:
        icon = "time"
        label = _("durées de conservation")
        admin_text = _(
            "Le tableau des durées de conservation des données, lues dans les réglages des "
            "promotions et de la plateforme : rien à saisir."
        )
        template = "website/blocks/retention_periods.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("intertitre"), max_length=200, template="website/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("paragraphe"), features=RICH_TEXT_FEATURES)
    callout = blocks.StructBlock(
        [
            ("title", blocks.CharBlock(label=_("titre"), max_length=200)),
            ("text", blocks.TextBlock(label=_("texte"))),
        ],
        label=_("mise en avant"),
        icon="pick",
        template="website/blocks/callout.html",
    )
    retention_periods = RetentionPeriodsBlock()
