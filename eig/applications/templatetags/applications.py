from django import template

from eig.applications.candidate_status import candidate_status_label
from eig.applications.cv import readable_size

register = template.Library()


@register.filter
def file_size(size):
    return readable_size(size or 0)


@register.filter
def status_for_candidate(application):
    return candidate_status_label(application)
