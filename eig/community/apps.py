from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "eig.community"
    verbose_name = "Vie de la promotion"

    def ready(self):
        from eig.community import receivers  # noqa: F401
