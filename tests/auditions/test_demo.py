import datetime

from django.core import serializers
from django.db.models import Avg
from django.utils import timezone

from eig.applications.models import Application
from eig.audit.models import Action, AuditEntry
from eig.auditions import services
from eig.auditions.criteria import CRITERIA
from eig.auditions.demo import load_audition_demo
from eig.auditions.models import Interview, InterviewScore, InterviewSlot
from eig.auditions.rhythm import PARIS
from eig.cohorts.models import Cohort
from eig.demo.loader import load_demo
from eig.selection.models import Conflict


def snapshot():
    return {
        model._meta.label: serializers.serialize("json", model.objects.order_by("pk"))
        for model in [InterviewSlot, InterviewSlot.panel.through, Interview, InterviewScore]
        + [AuditEntry]
    }


def test_demo_auditions_of_promotion_2_and_slots_to_book_today(db, capsys):
    load_demo()
    promotion_2 = Cohort.objects.get(number=2)
    past = InterviewSlot.objects.filter(cohort=promotion_2, starts_at__year=2017)
    days = {timezone.localtime(slot.starts_at, PARIS).date() for slot in past}
    assert days == {datetime.date(2017, 11, 14), datetime.date(2017, 11, 15)}
    assert past.count() == 3 * 2 * 9
    starts = sorted({timezone.localtime(slot.starts_at, PARIS).time() for slot in past})
    assert starts[:3] == [datetime.time(9), datetime.time(9, 50), datetime.time(10, 40)]
    for slot in past:
        assert 2 <= slot.panel.count() <= 3
        assert all(user.email.endswith("@jury.example.org") for user in slot.panel.all())

    after_audition = Application.objects.filter(
        cohort=promotion_2, transitions__to_status=Application.Status.INTERVIEWED
    )
    booked = Interview.objects.filter(application__cohort=promotion_2)
    assert booked.count() == after_audition.count() > 40
    assert set(booked.values_list("application", flat=True)) == set(
        after_audition.values_list("pk", flat=True)
    )
    assert not booked.filter(application__status=Application.Status.INVITED).exists()
    # Every audition took place (2017): each sitting member of its panel filled the grid.
    blocked = set(Conflict.objects.blocking().values_list("reviewer__user_id", "application_id"))
    for interview in booked.prefetch_related("slot__panel"):
        sitting = {
            member.pk
            for member in interview.slot.panel.all()
            if (member.pk, interview.application_id) not in blocked
        }
        scores = InterviewScore.objects.filter(interview=interview)
        assert set(scores.values_list("member", flat=True)) == sitting
        for member in sitting:
            assert scores.filter(member=member).count() == len(CRITERIA)
            assert scores.filter(member=member).exclude(comment="").count() == 1
    grids = InterviewScore.objects.values("interview", "member").distinct().count()
    assert AuditEntry.objects.filter(action=Action.INTERVIEW_GRADED).count() == grids
    selected = InterviewScore.objects.filter(
        interview__application__status=Application.Status.SELECTED
    ).aggregate(mean=Avg("score"))["mean"]
    rejected = InterviewScore.objects.filter(
        interview__application__status=Application.Status.REJECTED
    ).aggregate(mean=Avg("score"))["mean"]
    assert selected > rejected

    now = timezone.now()
    bookable = list(InterviewSlot.objects.bookable(cohort=promotion_2, now=now))
    assert len(bookable) == 6
    for slot in bookable:
        local = timezone.localtime(slot.starts_at, PARIS)
        assert 10 <= (local.date() - timezone.localdate(now, PARIS)).days <= 20
        assert local.time() >= datetime.time(9)
    invited = Application.objects.filter(cohort=promotion_2, status=Application.Status.INVITED)
    assert invited.count() >= 5
    assert not invited.filter(interview__isnull=False).exists()
    assert capsys.readouterr().out == ""

    before = snapshot()
    load_audition_demo(promotion_2)
    assert snapshot() == before

    # A grid lost is filled again with the same scores: they come from the application's pk.
    lost = InterviewScore.objects.order_by("pk").first()
    grid = InterviewScore.objects.filter(interview=lost.interview, member=lost.member)
    expected = sorted(grid.values_list("criterion", "score", "comment"))
    grid.delete()
    load_audition_demo(promotion_2)
    assert sorted(grid.values_list("criterion", "score", "comment")) == expected

    candidate = invited.order_by("pk").first()
    assert candidate.candidate.email.endswith("@candidats.example.org")
    interview = services.book_slot(application=candidate, slot=bookable[0], by=candidate.candidate)
    assert interview.slot == bookable[0]
