"""Retention of candidates' data: what is deleted or anonymised, when, and telling them before.

At a moment `now`, for each cohort:

- a draft never submitted is deleted with its CV `cohort.draft_retention_days` after the call
  closed;
- an application not retained is anonymised `cohort.rejected_retention_days` after the end of
  the selection, or `cohort.pool_retention_days` (two years at most) if the candidate agreed to
  be contacted again (the candidate pool). Names, contacts, CV, free texts go, here and in the
  apps above (their `personal_data.py`); the cohort, the défis chosen, the stages, the profile
  and the dates stay, so the statistics do not change;
- the end of the selection is the programme's start (`cohort.starts_on`), or the cohort's last
  stage move when later (a waitlisted candidate retained after the start); without a start
  date, nothing of the cohort is anonymised, and the report says so;
- the candidate is e-mailed RETENTION_NOTICE_DAYS before, once. A period found already over (a
  period shortened, runs missed) is applied without waiting: the periods are maxima;
- an account left with nothing but anonymised applications is anonymised and deactivated (its
  rows carry the statistics); one left with nothing at all is deleted; an account with anything
  else on the platform (a team or jury role, an application still kept) stays as it is. Signing
  in again with the same address then opens a new, empty account;
- the journal forgets the names of these people, and its entries older than
  RETENTION_JOURNAL_DAYS are deleted.

`plan_retention` says what is due without writing anything; `apply_retention` does it, and
running it again changes nothing. The worker runs it every night (`schedule_retention`); the
`apply_retention` command is the safety net.
"""

import datetime
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from eig.applications import personal_data
from eig.applications.cv import delete_cv_file_on_commit
from eig.applications.models import (
    AddressConfirmation,
    Application,
    ChallengeChoice,
    Experience,
    RetentionRun,
    StageTransition,
    Submission,
)
from eig.applications.tasks import apply_retention_task, send_retention_notice
from eig.audit.models import Action, AuditEntry
from eig.audit.retention import delete_entries_before, forget_people, forget_targets
from eig.audit.services import record
from eig.cohorts.models import Cohort

DELETE = "deleted"  # a draft never submitted
ANONYMISE = "anonymised"  # an application not retained
WARN = "warned"  # its candidate told by e-mail before
# What the anonymisation blanks on the application itself.
BLANKED = [
    *("first_name", "last_name", "email", "confirmed_email", "phone", "city"),
    *("background", "experiences_text", "code_forge_url", "portfolio_url"),
    *("professional_profile_url", "motivation", "administration_fit", "preferred_teammate"),
    *("cv", "cv_filename"),
]
# The worker's nightly run, Paris time.
RUN_AT = datetime.time(3)


@dataclass(frozen=True)
class Due:
    """An application to delete or anonymise at `at`."""

    application_id: int
    cohort_id: int
    kind: str
    at: datetime.datetime


@dataclass
class RetentionPlan:
    now: datetime.datetime
    erase: list[Due]  # due now
    warn: list[Due]  # due within the notice period, their candidate not told yet
    journal_before: datetime.datetime  # journal entries older than this go
    cohorts: dict[int, Cohort]
    waiting: list[Cohort]  # call closed, no start date: their selection has no known end


@dataclass
class RetentionReport:
    now: datetime.datetime
    dry_run: bool = False
    per_cohort: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    accounts_anonymised: int = 0
    accounts_deleted: int = 0
    journal_forgotten: int = 0
    journal_deleted: int = 0
    waiting: list[str] = field(default_factory=list)

    @property
    def did_anything(self):
        return bool(
            any(sum(counts.values()) for counts in self.per_cohort.values())
            or self.accounts_anonymised
            or self.accounts_deleted
            or self.journal_forgotten
            or self.journal_deleted
        )

    def as_dict(self):
        return {
            "date": self.now.isoformat(),
            "dry_run": self.dry_run,
            "cohorts": {name: dict(counts) for name, counts in self.per_cohort.items()},
            "accounts": {"anonymised": self.accounts_anonymised, "deleted": self.accounts_deleted},
            "journal": {"forgotten": self.journal_forgotten, "deleted": self.journal_deleted},
        }

    def lines(self):
        """What was done (or would be, in a dry run), in French, for the command's output."""
        title = (
            _("Conservation des données au %(day)s (simulation : rien n’est modifié).")
            if self.dry_run
            else _("Conservation des données au %(day)s.")
        )
        lines = [title % {"day": date_format(timezone.localtime(self.now), "j F Y")}]
        for name, counts in sorted(self.per_cohort.items()):
            lines.append(
                _(
                    "%(cohort)s : %(deleted)s brouillon(s) supprimé(s), %(anonymised)s "
                    "candidature(s) anonymisée(s), %(warned)s personne(s) prévenue(s) par e-mail."
                )
                % {"cohort": name, **{kind: counts[kind] for kind in (DELETE, ANONYMISE, WARN)}}
            )
        if len(lines) == 1:
            lines.append(_("Aucune candidature n’arrive au terme de sa conservation."))
        lines.append(
            _("Comptes : %(anonymised)s anonymisé(s) et désactivé(s), %(deleted)s supprimé(s).")
            % {"anonymised": self.accounts_anonymised, "deleted": self.accounts_deleted}
        )
        lines.append(
            _(
                "Journal : %(forgotten)s entrée(s) ne nomment plus personne, %(deleted)s "
                "entrée(s) supprimée(s) au terme de leur conservation."
            )
            % {"forgotten": self.journal_forgotten, "deleted": self.journal_deleted}
        )
        for name in self.waiting:
            lines.append(
                _(
                    "%(cohort)s : sans date de début du programme, la fin de la sélection est "
                    "inconnue ; ses candidatures non retenues sont conservées."
                )
                % {"cohort": name}
            )
        return lines


