from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from eig.applications.models import Application
from eig.demo.challenge_jury import demo_jury_lead
from eig.demo.community import demo_fellow
from eig.demo.loader import (
    DEMO_PASSWORD,
    DEMO_SECOND_FACTOR_CODES,
    DEMO_USERNAME,
    load_demo,
)
from eig.demo.mentors import demo_mentor
from eig.demo.proposals import demo_agent
from eig.selection.models import Reviewer


class Command(BaseCommand):
    help = (
        "Charge la démonstration : Promotions 1 et 2, l’appel ouvert de la Promotion 3, défis, "
        "presse, événements, pages."
    )

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
        programme = load_demo()
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
        link = (
            "demandez un lien de connexion sur /connexion/ avec « {} », "
            "puis ouvrez le plus récent des e-mails de var/mail/"
        )
        reviewer = (
            Reviewer.objects.filter(cohort__programme=programme)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if reviewer is not None:
            self.stdout.write(
                f"Espace jury (/jury/) : {reviewer.full_name} — "
                + link.format(reviewer.user.email)
                + "."
            )
        candidate = (
            Application.objects.filter(cohort__programme=programme, submitted_at__isnull=False)
            .exclude(email="")
            .order_by("pk")
            .first()
        )
        if candidate is not None:
            self.stdout.write(
                f"Espace candidat·e (/mon-espace/) : {candidate.full_name} — "
                + link.format(candidate.email)
                + " ; ou toute autre adresse pour candidater à la Promotion 3."
            )
        fellow = demo_fellow(programme)
        if fellow is not None:
            self.stdout.write(
                f"Espace EIG (/ma-promotion/) : {fellow.application.full_name}, EIG du défi "
                f"« {fellow.challenge.name} » — " + link.format(fellow.user.email) + "."
            )
        agent = demo_agent()
        if agent is not None:
            self.stdout.write(
                "Espace administration (/administration/) : un agent qui rédige une "
                "proposition à l'appel à défis ouvert — " + link.format(agent.email) + "."
            )
        lead = demo_jury_lead(programme.cohorts.get(number=2))
        if lead is not None:
            self.stdout.write(
                f"Jury des défis (/jury-defis/) : {lead.full_name}, président·e du {lead.group} "
                "de la Promotion 2 (grille commune de chaque défi) — "
                + link.format(lead.email)
                + "."
            )
        mentor = demo_mentor(programme)
        if mentor is not None:
            self.stdout.write(
                f"Espace mentor (/mentor/) : {mentor.full_name}, mentor du défi "
                f"« {mentor.challenge.name} » — demandez un lien de connexion sur /connexion/ "
                f"avec « {mentor.email} », puis ouvrez le plus récent des e-mails de var/mail/."
            )
