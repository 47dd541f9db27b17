"""The steps of the application form, in order, and what is still missing to submit."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eig.applications import calls, forms
from eig.applications.models import ChallengeChoice
from eig.challenges.models import Challenge


@dataclass(frozen=True)
class Step:
    key: str  # stored in Application.last_step
    slug: str  # in the address, in French
    title: str
    form_class: type | None = None

    @property
    def is_review(self):
        return self.form_class is None


STEPS = [
    Step("identity", "identite", gettext_lazy("Identité et contact"), forms.IdentityForm),
    Step("background", "parcours", gettext_lazy("Parcours et expériences"), forms.BackgroundForm),
    Step("cv", "cv", gettext_lazy("CV"), forms.CvForm),
    Step("motivation", "motivation", gettext_lazy("Motivation"), forms.MotivationForm),
    Step("challenges", "defis", gettext_lazy("Choix des défis"), forms.ChallengeChoicesForm),
    Step("teammate", "binome", gettext_lazy("Binôme"), forms.TeammateForm),
    Step("eligibility", "eligibilite", gettext_lazy("Éligibilité"), forms.EligibilityForm),
    Step("review", "recapitulatif", gettext_lazy("Récapitulatif et dépôt")),
]
FORM_STEPS = [step for step in STEPS if not step.is_review]
REVIEW = STEPS[-1]
_BY_SLUG = {step.slug: step for step in STEPS}
_BY_KEY = {step.key: step for step in STEPS}


def by_slug(slug):
    return _BY_SLUG.get(slug)


def by_key(key):
    return _BY_KEY.get(key)


def number_of(step):
    return STEPS.index(step) + 1


def previous_of(step):
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None


def next_of(step):
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def form_for(step, application, data=None, files=None, *, strict=False):
    extra = {}
    if step.key == "challenges":
        # The défis already chosen stay listed even if closed since: nothing typed is lost.
        offered = Q(pk__in=calls.open_challenges(application.cohort).values("pk"))
        chosen = Q(pk__in=application.choices.values("challenge"))
        extra["challenges"] = Challenge.objects.filter(offered | chosen).order_by("name")
    return step.form_class(data, files, application=application, strict=strict, **extra)


@dataclass(frozen=True)
class Missing:
    step: Step
    label: str


def missing_items(application, *, except_step=None):
    """What still prevents submitting `application`, step by step, in the order of the form."""
    missing = []
    for step in FORM_STEPS:
        if step == except_step:
            continue
        for name in step.form_class.required_for_submission:
            value = getattr(application, name)
            if value is False or value in (None, ""):
                missing.append(Missing(step, str(step.form_class.base_fields[name].label)))
        missing += _missing_in_lists(step, application)
    return missing


def prefetch_lists(application):
    """Reads the experiences and the choices (with défi and host) once for the checks, the
    snapshot and the summary of one request; a list already read is not read again."""
    prefetch_related_objects(
        [application],
        "experiences",
        Prefetch("choices", queryset=ChallengeChoice.objects.select_related("challenge__host")),
    )


def _missing_in_lists(step, application):
    prefetch_lists(application)
    if step.key == "background":
        experiences = list(application.experiences.all())
        missing = [
            Missing(step, _("Expérience %(number)s : intitulé") % {"number": number})
            for number, experience in enumerate(experiences, start=1)
            if not experience.title
        ]
        if not experiences and not application.experiences_text:
            missing.append(Missing(step, _("Au moins une expérience, ou un texte libre")))
        return missing
    if step.key == "challenges":
        choices = list(application.choices.all())
        if not choices:
            return [Missing(step, _("Au moins un défi"))]
        open_ids = set(calls.open_challenges(application.cohort).values_list("pk", flat=True))
        missing = []
        for choice in choices:
            name = {"name": choice.challenge.name}
            if choice.challenge_id not in open_ids:
                label = _("Le défi « %(name)s » n’est plus ouvert : choisissez-en un autre") % name
                missing.append(Missing(step, label))
            elif not choice.contribution:
                label = _("Ce que vous apporteriez au défi « %(name)s »") % name
                missing.append(Missing(step, label))
        return missing
    return []
