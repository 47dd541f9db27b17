from django.core.management.base import BaseCommand

from eig.community.registrations import remind_registrants


class Command(BaseCommand):
    help = (
        "Rappelle leur événement aux personnes inscrites, la veille. Le worker le fait déjà ; "
        "sans effet pour qui a déjà reçu son rappel : à lancer toutes les heures par sécurité."
    )

    def handle(self, *args, **options):
        count = remind_registrants()
        self.stdout.write(f"{count} rappel(s) mis en file d'envoi.")
