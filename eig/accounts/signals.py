"""What happens to the security of an account, sent to whoever keeps a record of it.

The accounts app sits below the journal (`eig.audit`), so it tells rather than writes: the
journal listens to `account_event` and records each event under the code of the same name.
"""

import enum

from django.dispatch import Signal


class AccountEvent(enum.StrEnum):
    SECOND_FACTOR_ENABLED = "second_factor.enabled"
    SECOND_FACTOR_VERIFIED = "second_factor.verified"
    SECOND_FACTOR_REFUSED = "second_factor.refused"
    RECOVERY_CODE_USED = "second_factor.recovery_code_used"
    RECOVERY_CODES_RENEWED = "second_factor.recovery_codes_renewed"
    SECOND_FACTOR_DISABLED = "second_factor.disabled"
    BROWSER_CONFIRMATION_SENT = "browser.confirmation_sent"
    BROWSER_CONFIRMED = "browser.confirmed"
    SESSION_EXPIRED = "session.expired"


# Sent with `event` (an AccountEvent), `request`, `user` (whose account) and `data` (a dict).
account_event = Signal()

# A sign-in link that could not sign in, sent like Django's `user_login_failed` (`credentials`,
# `request`, `problem`) but apart from it: links have their own limits (eig.accounts.services),
# and django-axes, which counts every `user_login_failed`, must not lock password sign-ins
# because someone followed a stale link.
sign_in_link_failed = Signal()


def tell(event, *, request, user, data=None):
    account_event.send(
        sender=AccountEvent, event=event, request=request, user=user, data=data or {}
    )
