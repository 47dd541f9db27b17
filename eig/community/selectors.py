"""What the pages of the promotion's life read."""

from django.db.models import Count, Q

from eig.challenges.models import Mentor
from eig.community.models import Fellow, Profile, Registration


def registration_of(event, user):
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(event=event, user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def waiting_position(registration):
    """1 for the first person waiting."""
    return (
        Registration.objects.filter(
            event=registration.event_id,
            status=Registration.Status.WAITING,
            registered_at__lte=registration.registered_at,
        )
        .exclude(registered_at=registration.registered_at, pk__gt=registration.pk)
        .count()
    )


def with_counts(events):
    return events.annotate(
        registered=Count("registrations", filter=Q(registrations__status="registered")),
        waiting=Count("registrations", filter=Q(registrations__status="waiting")),
    )


def places_left(event):
    if event.capacity is None:
        return None
    taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
    return max(event.capacity - taken, 0)


def promotion_teams(cohort, challenges):
    """[(challenge, fellows' profiles, mentors' profiles)] of the people who consented, per défi
    of `challenges` (the published ones of `cohort`)."""
    consented = {
        profile.user_id: profile
        for profile in Profile.objects.filter(
            consented_at__isnull=False,
            user__in=Fellow.objects.filter(cohort=cohort).values("user"),
        )
        | Profile.objects.filter(
            consented_at__isnull=False,
            user__in=Mentor.objects.filter(challenge__cohort=cohort).values("user"),
        )
    }
    fellows = Fellow.objects.filter(cohort=cohort).order_by(
        "application__last_name", "application__first_name"
    )
    mentors = Mentor.objects.filter(challenge__cohort=cohort, user__isnull=False)
    teams = []
    for challenge in challenges:
        people = [
            consented[fellow.user_id]
            for fellow in fellows
            if fellow.challenge_id == challenge.pk and fellow.user_id in consented
        ]
        guides = [
            consented[mentor.user_id]
            for mentor in mentors
            if mentor.challenge_id == challenge.pk and mentor.user_id in consented
        ]
        if people or guides:
            teams.append((challenge, people, guides))
    return teams