def duration_label(days):
    """A period as the privacy page and the form say it: in days, and in years when exact."""
    text = ngettext("%(count)s jour", "%(count)s jours", days) % {"count": days}
    if days % 365 == 0:
        years = days // 365
        text += " (%s)" % (ngettext("%(count)s an", "%(count)s ans", years) % {"count": years})
    return text


@dataclass(frozen=True)
class CohortPeriods:
    cohort: Cohort | None  # None: the defaults of a new cohort
    drafts: str
    rejected: str
    pool: str


def published_periods():
    """The periods the privacy page shows, read where the retention reads them.

    One row per published cohort with a call for applications, latest first, or the defaults of
    a new cohort when there is none; the journal's period and the notice, from the settings.
    """
    cohorts = Cohort.objects.published().filter(application_call_opens_at__isnull=False)
    rows = [
        CohortPeriods(
            cohort,
            duration_label(cohort.draft_retention_days),
            duration_label(cohort.rejected_retention_days),
            duration_label(cohort.pool_retention_days),
        )
        for cohort in cohorts.order_by("-number")
    ] or [
        CohortPeriods(
            None,
            duration_label(settings.RETENTION_DRAFT_DAYS),
            duration_label(settings.RETENTION_REJECTED_DAYS),
            duration_label(settings.RETENTION_POOL_DAYS),
        )
    ]
    return {
        "cohorts": rows,
        "journal": duration_label(settings.RETENTION_JOURNAL_DAYS),
        "notice": duration_label(settings.RETENTION_NOTICE_DAYS),
    }


def selection_end(cohort, last_move=None):
    """When the cohort's selection is over: its start, or its last stage move if later."""
    if cohort.starts_on is None:
        return None
    start = timezone.make_aware(datetime.datetime.combine(cohort.starts_on, datetime.time.min))
    return max(start, last_move) if last_move else start


def due_at(application, cohort, end):
    """When `application` (not retained) is to be deleted or anonymised; None if not known yet.

    `end` is the cohort's `selection_end`.
    """
    if application.status == Application.Status.DRAFT:
        closes = cohort.application_call_closes_at
        return _days_after(closes, cohort.draft_retention_days) if closes else None
    if end is None:
        return None
    if application.pool_consent:
        return _days_after(end, cohort.pool_retention_days)
    return _days_after(end, cohort.rejected_retention_days)


def _days_after(moment, days):
    # Calendar days in Paris: a draft of a call closing at 17:00 goes at 17:00, summer or winter.
    return timezone.localtime(moment) + datetime.timedelta(days=days)


