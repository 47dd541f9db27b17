from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "eig.decisions"
    verbose_name = "Décisions de sélection"
