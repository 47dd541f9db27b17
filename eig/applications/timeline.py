"""The steps of the selection as the candidate's space shows them: the dates of the cohort's
calendar, and where the candidate stands, with no more than the team tells them
(eig.applications.candidate_status): a stage kept internal is never guessed from the timeline."""

import dataclasses

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from eig.applications.calls import paris_time
from eig.applications.candidate_status import last_decision
from eig.applications.models import Application

DONE = "done"
CURRENT = "current"
UPCOMING = "upcoming"


@dataclasses.dataclass
class Step:
    key: str
    title: str
    state: str  # DONE, CURRENT or UPCOMING
    text: str  # what happened, happens or will happen, in the tense of `state`

    @property
    def state_label(self):
        return {DONE: _("terminée"), CURRENT: _("en cours"), UPCOMING: _("à venir")}[self.state]


def selection_timeline(application, now=None):
    """The steps of a submitted application's selection, from its submission to the start of the
    programme; [] for a draft or a withdrawn application, whose selection does not go on."""
    if application.status in (Application.Status.DRAFT, Application.Status.WITHDRAWN):
        return []
    now = now or timezone.now()
    today = timezone.localdate(now)
    cohort = application.cohort
    decision = last_decision(application)
    closes_at = cohort.application_call_closes_at
    closed = closes_at is None or now >= closes_at
    auditions_started = cohort.auditions_start is not None and today >= cohort.auditions_start
    auditions_over = cohort.auditions_end is not None and today > cohort.auditions_end
    invited = application.status == Application.Status.INVITED

    steps = [
        Step(
            "submitted",
            _("Dépôt de votre candidature"),
            DONE,
            _("Vous avez déposé votre candidature le %(date)s.")
            % {"date": paris_time(application.submitted_at)},
        ),
        _call(closes_at, closed),
        _review(closed, reviewed=auditions_started or invited or decision is not None),
        _auditions(
            cohort, invited, started=auditions_started, over=auditions_over or decision is not None
        ),
        _decision(decision, auditions_over),
    ]
    if decision is None or decision.outcome != Application.Status.REJECTED:
        steps.append(_start(cohort.starts_on, today, decided=decision is not None))
    return steps


def _call(closes_at, closed):
    title = _("Clôture de l’appel à candidatures")
    if closes_at is None:
        return Step("call", title, DONE if closed else UPCOMING, "")
    date = paris_time(closes_at)
    if closed:
        return Step("call", title, DONE, _("L’appel s’est clos le %(date)s.") % {"date": date})
    return Step(
        "call",
        title,
        CURRENT,
        _(
            "L’appel est ouvert jusqu’au %(date)s (heure de Paris) : vous pouvez modifier votre "
            "candidature et la redéposer jusque-là."
        )
        % {"date": date},
    )


def _review(closed, *, reviewed):
    title = _("Examen des candidatures : recevabilité, puis évaluation par le jury")
    if reviewed:
        return Step("review", title, DONE, _("Le jury a examiné les candidatures."))
    if closed:
        return Step("review", title, CURRENT, _("L’équipe et le jury examinent les candidatures."))
    return Step("review", title, UPCOMING, _("Il commencera après la clôture de l’appel."))


def _auditions(cohort, invited, *, started, over):
    title = _("Auditions des candidat·e·s admissibles")
    period = _period(cohort.auditions_start, cohort.auditions_end)
    if over:
        text = _("Les auditions ont eu lieu %(period)s.") if period else _("Elles ont eu lieu.")
        return Step("auditions", title, DONE, text % {"period": period})
    if invited:
        return Step(
            "auditions",
            title,
            CURRENT,
            _(
                "Vous êtes invité·e à une audition %(period)s : votre créneau se réserve dans la "
                "section « Votre audition », plus bas."
            )
            % {"period": period or _("à une date qui vous sera annoncée")},
        )
    if started:
        return Step(
            "auditions",
            title,
            CURRENT,
            _("Elles ont lieu %(period)s.") % {"period": period},
        )
    return Step(
        "auditions",
        title,
        UPCOMING,
        _("Elles auront lieu %(period)s.") % {"period": period}
        if period
        else _("Leurs dates seront annoncées."),
    )


def _decision(decision, auditions_over):
    title = _("Décisions")
    if decision is not None:
        return Step(
            "decision",
            title,
            DONE,
            _("La décision vous a été envoyée par e-mail le %(date)s.")
            % {"date": paris_time(decision.sent_at)},
        )
    if auditions_over:
        return Step(
            "decision",
            title,
            CURRENT,
            _("Le jury délibère : la décision vous sera envoyée par e-mail."),
        )
    return Step(
        "decision",
        title,
        UPCOMING,
        _("Elle vous sera envoyée par e-mail après les auditions."),
    )


def _start(starts_on, today, *, decided):
    title = _("Début du programme")
    if starts_on is None:
        return Step("start", title, UPCOMING, _("Sa date sera annoncée."))
    date = date_format(starts_on, "j F Y")
    if today >= starts_on and not decided:
        # Not done for someone still waiting for their decision, though the date has passed.
        return Step(
            "start",
            title,
            UPCOMING,
            _("Le programme a commencé le %(date)s pour les EIG retenu·e·s.") % {"date": date},
        )
    if today >= starts_on:
        return Step(
            "start", title, DONE, _("Le programme a commencé le %(date)s.") % {"date": date}
        )
    return Step(
        "start",
        title,
        UPCOMING,
        _("Les EIG retenu·e·s arriveront dans leur administration le %(date)s.") % {"date": date},
    )


def _period(start, end):
    if start and end:
        return _("du %(start)s au %(end)s") % {
            "start": date_format(start, "j F"),
            "end": date_format(end, "j F Y"),
        }
    if start:
        return _("à partir du %(start)s") % {"start": date_format(start, "j F Y")}
    return ""
