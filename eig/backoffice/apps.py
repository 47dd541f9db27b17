from django.apps import AppConfig
from django.db.backends.signals import connection_created


class BackofficeConfig(AppConfig):
    name = "eig.backoffice"
    verbose_name = "Espace de l'équipe du programme"

    def ready(self):
        from eig.backoffice.search import register_fold_on_sqlite

        connection_created.connect(register_fold_on_sqlite)
