import datetime
import functools
import io

import factory
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from pypdf import PdfWriter

from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from eig.applications.models import Application, ChallengeChoice, Profile
from eig.challenges.models import Challenge, HostOrganisation, Mentor, Skill
from eig.cohorts.models import Cohort, Programme, RulesVersion
from eig.events.models import Event
from eig.press.models import PressItem


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ["name"]

    name = "Entrepreneurs d'intérêt général"
    short_name = "EIG"
    operator = "Etalab"
    contact_email = "contact@eig.example"


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: 10 + n)
    year = factory.LazyAttribute(lambda cohort: 2008 + cohort.number)
    net_monthly_pay = 4000
    duration_months = 10
    starts_on = factory.LazyAttribute(lambda cohort: datetime.date(cohort.year, 1, 15))
    # Published rules, without which nobody may apply; CohortFactory(rules=None) has none.
    rules = factory.RelatedFactory(
        "tests.factories.RulesVersionFactory", factory_related_name="cohort"
    )


class RulesVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RulesVersion

    cohort = factory.SubFactory(CohortFactory, rules=None)
    version = "1"
    published_on = datetime.date(2000, 1, 1)
    text = "<p>Le règlement de la promotion.</p>"


class HostOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HostOrganisation

    ministry = factory.Sequence(lambda n: f"Ministère numéro {n}")
    directorate = "Direction du numérique"


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"competence-{n}")
    name = factory.LazyAttribute(lambda skill: skill.slug.replace("-", " ").capitalize())


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge
        skip_postgeneration_save = True

    cohort = factory.SubFactory(CohortFactory)
    host = factory.SubFactory(HostOrganisationFactory)
    slug = factory.Sequence(lambda n: f"defi-{n}")
    name = factory.Sequence(lambda n: f"Défi {n}")
    summary = "Un défi d'intérêt général."
    status = Challenge.Status.OPEN
    fellows_sought = 2

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set(extracted)


class MentorFactory(factory.django.DjangoModelFactory):
    """A mentor as the public site shows them; `signs_in=True` gives them an account."""

    class Meta:
        model = Mentor

    class Params:
        signs_in = factory.Trait(
            user=factory.SubFactory(
                "tests.factories.CandidateFactory",
                username=factory.Sequence(lambda n: f"mentor-{n}@mentor.gouv.fr"),
            )
        )

    challenge = factory.SubFactory(ChallengeFactory)
    full_name = factory.Sequence(lambda n: f"Mentor {n}")
    job_title = "Cheffe de bureau"
    role = Mentor.Role.OPERATIONAL
    consents_to_publication = True


class PressItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressItem

    category = PressItem.Category.PRESS
    title = factory.Sequence(lambda n: f"Article {n}")
    outlet = "Le Journal"
    url = factory.Sequence(lambda n: f"https://presse.example/article-{n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = Event.Kind.MENTORING
    title = factory.Sequence(lambda n: f"Session {n}")
    starts_on = datetime.date(2018, 3, 8)
    place = "Liberté Living Lab"


# --- Applications (candidatures) -------------------------------------------------------------


@functools.cache
def small_pdf():
    """A valid one-page PDF, made with pypdf."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


class OpenCallCohortFactory(CohortFactory):
    """A cohort whose call for applications is open now, closing in a month."""

    application_call_opens_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=7)
    )
    application_call_closes_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=30)
    )


class CandidateFactory(factory.django.DjangoModelFactory):
    """An account, a candidate's unless a trait says otherwise.

    `programme_team=True` puts it in the programme team. A reviewer, a mentor or a panel member
    is an account that their role's record names: `ReviewerFactory(user=...)`,
    `MentorFactory(user=...)`, `InterviewSlotFactory(panel=[...])`.
    """

    class Meta:
        model = settings.AUTH_USER_MODEL
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    class Params:
        programme_team = factory.Trait(
            programme_team_group=factory.PostGeneration(
                lambda user, create, extracted, **kwargs: user.groups.add(
                    Group.objects.get_or_create(name=PROGRAMME_TEAM_GROUP)[0]
                )
            )
        )

    username = factory.Sequence(lambda n: f"candidat-{n}@example.fr")
    email = factory.LazyAttribute(lambda user: user.username)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft; `complete=True` fills every step (one défi, a CV); `submitted=True` submits it."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    class Params:
        complete = factory.Trait(
            first_name="Alice",
            last_name="Martin",
            phone="06 12 34 56 78",
            city="Lyon",
            profile=Profile.DEVELOPMENT,
            years_of_experience=6,
            background="Développeuse, puis cheffe de projet dans une association.",
            experiences_text="Six ans de développement web.",
            motivation="Le logiciel libre et l'intérêt général.",
            administration_fit="En partant des besoins des agents.",
            available_full_time=True,
            not_public_agent=True,
            studies_completed=True,
            accepts_rules=True,
            consents_to_processing=True,
            cv=factory.django.FileField(from_func=lambda: io.BytesIO(small_pdf())),
            cv_filename="CV Alice Martin.pdf",
            cv_size=factory.LazyFunction(lambda: len(small_pdf())),
            choice=factory.RelatedFactory(
                "tests.factories.ChallengeChoiceFactory", factory_related_name="application"
            ),
        )
        submitted = factory.Trait(
            complete=True,
            status=Application.Status.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
        )

    cohort = factory.SubFactory(OpenCallCohortFactory)
    candidate = factory.SubFactory(CandidateFactory)
    email = factory.LazyAttribute(lambda application: application.candidate.email)


class ChallengeChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChallengeChoice

    application = factory.SubFactory(ApplicationFactory)
    challenge = factory.SubFactory(
        ChallengeFactory, cohort=factory.SelfAttribute("..application.cohort")
    )
    rank = 1
    contribution = "Mon expérience du développement web."


# --- Auditions -------------------------------------------------------------------------------


class InterviewSlotFactory(factory.django.DjangoModelFactory):
    """A slot in the programme's rhythm, in a week, in a place; `panel=[...]` sets its jury."""

    class Meta:
        model = "auditions.InterviewSlot"
        skip_postgeneration_save = True

    cohort = factory.SubFactory(CohortFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    duration = 40
    place = "20 avenue de Ségur, Paris"

    @factory.post_generation
    def panel(self, create, extracted, **kwargs):
        if create and extracted:
            self.panel.set(extracted)


class InterviewFactory(factory.django.DjangoModelFactory):
    """A booked audition of an invited application."""

    class Meta:
        model = "auditions.Interview"

    slot = factory.SubFactory(InterviewSlotFactory)
    application = factory.SubFactory(
        ApplicationFactory,
        submitted=True,
        status="invited",
        cohort=factory.SelfAttribute("..slot.cohort"),
    )
    booked_at = factory.LazyFunction(timezone.now)


# --- Selection (jury, conflicts, assignments) --------------------------------------------------


class ReviewerFactory(factory.django.DjangoModelFactory):
    """A member of the jury of a cohort, who assesses developers by default."""

    class Meta:
        model = "selection.Reviewer"

    cohort = factory.SubFactory(OpenCallCohortFactory)
    user = factory.SubFactory(
        CandidateFactory, username=factory.Sequence(lambda n: f"jury-{n}@jury.example.org")
    )
    full_name = factory.Sequence(lambda n: f"Membre du jury {n}")
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    profiles = factory.LazyFunction(lambda: [Profile.DEVELOPMENT.value])
    max_load = 10
    invited_at = factory.LazyFunction(timezone.now)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "selection.Assignment"

    class Params:
        released = factory.Trait(status="released", released_at=factory.LazyFunction(timezone.now))

    reviewer = factory.SubFactory(ReviewerFactory)
    application = factory.SubFactory(
        ApplicationFactory, submitted=True, cohort=factory.SelfAttribute("..reviewer.cohort")
    )
    affinity = 1.0
