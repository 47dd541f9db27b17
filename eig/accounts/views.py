from django.conf import settings
from django.contrib.auth import login
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.admin.views import account as wagtail_account

from eig.accounts import proconnect, security, services
from eig.accounts.access import public
from eig.accounts.forms import SignInForm
from eig.accounts.models import LinkProblem

LINK_VALIDITY_MINUTES = int(services.LINK_VALIDITY.total_seconds() // 60)
PROBLEM_STATUS = {LinkProblem.UNKNOWN: 400, LinkProblem.EXPIRED: 410, LinkProblem.USED: 410}


@public(methods=("GET", "POST"))
def sign_in(request):
    if request.method == "POST":
        form = SignInForm(request.POST)
        if form.is_valid():
            services.request_sign_in_link(
                email=form.cleaned_data["email"],
                # Behind a reverse proxy, the proxy must pass the client's address as REMOTE_ADDR.
                ip=request.META.get("REMOTE_ADDR") or None,
                next_url=safe_next_url(request, form.cleaned_data["next"]),
            )
            # The same answer whether the link was sent or held back (rate limit, deactivated).
            return redirect("sign_in_sent")
    else:
        form = SignInForm(initial={"next": request.GET.get("next", "")})
    return render(
        request,
        "accounts/sign_in.html",
        {
            "form": form,
            "link_validity_minutes": LINK_VALIDITY_MINUTES,
            "proconnect": proconnect.is_enabled(),
            "breadcrumb_data": {"current": _("Connexion")},
        },
    )


@public()
def sign_in_sent(request):
    return render(
        request,
        "accounts/sign_in_sent.html",
        {
            "link_validity_minutes": LINK_VALIDITY_MINUTES,
            "breadcrumb_data": {"current": _("Connexion")},
        },
    )


@public(methods=("GET", "POST"))
def sign_in_link(request, token):
    """GET only asks to confirm: mail scanners that open links must not use them up."""
    if request.method == "GET":
        problem = services.link_problem(raw_token=token)
        if problem:
            return invalid_link(request, token, problem)
        return render(
            request,
            "accounts/sign_in_confirm.html",
            {"breadcrumb_data": {"current": _("Connexion")}},
        )
    try:
        sign_in = services.consume_sign_in_token(raw_token=token)
    except services.InvalidSignInLink as error:
        return invalid_link(request, token, error.problem)
    # Named because a second backend (ProConnect) will come and login() then needs to know.
    login(request, sign_in.user, backend="django.contrib.auth.backends.ModelBackend")
    # The link proves the mailbox in this browser: no e-mail to confirm it (eig.accounts.security).
    security.signed_in_by_link(request)
    return redirect(safe_next_url(request, sign_in.next_url))


@public(methods=("POST",))
def sign_out(request):
    # A session ProConnect opened ends there too; ProConnect then sends the browser back home.
    return redirect(proconnect.sign_out(request) or "/")


def invalid_link(request, token, problem):
    services.report_failed_link(raw_token=token, problem=problem, request=request)
    return render(
        request,
        "accounts/sign_in_link_invalid.html",
        {
            "problem": problem,
            "link_validity_minutes": LINK_VALIDITY_MINUTES,
            "breadcrumb_data": {"current": _("Connexion")},
        },
        status=PROBLEM_STATUS[problem],
    )


def safe_next_url(request, url):
    """`url` if it stays on this site, else the person's space: no open redirect via `next`."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class AdminLoginView(wagtail_account.LoginView):
    """Wagtail's password sign-in, landing like every other sign-in when no `next` is given."""

    def get_success_url(self):
        return self.get_redirect_url() or resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Wagtail's form would post its own home as `next` when none is given.
        context[self.redirect_field_name] = self.get_success_url()
        return context
