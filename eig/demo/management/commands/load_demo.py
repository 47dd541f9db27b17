from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from eig.demo.loader import (
    DEMO_PASSWORD,
    DEMO_SECOND_FACTOR_CODES,
    DEMO_USERNAME,
    load_demo,
)


class Command(BaseCommand):
    help = "Charge la démonstration : Promotions 1 et 2, défis, presse, événements, pages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Charger même hors DEBUG (le compte de démonstration a un mot de passe connu).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "La démonstration crée un compte au mot de passe connu : "
                "lancez-la avec DEBUG=1, ou --force si vous savez ce que vous faites."
            )
        load_demo()
        self.stdout.write(self.style.SUCCESS("Démonstration chargée."))
        self.stdout.write(
            f"Espace d'administration : /admin/ — identifiant « {DEMO_USERNAME} », "
            f"mot de passe « {DEMO_PASSWORD} »."
        )
        self.stdout.write(
            f"Double authentification : code « {DEMO_SECOND_FACTOR_CODES[0]} », puis "
            f"« {DEMO_SECOND_FACTOR_CODES[1]} »… jusqu'à « {DEMO_SECOND_FACTOR_CODES[-1]} » "
            "(chacun sert une fois ; load_demo les remet)."
        )