def plan_retention(*, now=None):
    """What is due at `now`: read only, nothing is written."""
    now = now or timezone.now()
    cohorts = Cohort.objects.in_bulk()
    last_moves = dict(
        StageTransition.objects.order_by()
        .values("application__cohort")
        .annotate(last=Max("at"))
        .values_list("application__cohort", "last")
    )
    ends = {pk: selection_end(cohort, last_moves.get(pk)) for pk, cohort in cohorts.items()}
    notice = datetime.timedelta(days=settings.RETENTION_NOTICE_DAYS)
    erase, warn = [], []
    candidates = (
        Application.objects.filter(anonymised_at__isnull=True)
        .exclude(status__in=Application.RETAINED)
        .only("cohort_id", "status", "pool_consent", "retention_notice_sent_at")
        .order_by("pk")
    )
    for application in candidates:
        cohort = cohorts[application.cohort_id]
        at = due_at(application, cohort, ends[cohort.pk])
        if at is None:
            continue
        kind = DELETE if application.is_draft else ANONYMISE
        due = Due(application.pk, cohort.pk, kind, at)
        # A draft is told once its call has closed, never while it may still be submitted.
        warn_from = at - notice
        if application.is_draft:
            warn_from = max(warn_from, cohort.application_call_closes_at)
        if at <= now:
            erase.append(due)
        elif application.retention_notice_sent_at is None and warn_from <= now:
            warn.append(due)
    waiting = [
        cohort
        for cohort in cohorts.values()
        if cohort.starts_on is None
        and cohort.application_call_closes_at
        and cohort.application_call_closes_at <= now
        and cohort.applications.exclude(status=Application.Status.DRAFT).exists()
    ]
    return RetentionPlan(
        now=now,
        erase=erase,
        warn=warn,
        journal_before=now - datetime.timedelta(days=settings.RETENTION_JOURNAL_DAYS),
        cohorts=cohorts,
        waiting=sorted(waiting, key=lambda cohort: cohort.number),
    )


def apply_retention(*, now=None, dry_run=False):
    """Do what `plan_retention` finds due at `now`; a RetentionReport says what was done.

    Idempotent: a second run at the same moment finds nothing to do. With `dry_run`, the report
    says what would be done, and nothing changes.
    """
    plan = plan_retention(now=now)
    report = RetentionReport(now=plan.now, dry_run=dry_run)
    report.waiting = [str(cohort) for cohort in plan.waiting]
    deletions = [due for due in plan.erase if due.kind == DELETE]
    anonymisations = [due for due in plan.erase if due.kind == ANONYMISE]
    if dry_run:
        for due in plan.erase:
            report.per_cohort[str(plan.cohorts[due.cohort_id])][due.kind] += 1
        for due in plan.warn:
            report.per_cohort[str(plan.cohorts[due.cohort_id])][WARN] += 1
        to_anonymise, to_delete = _account_fates(
            _candidates_of(plan.erase),
            erased={due.application_id for due in plan.erase},
            deleted={due.application_id for due in deletions},
        )
        report.accounts_anonymised, report.accounts_deleted = len(to_anonymise), len(to_delete)
        report.journal_deleted = AuditEntry.objects.filter(
            created_at__lt=plan.journal_before
        ).count()
        return report
    for due in plan.warn:
        if _claim_notice(due):
            report.per_cohort[str(plan.cohorts[due.cohort_id])][WARN] += 1
    with transaction.atomic():
        candidates = _candidates_of(plan.erase)
        for cohort_id, count in _delete_drafts(deletions, report).items():
            report.per_cohort[str(plan.cohorts[cohort_id])][DELETE] += count
        for cohort_id, count in _anonymise(anonymisations, report).items():
            report.per_cohort[str(plan.cohorts[cohort_id])][ANONYMISE] += count
        _settle_accounts(candidates, report)
        report.journal_deleted = delete_entries_before(plan.journal_before)
        if report.did_anything:
            record(action=Action.RETENTION_APPLIED, actor=None, data=report.as_dict())
    return report


def schedule_retention(*, day):
    """Enqueue the worker's run of `day`, once whoever asks; each run then enqueues the next.

    Returns the task's result, or None when that day is already enqueued or the task backend
    cannot run a task later (the tests' immediate backend).
    """
    if not apply_retention_task.get_backend().supports_defer:
        return None
    with transaction.atomic():
        _run, created = RetentionRun.objects.get_or_create(day=day)
        if not created:
            return None
        RetentionRun.objects.filter(day__lt=day - datetime.timedelta(days=31)).delete()
        run_after = timezone.make_aware(datetime.datetime.combine(day, RUN_AT))
        return apply_retention_task.using(run_after=max(run_after, timezone.now())).enqueue(
            day=day.isoformat()
        )


def _claim_notice(due):
    """Mark the candidate told, once even if two runs overlap, and let the worker e-mail them."""
    claimed = Application.objects.filter(
        pk=due.application_id, retention_notice_sent_at__isnull=True
    ).update(retention_notice_sent_at=timezone.now())
    if claimed:
        transaction.on_commit(
            lambda: send_retention_notice.enqueue(
                application_id=due.application_id, due_at=due.at.isoformat()
            )
        )
    return bool(claimed)


def _candidates_of(dues):
    return set(
        Application.objects.filter(pk__in=[due.application_id for due in dues]).values_list(
            "candidate_id", flat=True
        )
    )


