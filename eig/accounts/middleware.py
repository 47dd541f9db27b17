from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from eig.accounts import security
from eig.accounts.signals import AccountEvent, tell

# Views of libraries that must stay open while a step is pending: signing out of Wagtail.
OPEN_DURING_STEPS = {"wagtailadmin_logout"}


class AccountSecurityMiddleware:
    """Idle timeout, then the pending step (second factor, browser) before any signed-in page.

    After AuthenticationMiddleware, django-otp's OTPMiddleware and MessageMiddleware. Public
    pages stay open: they show nothing that a visitor cannot see.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            if security.idle_expired(request):
                self.sign_out_idle(request)
            else:
                security.note_activity(request)
        response = self.get_response(request)
        security.write_trusted_browser_cookie(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated or getattr(view_func, "access_public", False):
            return None
        if request.resolver_match.url_name in OPEN_DURING_STEPS:
            return None
        if security.asks_nothing(request, view_func):
            return None
        step = security.pending_step(request)
        if step is None or step in getattr(view_func, "during_steps", ()):
            return None
        url = reverse(step.value)
        if request.method in ("GET", "HEAD"):
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)

    @staticmethod
    def sign_out_idle(request):
        """Sign out; the page asked for then sends to the sign-in page, which shows why."""
        user = request.user
        tell(AccountEvent.SESSION_EXPIRED, request=request, user=user)
        logout(request)
        messages.info(
            request,
            _(
                "Votre session a expiré après %(minutes)s minutes sans activité : "
                "connectez-vous de nouveau."
            )
            % {"minutes": settings.STAFF_SESSION_IDLE_MINUTES},
        )
