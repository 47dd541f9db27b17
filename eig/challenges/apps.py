from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "eig.challenges"
    verbose_name = "Défis"
