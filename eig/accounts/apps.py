from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.core.management import call_command
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "eig.accounts"
    verbose_name = "Comptes"

    def ready(self):
        from eig.accounts import security

        user_logged_in.connect(security.start_session, dispatch_uid="accounts_start_session")
        # The cache is shared by every process, in a table of the database (settings.CACHES):
        # `migrate`, which every deployment runs, creates it.
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="accounts_cache_table")


def create_cache_table(using, **kwargs):
    call_command("createcachetable", database=using)
