from django import template

register = template.Library()


@register.filter
def shows(profile, field):
    """Whether the public site may show `field` of `profile` (consent, choice, not empty)."""
    return profile.shows(field)
