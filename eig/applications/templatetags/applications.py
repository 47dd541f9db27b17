from django import template

from eig.applications.cv import readable_size

register = template.Library()


@register.filter
def file_size(size):
    return readable_size(size or 0)
