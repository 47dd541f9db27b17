from django.core.management.base import BaseCommand

from eig.communications.services import remind_draft_holders


class Command(BaseCommand):
    help = (
        "Relance les brouillons non déposés quand un appel à candidatures clôt dans moins "
        "de 48 heures. Sans effet si la relance a déjà été faite : à lancer périodiquement."
    )

    def handle(self, *args, **options):
        count = remind_draft_holders()
        self.stdout.write(f"{count} relance(s) mise(s) en file d'envoi.")
