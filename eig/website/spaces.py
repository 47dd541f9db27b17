"""The spaces of a signed-in person, one per role: the header's links and where sign-in lands.

Here because the website sits above every app that defines a role (eig.accounts,
eig.selection, eig.auditions, eig.challenges): the only place that may know them all.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from eig.accounts.access import PROGRAMME_TEAM, ask_roles, has_role
from eig.accounts.proconnect import SIGNED_IN_WITH
from eig.applications.access import own_applications
from eig.auditions.access import PANEL
from eig.challenge_jury.access import DEFI_JURY
from eig.challenges.access import MENTOR
from eig.community.access import MEMBER
from eig.proposals.access import PROPOSAL_AUTHOR
from eig.selection.access import REVIEWER


@dataclass(frozen=True)
class Space:
    key: str
    label: str
    url_name: str
    icon: str
    description: str

    @property
    def url(self):
        return reverse(self.url_name)


TEAM_SPACE = Space(
    "team",
    _("Espace équipe"),
    "backoffice:application_list",
    "fr-icon-folder-2-line",
    _("Les candidatures reçues, la sélection, les auditions et les décisions."),
)
JURY_SPACE = Space(
    "jury",
    _("Jury"),
    "jury:home",
    "fr-icon-survey-line",
    _("Les candidatures qui vous sont confiées et leurs évaluations."),
)
PANEL_SPACE = Space(
    "panel",
    _("Auditions"),
    "auditions:my_slots",
    "fr-icon-calendar-line",
    _("Les auditions où vous siégez et leurs grilles."),
)
MENTOR_SPACE = Space(
    "mentor",
    _("Mentor"),
    "mentor:home",
    "fr-icon-user-star-line",
    _("Les candidatures aux défis que vous accompagnez, et vos avis."),
)
PROMOTION_SPACE = Space(
    "promotion",
    _("Ma promotion"),
    "community:home",
    "fr-icon-team-line",
    _("Votre profil public, les événements de la promotion et son agenda."),
)
CANDIDATE_SPACE = Space(
    "candidate",
    _("Ma candidature"),
    "candidate_space",
    "fr-icon-account-circle-line",
    _("Votre candidature, son état et vos données."),
)

DEFI_JURY_SPACE = Space(
    "defi_jury",
    _("Jury des défis"),
    "challenge_jury:home",
    "fr-icon-survey-line",
    _("Les défis que votre groupe entend, vos grilles et la grille commune."),
)
ADMINISTRATION_SPACE = Space(
    "administration",
    _("Espace administration"),
    "proposals:space",
    "fr-icon-government-line",
    _("Les défis que votre administration propose à l’appel à défis, et leur état."),
)

ROLE_SPACES = [
    (PROGRAMME_TEAM, TEAM_SPACE),
    (REVIEWER, JURY_SPACE),
    (DEFI_JURY, DEFI_JURY_SPACE),
    (PANEL, PANEL_SPACE),
    (MENTOR, MENTOR_SPACE),
    (PROPOSAL_AUTHOR, ADMINISTRATION_SPACE),
    (MEMBER, PROMOTION_SPACE),
]


def spaces_of(request):
    """The spaces of the person behind `request`, in the header's order; once per request.

    A person with no other role is a candidate (or about to be one); someone with a role who
    also applied gets their candidate space too.
    """
    # Pages answered before authentication runs (a 400 for a control character) have no user.
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    if "_spaces" not in request.__dict__:
        # Every role in one query (the team's too, unless the security middleware asked it),
        # then one for the applications: two questions, whatever the roles.
        ask_roles(request, [role for role, _space in ROLE_SPACES])
        spaces = [space for role, space in ROLE_SPACES if has_role(request, role)]
        if not spaces and SIGNED_IN_WITH in request.session:
            # A civil servant signed in with ProConnect, with no other role: an agent.
            spaces.append(ADMINISTRATION_SPACE)
        if not spaces or own_applications(user).exists():
            spaces.append(CANDIDATE_SPACE)
        request._spaces = spaces
    return request._spaces


def current_space(request, spaces):
    """The space the page belongs to, by its address: marked in the header."""
    path = request.path
    matching = [space for space in spaces if path.startswith(space.url)]
    return max(matching, key=lambda space: len(space.url), default=None)
