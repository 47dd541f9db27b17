"""Mailers for the tests of decision e-mails."""

import smtplib

from django.core.mail.backends import locmem


class RefusingBackend(locmem.EmailBackend):
    """The test outbox, refusing every address that starts with "refuse", as a server would."""

    def send_messages(self, messages):
        for message in messages:
            refused = [address for address in message.recipients() if address.startswith("refuse")]
            if refused:
                raise smtplib.SMTPRecipientsRefused(
                    dict.fromkeys(refused, (550, b"5.1.1 No such user"))
                )
        return super().send_messages(messages)
