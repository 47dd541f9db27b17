"""The auditions of Promotion 2 for the demo, and a few future slots to try the booking.

On 14 and 15 November 2017, three rooms each receive a panel of demo reviewers (eig.selection's
demo) at the programme's rhythm; the applications that went through the audition (interviewed,
then retained, waitlisted or not retained) have their booking there, and every member of the
panel of an audition that took place has filled their grid. The applications still invited have
no booking: with the future slots, created once a fortnight or so after loading, a demo
candidate may book one (they sign in by an e-mail link at /connexion/ with their address in
candidats.example.org).

Idempotent: each step is keyed on what it creates (the 2017 days, the bookings, the grids, a
bookable slot), so loading twice changes nothing.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from eig.applications.models import Application, StageTransition
from eig.auditions import rhythm, services
from eig.auditions.criteria import CRITERIA, SCORE_MAX, SCORE_MIN
from eig.auditions.models import Interview, InterviewSlot
from eig.selection.demo import EMAIL_DOMAIN
from eig.selection.models import Conflict, Reviewer

PARIS = rhythm.PARIS
AUDITION_DAYS = [datetime.date(2017, 11, 14), datetime.date(2017, 11, 15)]
FIRST_START = datetime.time(9)
SLOTS_PER_ROOM_AND_DAY = 9  # 9:00 to 16:20, the last one ending at 17:00
# (room, indexes of its panel among the demo reviewers, ordered by pk)
ROOMS = [
    ("Etalab, 20 avenue de Ségur, Paris — salle 1", [0, 1, 2]),
    ("Etalab, 20 avenue de Ségur, Paris — salle 2", [3, 4, 5]),
    ("Etalab, 20 avenue de Ségur, Paris — salle 3", [6, 7]),
]
BOOKED_DAYS_BEFORE = 5
# A member's score on a criterion: the audition's level, moved by one at most, with the
# outcome's shift so that the grids agree with the decisions taken after them.
OUTCOME_SHIFT = {Application.Status.SELECTED: 1, Application.Status.REJECTED: -1}
MEMBER_SPREAD = [-1, 0, 0, 1]
GRADE_COMMENTS = {  # by score, short and generic: the demo must not look like a real candidate's
    1: "Point très peu abordé pendant l’échange.",
    2: "Réponses restées générales, sans exemple précis.",
    3: "Des éléments pertinents, à étayer davantage.",
    4: "Propos clairs, appuyés sur une expérience concrète.",
    5: "Très convaincant, avec des exemples parlants.",
}
FUTURE_DAYS = [10, 14]  # days after loading, moved to the Monday when on a weekend
FUTURE_SLOTS_PER_DAY = 3
FUTURE_VIDEO_URL = "https://webconf.example.org/eig-auditions"


@transaction.atomic
def load_audition_demo(cohort, now=None):
    now = now or timezone.now()
    panels = _panels(cohort)
    if not panels:
        return
    slots = _past_slots(cohort, panels)
    _book_past_slots(cohort, slots)
    _fill_grids(cohort, now)
    _future_slots(cohort, panels[0], now)


def _panels(cohort):
    users = [
        reviewer.user
        for reviewer in Reviewer.objects.filter(
            cohort=cohort, user__username__endswith=f"@{EMAIL_DOMAIN}"
        )
        .select_related("user")
        .order_by("pk")
    ]
    return [[users[index] for index in indexes if index < len(users)] for _room, indexes in ROOMS]


def _past_slots(cohort, panels):
    """The slots of 14 and 15 November 2017, by start time then room."""
    days = _day_range(AUDITION_DAYS[0], AUDITION_DAYS[-1])
    existing = InterviewSlot.objects.filter(cohort=cohort, starts_at__range=days)
    if not existing.exists():
        for (place, _indexes), panel in zip(ROOMS, panels, strict=True):
            for day in AUDITION_DAYS:
                services.create_slots(
                    cohort=cohort,
                    starts=rhythm.slot_starts(
                        day=day, first_start=FIRST_START, count=SLOTS_PER_ROOM_AND_DAY
                    ),
                    length=rhythm.AUDITION_MINUTES,
                    place=place,
                    video_url="",
                    panel=panel,
                    by=None,
                )
    return list(existing.order_by("starts_at", "place", "pk"))


def _day_range(first, last):
    return (
        datetime.datetime.combine(first, datetime.time(0), tzinfo=PARIS),
        datetime.datetime.combine(last, datetime.time(23, 59), tzinfo=PARIS),
    )


def _book_past_slots(cohort, slots):
    """A booking for each application that went through the audition, in order of pk."""
    after_audition = Application.objects.filter(cohort=cohort).filter(
        pk__in=StageTransition.objects.filter(
            from_status=Application.Status.INVITED, to_status=Application.Status.INTERVIEWED
        ).values("application")
    )
    applications = list(after_audition.filter(interview__isnull=True).order_by("pk"))
    free = [slot for slot in slots if not Interview.objects.filter(slot=slot).exists()]
    Interview.objects.bulk_create(
        Interview(
            application=application,
            slot=slot,
            booked_at=slot.starts_at - datetime.timedelta(days=BOOKED_DAYS_BEFORE),
        )
        for application, slot in zip(applications, free, strict=False)
    )


def _fill_grids(cohort, now):
    """Each sitting panel member's grid for every audition of `cohort` that took place.

    Through the panel's own service, so the grids are valid ones; the scores are drawn from
    the application's pk, so they stay the same from one load to the next. A member in
    conflict with the candidate does not sit (see selectors.panel_grids), nor grade.
    """
    interviews = (
        Interview.objects.filter(application__cohort=cohort, slot__starts_at__lt=now)
        .select_related("application")
        .prefetch_related("slot__panel", "scores")
        .order_by("application__pk")
    )
    blocked = set(
        Conflict.objects.blocking()
        .filter(application__cohort=cohort)
        .values_list("reviewer__user_id", "application_id")
    )
    for interview in interviews:
        graded = {score.member_id for score in interview.scores.all()}
        for member, scores in _grids(interview):
            if member.pk in graded or (member.pk, interview.application_id) in blocked:
                continue
            services.save_grid(interview=interview, member=member, scores=scores)


def _grids(interview):
    """[(member, scores)] of the whole panel, in order of pk, drawn from the application's pk."""
    rng = random.Random(interview.application_id)
    level = rng.randint(SCORE_MIN + 1, SCORE_MAX - 1)
    level += OUTCOME_SHIFT.get(interview.application.status, 0)
    grids = []
    for member in sorted(interview.slot.panel.all(), key=lambda user: user.pk):
        # One comment a grid, as members write them: on the point that struck them.
        commented = rng.choice(CRITERIA)[0]
        scores = {}
        for key, _label in CRITERIA:
            score = min(SCORE_MAX, max(SCORE_MIN, level + rng.choice(MEMBER_SPREAD)))
            scores[key] = (score, GRADE_COMMENTS[score] if key == commented else "")
        grids.append((member, scores))
    return grids


def working_day(day):
    """`day`, or the Monday after it when it falls on a weekend: auditions keep office days."""
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _future_slots(cohort, panel, now):
    """A few slots a fortnight or so ahead, unless some slot of `cohort` is still bookable."""
    if InterviewSlot.objects.bookable(cohort=cohort, now=now).exists():
        return
    today = timezone.localtime(now, PARIS).date()
    for offset in FUTURE_DAYS:
        services.create_slots(
            cohort=cohort,
            starts=rhythm.slot_starts(
                day=working_day(today + datetime.timedelta(days=offset)),
                first_start=FIRST_START,
                count=FUTURE_SLOTS_PER_DAY,
            ),
            length=rhythm.AUDITION_MINUTES,
            place="",
            video_url=FUTURE_VIDEO_URL,
            panel=panel,
            by=None,
        )
