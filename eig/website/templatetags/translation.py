"""The English site's reading of records and pages (eig.translation, docs/i18n.md).

{{ challenge|translated:"title" }}        the English text, or the French one
{% if challenge|in_french:"title" %}     an English visitor reads it in French
{% if page|in_french %}                  an English page that is an alias of the French one
{% if criteria|any_in_french:"title details" %}  one of these shown texts is read in French
"""

from django import template
from django.db.models import Model
from wagtail.models import Page

from eig import translation
from eig.website.i18n import is_fallback

register = template.Library()


@register.filter
def translated(obj, field):
    return translation.translated(obj, field)


@register.filter
def in_french(obj, field=None):
    if isinstance(obj, Page):
        return translation.is_english() and is_fallback(obj)
    return translation.falls_back(obj, field)


@register.filter
def any_in_french(objects, fields):
    """`objects` is one record or several; `fields` their shown texts, separated by spaces."""
    if isinstance(objects, Model):
        objects = [objects]
    return translation.any_falls_back(objects, fields.split())
