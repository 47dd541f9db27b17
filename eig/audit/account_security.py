"""The security of accounts in the journal: lockouts (django-axes) and eig.accounts' events.

The accounts app sits below the journal: it sends `account_event` with a code that is also a
member of `Action` (a test checks every one), and this module writes it down.
"""

from django.contrib.auth import get_user_model

from eig.audit.models import Action
from eig.audit.services import record


def record_account_event(sender, event, request, user, data, **kwargs):
    record(action=Action(event), actor=user, target=user, request=request, data=data)


def record_lockout(sender, request, username, ip_address, **kwargs):
    """Once per lockout: axes sends the signal again for each try while it lasts.

    Only the try that reached the limit was counted (`axes_failures_since_start`); the later
    ones are already in the journal as failed sign-ins.
    """
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is None:
        return
    account = get_user_model().objects.filter(username=username).first() if username else None
    record(
        action=Action.ACCOUNT_LOCKED_OUT,
        actor=None,
        target=account,
        request=request,
        data={"identifier": username or "", "failures": failures},
    )
