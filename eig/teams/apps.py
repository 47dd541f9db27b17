from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "eig.teams"
    verbose_name = "Formation des équipes"
