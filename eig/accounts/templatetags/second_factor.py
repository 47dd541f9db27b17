from django import template

register = template.Library()


@register.inclusion_tag("accounts/includes/second_factor_offer.html", takes_context=True)
def second_factor_offer(context):
    """For the jury's and mentors' spaces: the second factor is offered to them, not required.

    No query: whoever has a second factor reaches these pages only once a code verified the
    session (eig.accounts.security), so a verified session is a protected account.
    """
    user = context["request"].user
    return {"protected": getattr(user, "is_verified", lambda: False)()}
