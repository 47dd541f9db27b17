from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in, user_login_failed


class AuditConfig(AppConfig):
    name = "eig.audit"
    verbose_name = "Journal d'audit"

    def ready(self):
        from axes.signals import user_locked_out

        from eig.accounts.proconnect import proconnect_refused
        from eig.accounts.signals import account_event, sign_in_link_failed
        from eig.audit import account_security, receivers

        user_logged_in.connect(receivers.record_sign_in, dispatch_uid="audit_sign_in")
        user_login_failed.connect(
            receivers.record_failed_sign_in, dispatch_uid="audit_failed_sign_in"
        )
        sign_in_link_failed.connect(
            receivers.record_failed_sign_in, dispatch_uid="audit_failed_sign_in_link"
        )
        proconnect_refused.connect(
            receivers.record_proconnect_refusal, dispatch_uid="audit_proconnect_refused"
        )
        account_event.connect(
            account_security.record_account_event, dispatch_uid="audit_account_event"
        )
        user_locked_out.connect(account_security.record_lockout, dispatch_uid="audit_lockout")
