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
