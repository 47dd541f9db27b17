"""Who belongs to a promotion, what they may see of its events, and whose profile is whose.

A promotion's people are its fellows (eig.community.Fellow) and the mentors with an account of
its défis, once the promotion has fellows (its teams published): before that, a mentor's work
is the selection (the mentor space), not the promotion's life.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from eig.accounts.access import PROGRAMME_TEAM, Role, has_role
from eig.challenges.models import Mentor
from eig.cohorts.models import Cohort
from eig.community.models import Fellow, Profile
from eig.events.models import Event


def fellow_cohort_ids(user):
    return set(Fellow.objects.filter(user=user).values_list("cohort_id", flat=True))


def mentor_cohort_ids(user):
    return set(
        Mentor.objects.filter(user=user, challenge__cohort__fellows__isnull=False).values_list(
            "challenge__cohort_id", flat=True
        )
    )


def member_rows(user):
    # Asked by the header of every page: a promotion with fellows where `user` is one of them or
    # a mentor of one of its défis.
    return Cohort.objects.filter(fellows__isnull=False).filter(
        Q(fellows__user=user) | Q(challenges__mentors__user=user)
    )


# A fellow or a mentor of a promotion whose teams are published.
MEMBER = Role("promotion_member", rows=member_rows)


def member_cohort_ids(user):
    return fellow_cohort_ids(user) | mentor_cohort_ids(user)


def visible_events(request):
    """The events the person behind `request` may see: public ones for everyone, those of
    their promotion for its fellows and mentors, those for mentors for its mentors; all of
    them for the programme team."""
    if request.user.is_authenticated and has_role(request, PROGRAMME_TEAM):
        return Event.objects.all()
    return events_visible_to(request.user)


def events_visible_to(user):
    """As `visible_events`, for someone who is not making the request (a calendar feed)."""
    visible = Q(audience=Event.Audience.PUBLIC)
    if user.is_authenticated:
        mentored = mentor_cohort_ids(user)
        visible |= Q(
            audience=Event.Audience.PROMOTION, cohort__in=fellow_cohort_ids(user) | mentored
        )
        visible |= Q(audience=Event.Audience.MENTORS, cohort__in=mentored)
    return Event.objects.filter(visible)


def visible_event_or_404(request, pk):
    return get_object_or_404(visible_events(request).select_related("cohort"), pk=pk)


def own_profile_or_404(request, pk):
    """Only one's own profile: anyone else's is a 404, the team's included (they edit nothing)."""
    profile = Profile.objects.filter(pk=pk, user=request.user).first()
    if profile is None:
        raise Http404
    return profile
