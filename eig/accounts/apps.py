from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class AccountsConfig(AppConfig):
    name = "eig.accounts"
    verbose_name = "Comptes"

    def ready(self):
        from eig.accounts import security

        user_logged_in.connect(security.start_session, dispatch_uid="accounts_start_session")
