from django import template
from django.utils import timezone

from eig.auditions.access import audition_applications

register = template.Library()


@register.inclusion_tag("auditions/includes/space_section.html")
def audition_section(user):
    """The "Votre audition" section of the candidate's space, for invited applications."""
    applications = audition_applications(user).select_related("cohort", "interview__slot")
    # `now` tells a past audition from a coming one: the section speaks of it in the past tense.
    return {"applications": list(applications.order_by("-created_at")), "now": timezone.now()}
