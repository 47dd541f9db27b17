"""The evaluation grid of each cohort in the Wagtail admin, edited by the programme team."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from eig.selection.models import ReviewGrid


class ReviewGridViewSet(SnippetViewSet):
    model = ReviewGrid
    icon = "list-ol"
    menu_label = _("Grilles d'évaluation")
    add_to_admin_menu = True
    list_display = ["cohort", "reviewing_deadline"]
    panels = [
        FieldPanel("cohort"),
        FieldPanel("reviewing_deadline"),
        InlinePanel(
            "criteria",
            label=_("Critères"),
            panels=[
                FieldRowPanel([FieldPanel("key"), FieldPanel("weight"), FieldPanel("scored")]),
                FieldPanel("label"),
                FieldPanel("hint"),
            ],
        ),
    ]


register_snippet(ReviewGridViewSet)
