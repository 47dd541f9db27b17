"""The auditions' workflow: every change to slots, bookings and grids goes through these functions.

Booking locks the application's and the slot's rows (select_for_update; on SQLite the IMMEDIATE
transaction takes the write lock) and checks, on the fresh rows, that the booking is still
possible; the one-to-one constraints on the slot and the application are the last guard.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.applications.models import Application
from eig.audit import services as audit
from eig.audit.models import Action
from eig.auditions.criteria import CRITERIA, SCORE_MAX, SCORE_MIN
from eig.auditions.models import Interview, InterviewScore, InterviewSlot
from eig.auditions.tasks import send_booking_confirmation


class AuditionRefused(Exception):
    """The change is not possible; `message` says why, in French."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def create_slots(*, cohort, starts, length, place, video_url, panel, by):
    """Create one slot per start time in `starts`, all with the same panel."""
    with transaction.atomic():
        slots = InterviewSlot.objects.bulk_create(
            InterviewSlot(
                cohort=cohort, starts_at=start, duration=length, place=place, video_url=video_url
            )
            for start in starts
        )
        for slot in slots:
            slot.panel.set(panel)
        audit.record(
            action=Action.INTERVIEW_SLOTS_CREATED,
            actor=by,
            data={"cohort": cohort.number, "count": len(slots)},
        )
    return slots


def delete_slot(*, slot, by):
    """Delete a slot nobody booked."""
    with transaction.atomic():
        slot = InterviewSlot.objects.select_for_update().filter(pk=slot.pk).first()
        if slot is None:
            return
        if Interview.objects.filter(slot=slot).exists():
            raise AuditionRefused(_("Ce créneau est réservé : il ne peut pas être supprimé."))
        audit.record(action=Action.INTERVIEW_SLOT_DELETED, actor=by, target=slot)
        slot.delete()


def book_slot(*, application, slot, by, now=None):
    """Book `slot` for `application`, or move its booking there; first come, first served.

    Raises AuditionRefused when the application is not invited, the slot is too close, taken
    or of another cohort, or the current booking is too close to be moved.
    """
    now = now or timezone.now()
    with transaction.atomic():
        application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
        if application.candidate_id != by.pk or application.status != Application.Status.INVITED:
            raise AuditionRefused(_("Cette candidature n’est pas invitée à une audition."))
        slot = InterviewSlot.objects.select_for_update().filter(pk=slot.pk).first()
        if slot is None or slot.cohort_id != application.cohort_id:
            raise AuditionRefused(_("Ce créneau n’existe plus."))
        if not slot.is_bookable(now):
            raise AuditionRefused(
                _("Ce créneau n’est plus réservable : il commence dans moins de 24 heures.")
            )
        interview = Interview.objects.filter(application=application).select_related("slot")
        interview = interview.first()
        if interview is not None and interview.slot_id == slot.pk:
            return interview
        if interview is not None and not interview.can_be_moved(now):
            raise AuditionRefused(
                _("Votre audition a lieu dans moins de 48 heures : elle ne peut plus changer.")
            )
        if Interview.objects.filter(slot=slot).exists():
            raise _slot_taken()
        interview = _save_booking(interview, application=application, slot=slot, now=now)
        audit.record(action=Action.INTERVIEW_BOOKED, actor=by, target=application)
        # Enqueued inside the transaction: with the database backend the task row commits (or
        # rolls back) with the booking.
        send_booking_confirmation.enqueue(interview_id=interview.pk)
    return interview


def save_grid(*, interview, member, scores):
    """Save `member`'s grid for `interview`: `scores` maps criterion keys to (score, comment).

    All or nothing: a missing criterion or a score outside the scale saves nothing.
    """
    for key, _label in CRITERIA:
        score, _comment = scores.get(key, (None, ""))
        if score is None or not SCORE_MIN <= score <= SCORE_MAX:
            raise AuditionRefused(
                _("Chaque critère est noté de %(min)d à %(max)d.")
                % {"min": SCORE_MIN, "max": SCORE_MAX}
            )
    with transaction.atomic():
        for key, _label in CRITERIA:
            score, comment = scores[key]
            InterviewScore.objects.update_or_create(
                interview=interview,
                member=member,
                criterion=key,
                defaults={"score": score, "comment": comment},
            )
        audit.record(action=Action.INTERVIEW_GRADED, actor=member, target=interview.application)


def _save_booking(interview, *, application, slot, now):
    try:
        with transaction.atomic():
            if interview is None:
                return Interview.objects.create(application=application, slot=slot, booked_at=now)
            interview.slot = slot
            interview.booked_at = now
            interview.save(update_fields=["slot", "booked_at"])
            return interview
    except IntegrityError:
        raise _slot_taken() from None


def _slot_taken():
    return AuditionRefused(
        _("Ce créneau vient d’être réservé par une autre personne : choisissez-en un autre.")
    )
