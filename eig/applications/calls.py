"""Where the calls for applications stand: which cohorts and défis take applications, and what
to tell when none does."""

import zoneinfo

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from eig.challenges.models import Challenge
from eig.cohorts.models import ApplicationCallState, Cohort

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def open_cohorts(now=None):
    """Published cohorts whose call is open at `now` (the closing instant excluded)."""
    now = now or timezone.now()
    return Cohort.objects.published().filter(
        application_call_opens_at__lte=now, application_call_closes_at__gt=now
    )


def open_challenges(cohort):
    """The défis of `cohort` that take applications."""
    return (
        Challenge.objects.published()
        .filter(cohort=cohort, status=Challenge.Status.OPEN)
        .select_related("host")
        .order_by("name")
    )


def open_challenge(slug):
    """The défi `slug` if it takes applications (its cohort's call may be closed), else None."""
    if not slug:
        return None
    return (
        Challenge.objects.published()
        .filter(status=Challenge.Status.OPEN, slug=slug)
        .select_related("cohort")
        .first()
    )


def next_or_last_call(now=None):
    """The cohort whose call opens next, else the one whose call closed last, else None."""
    now = now or timezone.now()
    upcoming = Cohort.objects.with_call_open_or_upcoming(now).first()
    if upcoming:
        return upcoming
    return (
        Cohort.objects.published()
        .filter(application_call_closes_at__lte=now)
        .order_by("-application_call_closes_at")
        .first()
    )


def paris_time(moment):
    return date_format(
        timezone.localtime(moment, PARIS), pgettext("format de date", "j F Y à H\\hi")
    )


def closed_call_message(cohort, now=None):
    """Why `cohort` takes no application at `now`, in Paris time; None while its call is open."""
    state = cohort.application_call_state(now)
    values = {"cohort": cohort}
    if state == ApplicationCallState.OPEN:
        return None
    if state == ApplicationCallState.UPCOMING:
        values["date"] = paris_time(cohort.application_call_opens_at)
        return (
            _("L’appel à candidatures de la %(cohort)s ouvrira le %(date)s (heure de Paris).")
            % values
        )
    if state == ApplicationCallState.CLOSED:
        values["date"] = paris_time(cohort.application_call_closes_at)
        return (
            _(
                "L’appel à candidatures de la %(cohort)s est clos depuis le %(date)s "
                "(heure de Paris) : les candidatures ne peuvent plus être déposées ni modifiées."
            )
            % values
        )
    return _("Aucun appel à candidatures n’est prévu pour la %(cohort)s.") % values


def unpublished_rules_message(cohort):
    """Why nobody may apply to `cohort` yet when its rules are not published, else None."""
    if cohort.current_rules(timezone.localdate()) is not None:
        return None
    return _(
        "Le règlement de la %(cohort)s n’est pas encore publié : les candidatures "
        "s’ouvriront avec lui."
    ) % {"cohort": cohort}


def paris_clock(moment):
    """The time of day in Paris, as in « 14 h 32 »."""
    return date_format(timezone.localtime(moment, PARIS), "G \\h i")
