from django.apps import AppConfig


class PressConfig(AppConfig):
    name = "eig.press"
    verbose_name = "Revue de presse"
