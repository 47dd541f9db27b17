"""Which call for défis the site shows, and what to say of it, in Paris time."""

import zoneinfo

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from eig.proposals.models import CallState, ChallengeCall

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def published_calls():
    return ChallengeCall.objects.filter(cohort__is_published=True).select_related("cohort")


def current_call(now=None):
    """The call open at `now`, else the next one to open, else the one closed last; or None."""
    now = now or timezone.now()
    calls = published_calls()
    return (
        calls.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at").first()
        or calls.filter(opens_at__gt=now).order_by("opens_at").first()
        or calls.filter(closes_at__lte=now).order_by("-closes_at").first()
        or calls.filter(Q(opens_at__isnull=True) | Q(closes_at__isnull=True)).first()
    )


def open_call(now=None):
    """The call that takes proposals at `now`, or None."""
    call = current_call(now)
    return call if call is not None and call.is_open(now) else None


def paris_time(moment):
    return date_format(
        timezone.localtime(moment, PARIS), pgettext("format de date", "j F Y à H\\hi")
    )


def paris_clock(moment):
    return date_format(timezone.localtime(moment, PARIS), "G \\h i")


def closed_call_message(call, now=None):
    """Why `call` takes no proposal at `now`; None while it is open."""
    state = call.state(now)
    values = {"cohort": call.cohort}
    if state == CallState.OPEN:
        return None
    if state == CallState.UPCOMING:
        values["date"] = paris_time(call.opens_at)
        return _("L’appel à défis de la %(cohort)s ouvrira le %(date)s (heure de Paris).") % values
    if state == CallState.CLOSED:
        values["date"] = paris_time(call.closes_at)
        return (
            _(
                "L’appel à défis de la %(cohort)s est clos depuis le %(date)s (heure de Paris) : "
                "les propositions ne peuvent plus être déposées ni modifiées."
            )
            % values
        )
    return _("Les dates de l’appel à défis de la %(cohort)s ne sont pas encore fixées.") % values
