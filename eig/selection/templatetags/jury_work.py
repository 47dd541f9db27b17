"""The jury's work on an application, for the team's application page."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.selection import discussion

register = template.Library()


@register.inclusion_tag("selection/team/_jury_work.html", takes_context=True)
def jury_work(context, application, comment_form=None):
    """The reviews changed after their submission, and the discussion with the jury."""
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "application": application,
        "blind": not application.cohort.reviewers_see_other_reviews,
        "amended": [
            review
            for review in discussion.submitted_reviews_of(application)
            if review.revisions.all()
        ],
        "thread": [(team_author(comment), comment) for comment in discussion.thread(application)],
        "comment_form": comment_form or discussion.DiscussionForm(),
        "action_url": reverse("selection:discussion", args=[application.public_id]),
    }


def team_author(comment):
    if comment.side == comment.Side.TEAM:
        team = _("Équipe du programme")
        if comment.author_name == team:  # a shared account: its name already says it
            return team
        return _("%(name)s (équipe du programme)") % {"name": comment.author_name}
    return _("%(name)s (membre du jury)") % {"name": comment.author_name}
