"""The link that confirms a contact address: public, since it may be opened on any device."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from eig.accounts.access import public
from eig.applications import addresses

PROBLEM_STATUS = {
    addresses.ConfirmationProblem.UNKNOWN: 400,
    addresses.ConfirmationProblem.EXPIRED: 410,
    addresses.ConfirmationProblem.USED: 410,
    addresses.ConfirmationProblem.REPLACED: 410,
}


@public(methods=("GET", "HEAD", "POST"))
def confirm(request, token):
    """GET only asks to confirm: mail scanners that open links must not use them up."""
    context = {"breadcrumb_data": {"current": _("Confirmation de l’adresse de contact")}}
    if request.method == "POST":
        try:
            application = addresses.confirm_address(raw_token=token, request=request)
        except addresses.InvalidConfirmation as error:
            return _invalid(request, error.problem, context)
        return render(
            request,
            "applications/address_confirmed.html",
            {**context, "email": application.confirmed_email},
        )
    problem = addresses.confirmation_problem(raw_token=token)
    if problem:
        return _invalid(request, problem, context)
    return render(request, "applications/address_confirm.html", context)


def _invalid(request, problem, context):
    return render(
        request,
        "applications/address_link_invalid.html",
        {**context, "problem": problem},
        status=PROBLEM_STATUS[problem],
    )
