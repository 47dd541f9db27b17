"""Writes about the jury: invitations, expertise, declared and detected conflicts."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from eig.accounts.models import normalise_email
from eig.applications.models import ChallengeChoice, Experience
from eig.audit.models import Action, AuditEntry
from eig.audit.services import record
from eig.selection import conflicts as rules
from eig.selection.models import Conflict, Reviewer
from eig.selection.selectors import assignable_applications
from eig.selection.tasks import send_reviewer_invitation


@transaction.atomic
def invite_reviewer(*, cohort, email, full_name, organisation, host, max_load, by):
    """Create the account if needed and the reviewer; e-mail them a way to sign in."""
    email = normalise_email(email)
    user, _created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email, "password": make_password(None)}
    )
    reviewer = Reviewer.objects.create(
        cohort=cohort,
        user=user,
        full_name=full_name,
        organisation=organisation,
        host=host,
        max_load=max_load,
        invited_at=timezone.now(),
    )
    # The sign-in page, then back to the jury area: the same link by e-mail as candidates get.
    url = settings.SITE_URL + reverse("sign_in") + "?" + urlencode({"next": reverse("jury:home")})
    transaction.on_commit(
        lambda: send_reviewer_invitation.enqueue(
            email=email, full_name=full_name, cohort=str(cohort), url=url
        )
    )
    record(action=Action.REVIEWER_INVITED, actor=by, target=reviewer)
    return reviewer


@transaction.atomic
def update_expertise(*, reviewer, profiles, skills, max_load, request=None):
    """The reviewer's profiles, skills and load: what the next assignment will count on."""
    previous_load = reviewer.max_load
    reviewer.profiles = list(profiles)
    reviewer.max_load = max_load
    reviewer.accepted_at = reviewer.accepted_at or timezone.now()
    reviewer.save(update_fields=["profiles", "max_load", "accepted_at"])
    reviewer.skills.set(skills)
    record(
        action=Action.REVIEWER_EXPERTISE_CHANGED,
        actor=reviewer.user,
        target=reviewer,
        request=request,
        data={
            "profiles": reviewer.profiles,
            "skills": sorted(skill.slug for skill in skills),
            "max_load": max_load,
            "previous_max_load": previous_load,
        },
    )


class SearchLimitReached(Exception):
    pass


SEARCH_WINDOW = timedelta(hours=1)


def search_candidates(*, reviewer, query, request=None):
    """The candidates of the reviewer's cohort that `query` names exactly (`names_exactly`).

    Each search is recorded in the journal, which counts them: past
    `settings.CONFLICT_SEARCHES_PER_HOUR` in the last hour, SearchLimitReached is raised and
    nothing is searched, so a reviewer cannot try name after name. On SQLite the transaction
    takes the write lock first, so concurrent searches cannot both pass the count; elsewhere a
    burst may exceed the limit by a few, which is acceptable.
    """
    user = reviewer.user
    with transaction.atomic():
        recent = AuditEntry.objects.filter(
            action=Action.CONFLICTS_SEARCHED,
            actor=user,
            created_at__gte=timezone.now() - SEARCH_WINDOW,
        ).count()
        if recent >= settings.CONFLICT_SEARCHES_PER_HOUR:
            raise SearchLimitReached
        candidates = (
            assignable_applications(reviewer.cohort)
            .select_related("candidate")
            .only("public_id", "first_name", "last_name", "email", "candidate__email")
        )
        found = sorted(
            (
                application
                for application in candidates
                if rules.names_exactly(
                    query,
                    first_name=application.first_name,
                    last_name=application.last_name,
                    emails=[application.email, application.candidate.email],
                )
            ),
            key=lambda application: (application.last_name, application.first_name),
        )
        record(
            action=Action.CONFLICTS_SEARCHED,
            actor=user,
            target=reviewer,
            request=request,
            data={"query": query, "found": len(found)},
        )
    return found


def declare_conflict(*, reviewer, application, reason):
    """The reviewer says they cannot review this candidate; it overrides a detected one."""
    conflict, _created = Conflict.objects.update_or_create(
        reviewer=reviewer,
        application=application,
        defaults={"kind": Conflict.Kind.DECLARED, "reason": reason, "consented_by_team": False},
    )
    record(action=Action.CONFLICT_DECLARED, actor=reviewer.user, target=application)
    return conflict


