from django.core.management.base import BaseCommand

from eig.accounts.services import prune_sign_in_tokens


class Command(BaseCommand):
    help = (
        "Supprime les jetons de connexion périmés (adresses e-mail et IP) : à lancer chaque jour."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{prune_sign_in_tokens()} jeton(s) supprimé(s).")
