"""The evaluation grid of each cohort in the Wagtail admin, edited by the programme team."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from eig.selection.models import ReviewGrid
from eig.selection.notices import schedule_reviewer_reminder


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


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def schedule_reminder_of_edited_grid(request, instance):
    # The worker will remind reviewers REVIEWER_REMINDER_DAYS before the (possibly new) deadline.
    if isinstance(instance, ReviewGrid):
        schedule_reviewer_reminder(cohort=instance.cohort)
