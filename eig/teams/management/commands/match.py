"""`python manage.py match <numéro> [--include-pending] [--stable]`: propose a cohort's teams."""

from django.core.management.base import BaseCommand, CommandError

from eig.cohorts.models import Cohort
from eig.matching import Infeasible
from eig.teams.models import TeamProposal
from eig.teams.services import TeamsRefused, propose_teams


class Command(BaseCommand):
    help = "Calcule une proposition d'équipes pour une promotion à partir des données de sélection."

    def add_arguments(self, parser):
        parser.add_argument("cohort_number", type=int, help="numéro de la promotion")
        parser.add_argument(
            "--include-pending",
            action="store_true",
            help="inclure aussi les candidatures auditionnées et en liste d'attente",
        )
        parser.add_argument(
            "--stable",
            action="store_true",
            help="répartition stable plutôt que score total optimal",
        )

    def handle(self, *args, cohort_number, include_pending, stable, **options):
        cohort = Cohort.objects.filter(number=cohort_number).first()
        if cohort is None:
            raise CommandError(f"Aucune promotion numéro {cohort_number}.")

        def progress(step, total, label):
            self.stdout.write(f"{step}/{total} {label}…")

        try:
            proposal = propose_teams(
                cohort=cohort,
                progress=progress,
                include_pending=include_pending,
                method=TeamProposal.Method.STABLE if stable else TeamProposal.Method.OPTIMAL,
            )
        except (Infeasible, TeamsRefused) as error:
            raise CommandError(str(error)) from error
        members = list(proposal.members.all())
        placed = sum(1 for m in members if m.challenge_id)
        self.stdout.write(
            self.style.SUCCESS(
                f"Proposition enregistrée (brouillon) : {placed} placé·e·s, "
                f"{len(members) - placed} sans équipe, score total {proposal.total_score:.2f}."
            )
        )
