from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "eig.proposals"
    verbose_name = "Appel à défis"

    def ready(self):
        from eig.proposals import signals  # noqa: F401 (connects the receivers)
