from django import template

from eig.selection.opinions import opinions_for_team

register = template.Library()


@register.simple_tag
def mentor_opinions_of(application):
    """For the team's application page, which includes them without its view knowing."""
    return opinions_for_team(application)
