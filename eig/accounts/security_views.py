"""The pages of the second factor, of trusted browsers and of re-authentication."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from eig.accounts import browsers, second_factor, security, services
from eig.accounts.access import SIGNED_IN, access, public
from eig.accounts.forms import AuthenticatorSetUpForm, SecondFactorForm
from eig.accounts.reauthentication import refusal_message, verify
from eig.accounts.security import Step, during
from eig.accounts.signals import AccountEvent, tell
from eig.accounts.views import safe_next_url

NEW_RECOVERY_CODES = "eig_new_recovery_codes"
AFTER_RECOVERY_CODES = "eig_after_recovery_codes"
# Below this many recovery codes left, the person is told to print new ones.
FEW_RECOVERY_CODES = 3
BROWSER_LINK_STATUS = {
    browsers.BrowserLinkProblem.INVALID: 400,
    browsers.BrowserLinkProblem.EXPIRED: 410,
    browsers.BrowserLinkProblem.OTHER_BROWSER: 403,
}


def next_url(request):
    return safe_next_url(request, request.POST.get("next") or request.GET.get("next", ""))


def security_page(request, template, context, status=200):
    context["breadcrumb_data"] = {"current": _("Sécurité du compte")}
    context.setdefault("next", next_url(request))
    return render(request, f"accounts/security/{template}", context, status=status)


@during(Step.VERIFY)
@access(SIGNED_IN, methods=("GET", "POST"))
def second_factor_verify(request):
    """The code asked once per session of whoever has a second factor."""
    if request.user.is_verified() or not second_factor.has_second_factor(request.user):
        return redirect(next_url(request))
    form = SecondFactorForm(request.POST if request.method == "POST" else None)
    if form.is_bound:
        verification = verify(request, form)
        if verification is not None:
            if verification.is_recovery_code:
                recovery_code_used(request, verification.recovery_codes_left)
            return redirect(next_url(request))
    return security_page(request, "verify.html", {"form": form}, status=400 if form.errors else 200)


def recovery_code_used(request, left):
    text = _("Vous avez utilisé un code de secours : il vous en reste %(count)d.") % {"count": left}
    if left <= FEW_RECOVERY_CODES:
        text += " " + _("Générez-en de nouveaux depuis la page « Sécurité du compte ».")
        messages.warning(request, text)
    else:
        messages.info(request, text)


@during(Step.SET_UP)
@access(SIGNED_IN, methods=("GET", "POST"))
def second_factor_set_up(request):
    """Add an authenticator app: scan or type its secret, then give its first code."""
    if second_factor.authenticator_of(request.user) is not None:
        messages.info(
            request,
            _(
                "Vous avez déjà une application d’authentification : pour en changer, "
                "désactivez d’abord la double authentification."
            ),
        )
        return redirect("account_security")
    device = second_factor.pending_authenticator(request.user)
    form = AuthenticatorSetUpForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            device, codes = second_factor.confirm_authenticator(
                user=request.user, code=form.cleaned_data["code"]
            )
        except second_factor.CodeRefused as refusal:
            form.add_error("code", refusal_message(refusal))
        else:
            otp_login(request, device)
            security.mark_strong_authentication(request)
            tell(AccountEvent.SECOND_FACTOR_ENABLED, request=request, user=request.user)
            request.session[NEW_RECOVERY_CODES] = codes
            request.session[AFTER_RECOVERY_CODES] = next_url(request)
            return redirect("recovery_codes")
    return security_page(
        request,
        "set_up.html",
        {
            "form": form,
            "qr_code": second_factor.qr_code_svg(device),
            "secret": second_factor.secret_for_display(device),
            "required": security.pending_step(request) == Step.SET_UP,
        },
        status=400 if form.errors else 200,
    )


@access(SIGNED_IN)
def recovery_codes(request):
    """The recovery codes, shown once, right after they are made."""
    return security_page(
        request,
        "recovery_codes.html",
        {
            "codes": request.session.pop(NEW_RECOVERY_CODES, None),
            "left": second_factor.recovery_codes_left(request.user),
            "next": request.session.pop(AFTER_RECOVERY_CODES, None) or "/",
        },
    )


@access(SIGNED_IN)
def account_security(request):
    return security_page(
        request,
        "manage.html",
        {
            "authenticator": second_factor.authenticator_of(request.user),
            "left": second_factor.recovery_codes_left(request.user),
            "required": security.must_have_second_factor(request),
        },
    )


@access(SIGNED_IN, methods=("POST",), sensitive=True)
def recovery_codes_renew(request):
    if second_factor.authenticator_of(request.user) is None:
        return redirect("account_security")
    request.session[NEW_RECOVERY_CODES] = second_factor.renew_recovery_codes(request.user)
    request.session[AFTER_RECOVERY_CODES] = reverse("account_security")
    tell(AccountEvent.RECOVERY_CODES_RENEWED, request=request, user=request.user)
    return redirect("recovery_codes")


@access(SIGNED_IN, methods=("POST",), sensitive=True)
def second_factor_remove(request):
    second_factor.remove_second_factor(request.user)
    tell(AccountEvent.SECOND_FACTOR_DISABLED, request=request, user=request.user)
    if security.must_have_second_factor(request):
        messages.info(
            request,
            _(
                "La double authentification est obligatoire pour l’équipe : "
                "ajoutez votre nouvelle application."
            ),
        )
        return redirect("second_factor_set_up")
    messages.success(request, _("La double authentification est désactivée."))
    return redirect("account_security")


@during(Step.CONFIRM_BROWSER)
@access(SIGNED_IN, methods=("GET", "POST"))
def browser_confirmation(request):
    """Waiting for the e-mailed link; sent on the first visit, again on request."""
    if security.pending_step(request) != Step.CONFIRM_BROWSER:
        return redirect(next_url(request))
    sent = True
    if request.method == "POST" or not browsers.already_sent(request):
        sent = browsers.send(request, next_url=next_url(request))
    if not sent:
        messages.error(
            request,
            _(
                "Plusieurs liens vous ont déjà été envoyés cette heure-ci : utilisez le plus "
                "récent, ou réessayez plus tard."
            ),
        )
    return security_page(
        request,
        "browser_pending.html",
        {
            "email": request.user.email or request.user.get_username(),
            "validity_minutes": int(browsers.LINK_VALIDITY.total_seconds() // 60),
        },
    )


@public(methods=("GET", "POST"))
def browser_confirm(request, token):
    """The link of the e-mail. GET only asks to confirm: mail scanners open links."""
    problem = browsers.problem_with(request, token)
    if problem:
        return security_page(
            request,
            "browser_link_invalid.html",
            {"problem": problem},
            status=BROWSER_LINK_STATUS[problem],
        )
    if request.method == "GET":
        return security_page(request, "browser_confirm.html", {})
    destination = browsers.confirm(request)
    messages.success(request, _("Ce navigateur est confirmé."))
    return redirect(safe_next_url(request, destination))


@access(SIGNED_IN, methods=("POST",))
def reauthenticate_by_link(request):
    """For whoever has no second factor: a new sign-in link proves the mailbox again."""
    services.request_sign_in_link(
        email=request.user.email or request.user.get_username(),
        ip=request.META.get("REMOTE_ADDR") or None,
        next_url=next_url(request),
    )
    return redirect("sign_in_sent")
