from django import template

from eig.accounts import roles

register = template.Library()


@register.filter
def is_programme_team(user):
    return roles.is_programme_team(user)


@register.filter
def is_web_address(url):
    """Links typed by candidates are followed only to http(s) pages, never to javascript: ones."""
    return url.lower().startswith(("https://", "http://"))
