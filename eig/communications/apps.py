from django.apps import AppConfig


class CommunicationsConfig(AppConfig):
    name = "eig.communications"
    verbose_name = "Communications aux candidat·e·s"
