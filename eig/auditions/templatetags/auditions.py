from django import template

from eig.auditions.access import audition_applications

register = template.Library()


@register.inclusion_tag("auditions/includes/space_section.html")
def audition_section(user):
    """The "Votre audition" section of the candidate's space, for invited applications."""
    applications = audition_applications(user).select_related("cohort", "interview__slot")
    return {"applications": list(applications.order_by("-created_at"))}
