from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "eig.events"
    verbose_name = "Événements"