def _delete_drafts(dues, report):
    """Delete the drafts still drafts, with their CV; {cohort id: count}."""
    drafts = list(
        Application.objects.select_for_update()
        .filter(pk__in=[due.application_id for due in dues], status=Application.Status.DRAFT)
        .only("public_id", "cohort_id", "cv")
    )
    if not drafts:
        return {}
    Application.objects.filter(pk__in=[draft.pk for draft in drafts]).delete()
    _forget_files_and_names(drafts, report, label=_("brouillon supprimé"))
    return Counter(draft.cohort_id for draft in drafts)


def _anonymise(dues, report):
    """Anonymise the applications not anonymised yet nor retained since; {cohort id: count}."""
    applications = list(
        Application.objects.select_for_update()
        .filter(pk__in=[due.application_id for due in dues], anonymised_at__isnull=True)
        .exclude(status__in=Application.RETAINED)
        .only("public_id", "cohort_id", "cv")
    )
    if not applications:
        return {}
    ids = [application.pk for application in applications]
    Application.objects.filter(pk__in=ids).update(
        **dict.fromkeys(BLANKED, ""), cv_size=None, anonymised_at=timezone.now()
    )
    Experience.objects.filter(application__in=ids).update(title="", organisation="", description="")
    ChallengeChoice.objects.filter(application__in=ids).update(contribution="")
    StageTransition.objects.filter(application__in=ids).update(reason="")
    # A copy of the answers blanked above: it goes, the dates and digests stay.
    Submission.objects.filter(application__in=ids).update(snapshot=None)
    AddressConfirmation.objects.filter(application__in=ids).delete()
    for holder in personal_data.holders():
        holder.erase(ids)
    _forget_files_and_names(applications, report, label=_("candidature anonymisée"))
    return Counter(application.cohort_id for application in applications)


def _forget_files_and_names(applications, report, *, label):
    """Their CV files go once the transaction commits; the journal keeps `label`, not names."""
    for application in applications:
        if application.cv.name:
            delete_cv_file_on_commit(application.cv.name)
    report.journal_forgotten += forget_targets(
        target_type=Application._meta.label_lower,
        target_ids=[application.public_id for application in applications],
        label=label,
    )


def _settle_accounts(candidate_ids, report):
    to_anonymise, to_delete = _account_fates(candidate_ids)
    User = get_user_model()
    users = list(User.objects.filter(pk__in=to_anonymise | to_delete))
    if not users:
        return
    report.journal_forgotten += forget_people(
        users=users, label=_("personne dont les données sont effacées")
    )
    User.objects.filter(pk__in=to_delete).delete()
    for user in users:
        if user.pk in to_anonymise:
            # A new username frees the address: signing in with it again opens a new account.
            user.username = f"anonyme-{uuid.uuid4().hex}"
            user.email = user.first_name = user.last_name = ""
            user.is_active = False
            user.set_unusable_password()
            user.save()
    report.accounts_anonymised += len(to_anonymise)
    report.accounts_deleted += len(to_delete)


def _account_fates(candidate_ids, *, erased=(), deleted=()):
    """(accounts to anonymise, accounts to delete) among `candidate_ids`, as sets of ids.

    `erased` and `deleted` are applications to count as anonymised or deleted already (a dry
    run). Kept: the accounts with an application still kept, or anything else on the platform.
    """
    kept = set(
        Application.objects.filter(candidate_id__in=candidate_ids, anonymised_at__isnull=True)
        .exclude(pk__in=erased)
        .values_list("candidate_id", flat=True)
    )
    free = set(candidate_ids) - kept
    free -= _held_elsewhere(free)
    with_rows = set(
        Application.objects.filter(candidate_id__in=free)
        .exclude(pk__in=deleted)
        .values_list("candidate_id", flat=True)
    )
    return free & with_rows, free - with_rows


def _held_elsewhere(user_ids):
    """The accounts among `user_ids` that something else refers to: staff, a group, a jury role...

    Found through every relation to the user model, so a role added later is known here too.
    """
    User = get_user_model()
    held = set(
        User.objects.filter(Q(is_staff=True) | Q(is_superuser=True), pk__in=user_ids).values_list(
            "pk", flat=True
        )
    )
    candidate_rows = {Application, StageTransition, AuditEntry}
    for relation in User._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and relation.is_relation) or relation.concrete:
            continue
        if relation.related_model in candidate_rows:
            continue
        name = relation.field.name
        held |= set(
            relation.related_model._base_manager.filter(**{f"{name}__in": user_ids}).values_list(
                name, flat=True
            )
        )
    return held
