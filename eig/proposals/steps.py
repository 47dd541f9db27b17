"""The steps of a proposal's form, in order, and what is still missing to submit it."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eig.proposals import forms
from eig.proposals.models import ProposalMentor


@dataclass(frozen=True)
class Step:
    key: str
    slug: str  # in the address, in French
    title: str
    form_class: type | None = None


STEPS = [
    Step(
        "administration", "administration", gettext_lazy("Administration"), forms.AdministrationForm
    ),
    Step("challenge", "defi", gettext_lazy("Le problème et le défi"), forms.ChallengeForm),
    Step("data", "donnees", gettext_lazy("Données et ressources"), forms.DataForm),
    Step("team", "equipe", gettext_lazy("Équipe d’agents et mentors"), forms.TeamForm),
    Step("seats", "postes", gettext_lazy("Postes d’EIG et conditions"), forms.SeatsForm),
    Step("attachments", "pieces-jointes", gettext_lazy("Pièces jointes")),
    Step("review", "recapitulatif", gettext_lazy("Récapitulatif et dépôt")),
]
FORM_STEPS = [step for step in STEPS if step.form_class]
ATTACHMENTS = STEPS[-2]
REVIEW = STEPS[-1]
_BY_SLUG = {step.slug: step for step in STEPS}


def by_slug(slug):
    return _BY_SLUG.get(slug)


def number_of(step):
    return STEPS.index(step) + 1


def previous_of(step):
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None


def next_of(step):
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


@dataclass(frozen=True)
class Missing:
    step: Step
    label: str


def missing_items(proposal):
    """What still prevents submitting `proposal`, step by step, in the order of the form."""
    missing = []
    for step in FORM_STEPS:
        for name in step.form_class.required_for_submission:
            if getattr(proposal, name) in (None, ""):
                label = step.form_class.base_fields[name].label
                missing.append(Missing(step, str(label)))
        missing += _missing_in_lists(step, proposal)
    return missing


def _missing_in_lists(step, proposal):
    if step.key == "administration" and not (proposal.host_id or proposal.new_host_ministry):
        return [Missing(step, _("Votre administration"))]
    if step.key == "team":
        missing = []
        if not proposal.agents.exists():
            missing.append(Missing(step, _("Au moins un agent de l’équipe")))
        roles = set(proposal.mentors.values_list("role", flat=True))
        if ProposalMentor.Role.OPERATIONAL not in roles:
            missing.append(Missing(step, _("Un mentor opérationnel")))
        if ProposalMentor.Role.STRATEGIC not in roles:
            missing.append(Missing(step, _("Un mentor stratégique")))
        return missing
    if step.key == "seats":
        seats = proposal.seats.count()
        if not forms.MIN_SEATS <= seats <= forms.MAX_SEATS:
            return [Missing(step, _("Deux ou trois postes d’EIG, chacun avec son profil"))]
    return []
