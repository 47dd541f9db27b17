import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from eig.applications.retention import apply_retention, schedule_retention


class Command(BaseCommand):
    help = (
        "Supprime les brouillons jamais déposés, anonymise les candidatures non retenues et "
        "allège le journal au terme des durées de conservation ; prévient les candidat·e·s par "
        "e-mail avant. Sans effet sur ce qui est déjà fait : le worker la lance chaque nuit, "
        "la commande est un filet de sécurité."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Appliquer la conservation comme si l'on était ce jour-là (AAAA-MM-JJ, 0 h).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Dire ce qui serait fait, sans rien modifier ni envoyer.",
        )

    def handle(self, *args, date=None, dry_run=False, **options):
        now = None
        if date:
            try:
                day = datetime.date.fromisoformat(date)
            except ValueError:
                raise CommandError(
                    f"Date illisible : « {date} ». Écrivez-la AAAA-MM-JJ, par exemple 2020-01-15."
                ) from None
            now = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        report = apply_retention(now=now, dry_run=dry_run)
        for line in report.lines():
            self.stdout.write(line)
        if not (date or dry_run):
            # Restarts the worker's nightly runs if they stopped; never twice the same night.
            tomorrow = timezone.localdate() + datetime.timedelta(days=1)
            if schedule_retention(day=tomorrow):
                self.stdout.write(f"Prochain passage du worker : la nuit du {tomorrow:%d/%m/%Y}.")
