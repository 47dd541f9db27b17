from django.apps import AppConfig


class ChallengeJuryConfig(AppConfig):
    name = "eig.challenge_jury"
    verbose_name = "Jury des défis"

    def ready(self):
        from eig.challenge_jury import receivers  # noqa: F401
