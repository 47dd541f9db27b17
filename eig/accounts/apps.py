from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "eig.accounts"
    verbose_name = "Comptes"
