"""Sensitive actions ask to authenticate again when the last code or e-mailed link is old.

`access(..., sensitive=True)` calls `ask_again` after the role check. The page it answers with
stays at the address asked for: its form posts back there, with the code and, for a POST,
every field that was sent, so that nothing typed is lost and the action goes on once the code
is accepted. Those without a second factor get a new sign-in link by e-mail instead.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext
from django_otp import login as otp_login

from eig.accounts import second_factor, security
from eig.accounts.forms import SecondFactorForm
from eig.accounts.signals import AccountEvent, tell

PREFIX = "reauthentication"
CODE_FIELD = f"{PREFIX}-code"
# "GET" when the page asked for was read, not posted: the answer is then a redirect to it.
METHOD_FIELD = f"{PREFIX}-method"
NOT_CARRIED = {CODE_FIELD, METHOD_FIELD, "csrfmiddlewaretoken"}


def ask_again(request, methods):
    """None if the person may go on; else the page (or answer) of the re-authentication.

    `methods` are those the view takes: for another one the view's 405 comes first, except
    for the code posted back from a page that was read (GET).
    """
    answering = request.method == "POST" and CODE_FIELD in request.POST
    if security.recently_authenticated(request) or not (request.method in methods or answering):
        return None
    has_second_factor = second_factor.has_second_factor(request.user)
    original_method = request.POST.get(METHOD_FIELD, "POST") if answering else request.method
    form = SecondFactorForm(prefix=PREFIX)
    if has_second_factor and answering:
        form = SecondFactorForm(request.POST, prefix=PREFIX)
        if verify(request, form) is not None:
            if original_method != "POST":
                return redirect(request.get_full_path())
            request.POST = carried_post(request)
            return None
    return render(
        request,
        "accounts/security/reauthenticate.html",
        {
            "form": form,
            "has_second_factor": has_second_factor,
            "method_field": METHOD_FIELD,
            "original_method": "POST" if original_method == "POST" else "GET",
            "carried": [
                (name, value) for name, values in carried_post(request).lists() for value in values
            ],
            "max_age_minutes": settings.SENSITIVE_ACTION_MAX_AGE_MINUTES,
            "next_url": return_address(request, original_method),
        },
        status=400 if form.errors else 200,
    )


def carried_post(request):
    """The fields the person sent, without those of the re-authentication itself."""
    carried = request.POST.copy()
    for name in NOT_CARRIED:
        carried.pop(name, None)
    return carried


def return_address(request, original_method):
    """Where a new sign-in link brings back: this page, or for a POST the page that sent it."""
    if original_method != "POST":
        return request.get_full_path()
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    if referer.netloc != request.get_host() or not referer.path.startswith("/"):
        return "/"
    return referer.path + (f"?{referer.query}" if referer.query else "")


def verify(request, form):
    """Check the code of `form`; on success the session is verified and strongly authenticated.

    Returns the Verification, or None with the reason added to the form's errors.
    """
    if not form.is_valid():
        return None
    try:
        verification = second_factor.verify_code(user=request.user, code=form.cleaned_data["code"])
    except second_factor.CodeRefused as refusal:
        tell(
            AccountEvent.SECOND_FACTOR_REFUSED,
            request=request,
            user=request.user,
            data={"problem": refusal.problem.value},
        )
        form.add_error("code", refusal_message(refusal))
        return None
    otp_login(request, verification.device)
    security.mark_strong_authentication(request)
    event = (
        AccountEvent.RECOVERY_CODE_USED
        if verification.is_recovery_code
        else AccountEvent.SECOND_FACTOR_VERIFIED
    )
    tell(
        event,
        request=request,
        user=request.user,
        data={"recovery_codes_left": verification.recovery_codes_left}
        if verification.is_recovery_code
        else {},
    )
    return verification


def refusal_message(refusal):
    if refusal.problem != second_factor.CodeProblem.THROTTLED:
        return refusal.problem.label
    seconds = second_factor.throttle_seconds(refusal.retry_at, timezone.now())
    return ngettext(
        "Trop de codes refusés d’affilée : réessayez dans %(seconds)d seconde.",
        "Trop de codes refusés d’affilée : réessayez dans %(seconds)d secondes.",
        seconds,
    ) % {"seconds": seconds}