@transaction.atomic
def detect_conflicts(*, cohort):
    """Store the detected conflicts of `cohort`, keeping the team's consents; drop stale ones."""
    reviewers = list(Reviewer.objects.filter(cohort=cohort).select_related("user"))
    candidates = candidate_facts(assignable_applications(cohort))
    # Plain values, not objects: a national call has tens of thousands of conflicts.
    existing = {
        (reviewer_id, application_id): (pk, kind, reason)
        for pk, reviewer_id, application_id, kind, reason in Conflict.objects.filter(
            reviewer__cohort=cohort
        ).values_list("pk", "reviewer_id", "application_id", "kind", "reason")
    }
    suspects = _suspects(candidates)
    found, new, now = set(), [], timezone.now()
    for reviewer in reviewers:
        facts = reviewer_facts(reviewer)
        for application_id in suspects(facts):
            candidate = candidates[application_id]
            reason = rules.employer_reason(facts, candidate) or rules.host_reason(facts, candidate)
            if reason is None:
                continue
            found.add((reviewer.pk, application_id))
            conflict = existing.get((reviewer.pk, application_id))
            if conflict is None:
                new.append(
                    (reviewer.pk, application_id, Conflict.Kind.DETECTED.value, reason, False, now)
                )
            elif conflict[1] == Conflict.Kind.DETECTED and conflict[2] != reason:
                Conflict.objects.filter(pk=conflict[0]).update(
                    reason=reason, consented_by_team=False
                )
    insert_rows(
        Conflict,
        ["reviewer_id", "application_id", "kind", "reason", "consented_by_team", "created_at"],
        new,
    )
    stale = [
        pk
        for pair, (pk, kind, _reason) in existing.items()
        if kind == Conflict.Kind.DETECTED and pair not in found
    ]
    Conflict.objects.filter(pk__in=stale).delete()


def consent_to_conflict(*, conflict, by):
    """The team lets a reviewer of a host administration review for a défi it hosts."""
    candidate = candidate_facts([conflict.application])[conflict.application_id]
    facts = reviewer_facts(conflict.reviewer)
    if conflict.kind != Conflict.Kind.DETECTED or rules.employer_reason(facts, candidate):
        return False
    conflict.consented_by_team = True
    conflict.save(update_fields=["consented_by_team"])
    record(action=Action.CONFLICT_CONSENTED, actor=by, target=conflict.application)
    return True


def _suspects(candidates):
    """A function giving, for a reviewer's facts, the ids of the `candidates` a rule could put
    in conflict with them (same organisation, same e-mail domain, a défi of their host), in
    id order: each rule is then run on those only, not on every pair of a national call."""
    by_organisation, by_domain, by_host = {}, {}, {}
    for application_id, candidate in candidates.items():
        organisation = rules.normalise_organisation(candidate.latest_organisation)
        by_organisation.setdefault(organisation, set()).add(application_id)
        by_domain.setdefault(rules.employer_domain(candidate.email), set()).add(application_id)
        for host_id in candidate.host_ids:
            by_host.setdefault(host_id, set()).add(application_id)
    by_organisation.pop("", None)
    by_domain.pop("", None)
    by_host.pop(None, None)

    def suspects(facts):
        return sorted(
            by_organisation.get(rules.normalise_organisation(facts.organisation), set())
            | by_domain.get(rules.employer_domain(facts.email), set())
            | by_host.get(facts.host_id, set())
        )

    return suspects


def insert_rows(model, fields, rows):
    """Insert `rows`, tuples of the values of `fields` as the database stores them (ids, text,
    numbers, aware datetimes). On PostgreSQL by COPY: a national call's 60,000 assignments
    take a fraction of a second, where bulk_create builds an object and parameters per row."""
    if connection.vendor != "postgresql":
        model.objects.bulk_create(
            (model(**dict(zip(fields, row, strict=True))) for row in rows), batch_size=1000
        )
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def reviewer_facts(reviewer):
    return rules.ReviewerFacts(
        organisation=reviewer.organisation, email=reviewer.user.email, host_id=reviewer.host_id
    )


def candidate_facts(applications):
    """application pk -> CandidateFacts, in three queries."""
    ids = [application.pk for application in applications]
    experiences, hosts = {}, {}
    rows = Experience.objects.filter(application_id__in=ids).values_list(
        "application_id", "position", "start_year", "end_year", "organisation"
    )
    for application_id, *experience in rows:
        experiences.setdefault(application_id, []).append(tuple(experience))
    choices = ChallengeChoice.objects.filter(application_id__in=ids).values_list(
        "application_id", "challenge__host_id"
    )
    for application_id, host_id in choices:
        hosts.setdefault(application_id, set()).add(host_id)
    return {
        application.pk: rules.CandidateFacts(
            email=application.email or "",
            latest_organisation=rules.most_recent_organisation(experiences.get(application.pk, [])),
            host_ids=frozenset(hosts.get(application.pk, ())),
        )
        for application in applications
    }
