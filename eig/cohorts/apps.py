from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "eig.cohorts"
    verbose_name = "Programme et promotions"
