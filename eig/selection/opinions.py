"""Mentors' opinions on the applications to their défis: given, changed, read by the team.

A mentor gives at most one opinion per application (their own, which only they may change),
on an application they may see (eig.applications.access.mentored_by).
"""

from django.db import transaction

from eig.audit.models import Action
from eig.audit.services import record
from eig.challenges.models import Mentor
from eig.selection.models import MentorOpinion


def opinion_of(author, application):
    return MentorOpinion.objects.filter(author=author, application=application).first()


@transaction.atomic
def save_opinion(*, application, author, text, stance, request=None):
    """Create or change `author`'s opinion; journalled either way."""
    opinion, created = MentorOpinion.objects.update_or_create(
        application=application, author=author, defaults={"text": text, "stance": stance}
    )
    record(
        action=Action.MENTOR_OPINION_GIVEN if created else Action.MENTOR_OPINION_CHANGED,
        actor=author,
        target=application,
        request=request,
        data={"stance": stance},
    )
    return opinion


def opinions_for_team(application):
    """The opinions on `application`, each with the names and défis its author mentors."""
    opinions = list(MentorOpinion.objects.filter(application=application).select_related("author"))
    mentors = Mentor.objects.filter(
        user__in=[opinion.author for opinion in opinions],
        challenge__in=application.choices.values("challenge"),
    ).select_related("challenge")
    by_author = {}
    for mentor in mentors:
        by_author.setdefault(mentor.user_id, []).append(mentor)
    for opinion in opinions:
        opinion.mentors = by_author.get(opinion.author_id, [])
    return opinions
