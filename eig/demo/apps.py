from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "eig.demo"
    verbose_name = "Démonstration"
