from django import template

from eig.accounts.second_factor import has_second_factor

register = template.Library()


@register.inclusion_tag("accounts/includes/second_factor_offer.html", takes_context=True)
def second_factor_offer(context):
    """For the jury's and mentors' spaces: the second factor is offered to them, not required."""
    return {"protected": has_second_factor(context["request"].user)}
