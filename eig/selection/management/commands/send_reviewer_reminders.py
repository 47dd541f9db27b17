from django.conf import settings
from django.core.management.base import BaseCommand

from eig.selection.notices import remind_reviewers


class Command(BaseCommand):
    help = (
        "Relance les membres du jury qui ont des évaluations à soumettre quand la date limite "
        "d'évaluation est dans moins de EIG_REVIEWER_REMINDER_DAYS jours. Personne n'est relancé "
        "deux fois : à lancer périodiquement, en filet de sécurité du worker."
    )

    def handle(self, *args, **options):
        count = remind_reviewers()
        self.stdout.write(
            f"{count} relance(s) mise(s) en file d'envoi "
            f"({settings.REVIEWER_REMINDER_DAYS} jour(s) avant la date limite)."
        )
