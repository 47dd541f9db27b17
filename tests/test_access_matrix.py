"""The access matrix: every URL pattern of the project, every kind of person, the expected answer.

The patterns are read from the URL conf: a new pattern without its line in `MATRIX` (or in
`PUBLIC`) fails `test_every_url_pattern_has_its_line` with its name. For each line, each person
of `PEOPLE` opens the address (built around one application, Alice's, or the objects around it):

- a visitor who is not signed in is sent to the sign-in page (public pages excepted);
- a person allowed by the line gets its answer (`ok`: 200, a redirect, or 405 for a POST-only
  address opened with GET), never cached;
- anyone else signed in gets a 404, as if the page did not exist.

A POST to a read-only address gets a 405 only from someone allowed to see the page.
Views of libraries that check access themselves (Wagtail's admin, pages, documents) are listed
in `DELEGATED` by prefix and tried once per person.
"""

import datetime
import uuid
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from eig.applications.models import Application
from eig.backoffice.selectors import default_cohort
from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.communications.models import Announcement
from eig.community.models import Fellow
from eig.community.profiles import profile_of
from eig.events.models import Event
from eig.opendata.datasets import BY_SLUG as OPEN_DATASETS
from eig.proposals.models import Proposal, ProposalAttachment
from eig.selection.models import Conflict
from tests.challenge_jury.helpers import matrix_world
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CandidateFactory,
    ChallengeFactory,
    InterviewFactory,
    InterviewSlotFactory,
    MentorFactory,
    OpenCallCohortFactory,
    ReviewerFactory,
)
from tests.proposals.helpers import make_proposal

# The people, each the holder of one role towards Alice's application (the target).
ANONYMOUS = "visiteur"
OWNER = "candidate (sa candidature)"
OTHER_CANDIDATE = "autre candidate"
REVIEWER = "jury, affecté"
REVIEWER_NOT_ASSIGNED = "jury, non affecté"
REVIEWER_IN_CONFLICT = "jury, en conflit"
PANEL = "audition, son jury"
PANEL_OTHER = "audition, autre jury"
PANEL_IN_CONFLICT = "audition, en conflit"
MENTOR = "mentor du défi"
MENTOR_OTHER = "mentor d'un autre défi"
MENTOR_TOO_EARLY = "mentor, étape pas encore ouverte"
TEAM = "équipe du programme"
DEFI_JURY_LEAD = "jury des défis, présidente de groupe"

PEOPLE = [
    ANONYMOUS,
    OWNER,
    OTHER_CANDIDATE,
    REVIEWER,
    REVIEWER_NOT_ASSIGNED,
    REVIEWER_IN_CONFLICT,
    PANEL,
    PANEL_OTHER,
    PANEL_IN_CONFLICT,
    MENTOR,
    MENTOR_OTHER,
    MENTOR_TOO_EARLY,
    TEAM,
    DEFI_JURY_LEAD,
]
SIGNED_IN = frozenset(PEOPLE) - {ANONYMOUS}
REVIEWERS = frozenset({REVIEWER, REVIEWER_NOT_ASSIGNED, REVIEWER_IN_CONFLICT, PANEL_IN_CONFLICT})
PANELS = frozenset({PANEL, PANEL_OTHER, PANEL_IN_CONFLICT})
MENTORS = frozenset({MENTOR, MENTOR_OTHER, MENTOR_TOO_EARLY})


@dataclass(frozen=True)
class Line:
    """Who may open an address, and what they get; `kwargs(world)` builds the address."""

    allowed: frozenset
    kwargs: object = None
    ok: int = 200
    # Answers that differ for some allowed people (a redirect when they have nothing there).
    ok_for: dict = field(default_factory=dict)
    methods: tuple = ("GET",)


def team(kwargs=None, ok=200, **more):
    return Line(frozenset({TEAM}), kwargs, ok, **more)


def cohort(world):
    return {"number": world.cohort.number}


def target(world):
    return {"public_id": world.application.public_id}


def team_proposal(world):
    """A proposal, with an attachment, of the promotion the team's list opens on (made once)."""
    cohort = default_cohort()
    proposal = Proposal.objects.filter(call__cohort=cohort, title="Défi de la matrice").first()
    if proposal is None:
        proposal = make_proposal(cohort, title="Défi de la matrice")
        attachment = ProposalAttachment(proposal=proposal, original_name="note.pdf", size=9)
        attachment.file.save("note.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return proposal


def defi_jury(key):
    """The défi jury's objects around the group DEFI_JURY_LEAD leads (tests/challenge_jury)."""
    return lambda world: {
        "proposal": {"public_id": world.defi_jury["proposal"].public_id},
        "member": {"number": world.cohort.number, "pk": world.defi_jury["member"].pk},
        "group": {"number": world.cohort.number, "pk": world.defi_jury["group"].pk},
    }[key]


def a_public_event(world):
    return {"pk": Event.objects.public().order_by("pk").values_list("pk", flat=True).first()}


# The mentors of a cohort whose teams are published (the world's has a fellow).
PROMOTION = frozenset({MENTOR, MENTOR_OTHER})

# Those who applied to the cohort see their own application; others are sent to start one.
APPLIED = {OWNER: 200, OTHER_CANDIDATE: 200}
POST_ONLY = 405  # the method check comes last: only those allowed learn the page exists

MATRIX = {
    # The candidate's own pages: anyone signed in has theirs, no one sees another's.
    "application_start": Line(SIGNED_IN),
    "application_resume": Line(SIGNED_IN, cohort, ok=302),
    "application_review": Line(SIGNED_IN, cohort, ok=302, ok_for=APPLIED),
    "application_confirmation": Line(SIGNED_IN, cohort, ok=302, ok_for=APPLIED),
    "application_step": Line(
        SIGNED_IN, lambda w: {"number": w.cohort.number, "slug": "identite"}, 302, APPLIED
    ),
    "application_autosave": Line(
        SIGNED_IN, lambda w: {"number": w.cohort.number, "slug": "identite"}, ok=POST_ONLY
    ),
    "candidate_space": Line(SIGNED_IN),
    "candidate_data_export": Line(SIGNED_IN),
    "candidate_application": Line(frozenset({OWNER}), target),
    "application_withdraw": Line(frozenset({OWNER}), target),
    "application_delete": Line(frozenset({OWNER}), target, ok=302),
    "application_cv": Line(frozenset({OWNER}), target),
    # The factory records no submission: no receipt to give, the owner is sent back to the space.
    "application_receipt": Line(frozenset({OWNER}), target, ok=302),
    "audition_booking": Line(frozenset({OWNER}), target),
    "audition_calendar": Line(frozenset({OWNER}), target),
    # One's own account: second factor, recovery codes, browsers (everyone here gave a code).
    "account_security": Line(SIGNED_IN),
    "second_factor_verify": Line(SIGNED_IN, ok=302),
    "second_factor_set_up": Line(SIGNED_IN),
    "recovery_codes": Line(SIGNED_IN),
    "browser_confirmation": Line(SIGNED_IN, ok=302),
    "second_factor_remove": Line(SIGNED_IN, ok=POST_ONLY),
    "recovery_codes_renew": Line(SIGNED_IN, ok=POST_ONLY),
    "reauthenticate_by_link": Line(SIGNED_IN, ok=POST_ONLY),
    # The programme team's space.
    "backoffice:application_list": team(),
    "backoffice:application_statistics": team(),
    "backoffice:statistics_csv": team(lambda w: {"chart": "etapes"}),
    # Without a promotion, back to the list with a message.
    "backoffice:switch_cohort": team(ok=302),
    "backoffice:application_bulk_move": team(ok=302),
    "backoffice:application_export": team(lambda w: {"file_format": "csv"}),
    "backoffice:application_detail": team(target),
    "backoffice:application_cv": team(target),
    "backoffice:application_move": team(target, ok=POST_ONLY),
    # The call for défis, the team's side: a proposal of the promotion the list opens on.
    "backoffice:proposal_list": team(lambda w: team_proposal(w) and {}),
    "backoffice:proposal_bulk_move": team(ok=302),
    "backoffice:proposal_export": team(lambda w: team_proposal(w) and {"file_format": "csv"}),
    "backoffice:proposal_decisions": team(
        lambda w: {"number": team_proposal(w).call.cohort.number, "outcome": "validated"}
    ),
    "backoffice:proposal_detail": team(lambda w: {"public_id": team_proposal(w).public_id}),
    "backoffice:proposal_move": team(
        lambda w: {"public_id": team_proposal(w).public_id}, ok=POST_ONLY
    ),
    "backoffice:proposal_publish": team(
        lambda w: {"public_id": team_proposal(w).public_id}, ok=POST_ONLY
    ),
    "backoffice:proposal_attachment": team(
        lambda w: {
            "public_id": team_proposal(w).public_id,
            "pk": team_proposal(w).attachments.get().pk,
        }
    ),
    # The call for défis, the agents' side: anyone signed in has their administration space and
    # may start a proposal; a proposal's pages are its authors' only (none of the people here:
    # every one of them gets a 404), its files also the team's.
    "proposals:space": Line(SIGNED_IN),
    "proposals:start": Line(SIGNED_IN),
    "proposals:resume": Line(frozenset(), lambda w: {"public_id": team_proposal(w).public_id}),
    "proposals:review": Line(frozenset(), lambda w: {"public_id": team_proposal(w).public_id}),
    "proposals:authors": Line(frozenset(), lambda w: {"public_id": team_proposal(w).public_id}),
    "proposals:step": Line(
        frozenset(), lambda w: {"public_id": team_proposal(w).public_id, "slug": "defi"}
    ),
    "proposals:attachment": team(
        lambda w: {
            "public_id": team_proposal(w).public_id,
            "pk": team_proposal(w).attachments.get().pk,
        }
    ),
    "proposals:attachment_delete": Line(
        frozenset(),
        lambda w: {
            "public_id": team_proposal(w).public_id,
            "pk": team_proposal(w).attachments.get().pk,
        },
        ok=POST_ONLY,
    ),
    "announcement_list": team(),
    "announcement_create": team(),
    "announcement_detail": team(lambda w: {"pk": w.announcement.pk}),
    "announcement_send": team(lambda w: {"pk": w.announcement.pk}, ok=POST_ONLY),
    "audit_journal": team(),
    "auditions:slot_list": team(),
    "auditions:slot_create": team(),
    "auditions:slot_delete": team(lambda w: {"pk": w.free_slot.pk}, ok=POST_ONLY),
    "selection:reviewers": team(cohort),
    "selection:assignment": team(cohort),
    "selection:assignment_add": team(cohort, ok=POST_ONLY),
    "selection:assignment_remove": team(
        lambda w: {"number": w.cohort.number, "pk": w.assignment.pk}, ok=POST_ONLY
    ),
    "selection:assignment_release": team(cohort, ok=POST_ONLY),
    "selection:conflict_consent": team(
        lambda w: {"number": w.cohort.number, "pk": w.conflict.pk}, ok=POST_ONLY
    ),
    "selection:discussion": team(target),
    "selection:scores": team(cohort),
    "selection:ranking": team(lambda w: {"number": w.cohort.number, "slug": w.challenge.slug}),
    "selection:scores_export": team(lambda w: {"number": w.cohort.number, "file_format": "csv"}),
    "selection:reviews_export": team(lambda w: {"number": w.cohort.number, "file_format": "csv"}),
    "selection:ranking_export": team(
        lambda w: {"number": w.cohort.number, "slug": w.challenge.slug, "file_format": "csv"}
    ),
    "decisions:decisions": team(cohort),
    "decisions:export": team(lambda w: {"number": w.cohort.number, "file_format": "csv"}),
    "decisions:edit_template": team(
        lambda w: {"number": w.cohort.number, "outcome": "selected"}, ok=POST_ONLY
    ),
    # Its GET is the confirmation page; only the POST of that page sends.
    "decisions:send": team(lambda w: {"number": w.cohort.number, "outcome": "selected"}),
    "decisions:retry": team(
        lambda w: {"number": w.cohort.number, "outcome": "selected"}, ok=POST_ONLY
    ),
    "teams:teams": team(cohort),
    "teams:recompute": team(cohort, ok=POST_ONLY),
    "teams:lock": team(cohort, ok=POST_ONLY),
    "teams:publish": team(cohort, ok=POST_ONLY),
    "teams:constraint_add": team(cohort, ok=POST_ONLY),
    "teams:constraint_remove": team(lambda w: {"number": w.cohort.number, "pk": 1}, ok=POST_ONLY),
    # The jury: their assignments, released and free of conflict; the team may look in.
    "jury:home": Line(REVIEWERS | {TEAM}),
    "jury:expertise": Line(REVIEWERS, cohort),
    "jury:conflicts": Line(REVIEWERS, cohort),
    "jury:application": Line(frozenset({REVIEWER, TEAM}), target),
    "jury:application_cv": Line(frozenset({REVIEWER, TEAM}), target),
    # The grid is on the application's page: a GET of its old address is sent there.
    "jury:evaluation": Line(frozenset({REVIEWER}), target, ok=302),
    # No draft to confirm: back to the application's page.
    "jury:submission": Line(frozenset({REVIEWER}), target, ok=302),
    "jury:discussion": Line(frozenset({REVIEWER}), target, ok=POST_ONLY),
    # Audition panels: their own auditions, never a candidate they are in conflict with.
    "auditions:my_slots": Line(PANELS),
    "auditions:grid": Line(
        frozenset({PANEL, TEAM}), lambda w: {"public_id": w.interview.public_id}
    ),
    # Mentors: the applications to their défi, from the stage their cohort opens to them.
    "mentor:home": Line(MENTORS),
    "mentor:application": Line(frozenset({MENTOR}), target),
    "mentor:application_cv": Line(frozenset({MENTOR}), target),
    # Where a sign-in lands: the one space of the person, or the choice of their spaces.
    "my_spaces": Line(
        SIGNED_IN, ok=302, ok_for={PANEL_IN_CONFLICT: 200, MENTOR: 200, MENTOR_OTHER: 200}
    ),
    # The promotion's life: its fellows and the mentors of its défis (once its teams are
    # published); one's own profile only; registering is for anyone signed in, event by event.
    "community:home": Line(PROMOTION),
    "community:my_profile": Line(PROMOTION, ok=302),
    # A défi's results: its fellows and its mentors (here, the mentor of the world's défi).
    "community:results": Line(frozenset({MENTOR}), lambda w: {"pk": w.challenge.pk}),
    "community:profile_edit": Line(
        frozenset({MENTOR}), lambda w: {"pk": profile_of(w.people[MENTOR]).pk}
    ),
    "community:feed_create": Line(PROMOTION, ok=POST_ONLY),
    "community:feed_revoke": Line(PROMOTION, ok=POST_ONLY),
    "community:event_register": Line(SIGNED_IN, a_public_event, ok=POST_ONLY),
    "community:event_cancel": Line(SIGNED_IN, a_public_event, ok=POST_ONLY),
    "community:team_events": team(),
    "community:attendance": team(a_public_event),
    # The défi jury: the team's tab; a member sees the défis of their group only, its lead the
    # common grid. The administration books its hearing (its authors: tests/challenge_jury).
    "challenge_jury:members": team(cohort),
    "challenge_jury:member": team(defi_jury("member")),
    "challenge_jury:plan": team(cohort),
    "challenge_jury:group": team(defi_jury("group")),
    "challenge_jury:proposal_grids": team(defi_jury("proposal")),
    "challenge_jury:home": Line(frozenset({DEFI_JURY_LEAD})),
    "challenge_jury:proposal": Line(frozenset({DEFI_JURY_LEAD}), defi_jury("proposal")),
    "challenge_jury:consolidated": Line(frozenset({DEFI_JURY_LEAD}), defi_jury("proposal")),
    "challenge_jury:booking": Line(frozenset(), defi_jury("proposal")),
    "challenge_jury:booking_ics": team(defi_jury("proposal")),
}

# Pages anyone may open, signed in or not, with the answer each gets.
PUBLIC = {
    "challenge_list": Line(frozenset(PEOPLE)),
    # The call for défis, with or without a call (a clear page, never a 404).
    "challenge_call": Line(frozenset(PEOPLE)),
    "challenge_detail": Line(frozenset(PEOPLE), lambda w: {"slug": w.public_challenge.slug}),
    "cohort_list": Line(frozenset(PEOPLE)),
    "cohort_detail": Line(frozenset(PEOPLE), lambda w: {"number": 2}),
    "press": Line(frozenset(PEOPLE)),
    "events": Line(frozenset(PEOPLE)),
    # A public event, its .ics and the public feed; an unknown photo or personal feed: 404.
    "community:event_detail": Line(frozenset(PEOPLE), a_public_event),
    "community:event_ics": Line(frozenset(PEOPLE), a_public_event),
    "community:public_feed": Line(frozenset(PEOPLE)),
    "community:profile_photo": Line(frozenset(PEOPLE), lambda w: {"pk": 0}, ok=404),
    "community:cohort_feed": Line(frozenset(PEOPLE), lambda w: {"token": "inconnu"}, ok=404),
    # Open data: the datasets, their files, the statistics and the read-only API, for anyone.
    "opendata:index": Line(frozenset(PEOPLE)),
    "opendata:dataset": Line(frozenset(PEOPLE), lambda w: {"slug": "defis"}),
    "opendata:download": Line(
        frozenset(PEOPLE), lambda w: {"slug": "entonnoir-de-selection", "file_format": "csv"}
    ),
    "opendata:statistics": Line(frozenset(PEOPLE)),
    "opendata:api_docs": Line(frozenset(PEOPLE)),
    "api_v1:api-root": Line(frozenset(PEOPLE)),
    "api_v1:catalogue": Line(frozenset(PEOPLE)),
    "api_v1:openapi-json": Line(frozenset(PEOPLE)),
    **{f"api_v1:{slug}": Line(frozenset(PEOPLE)) for slug in OPEN_DATASETS},
    "news_rss": Line(frozenset(PEOPLE)),
    "news_atom": Line(frozenset(PEOPLE)),
    "sign_in": Line(frozenset(PEOPLE)),
    "sign_in_sent": Line(frozenset(PEOPLE)),
    # An unknown link: the page that says so, for anyone.
    "sign_in_link": Line(frozenset(PEOPLE), lambda w: {"token": "inconnu"}, ok=400),
    "sign_out": Line(frozenset(PEOPLE), ok=POST_ONLY),
    # An unknown link to confirm a browser, or a contact address: the page that says so.
    "browser_confirm": Line(frozenset(PEOPLE), lambda w: {"token": "inconnu"}, ok=400),
    # An unknown link to confirm a contact address: the page that says so, for anyone.
    "address_confirmation": Line(frozenset(PEOPLE), lambda w: {"token": "inconnu"}, ok=400),
    # ProConnect is off unless configured (tests/accounts/test_proconnect.py turns it on).
    "proconnect_start": Line(frozenset(PEOPLE), ok=404),
    "proconnect_callback": Line(frozenset(PEOPLE), ok=404),
    "proconnect_signed_out": Line(frozenset(PEOPLE), ok=404),
    # Wagtail's images, for anyone (tests/storage/test_media.py serves real ones).
    "media": Line(frozenset(PEOPLE), lambda w: {"name": "images/absente.jpg"}, ok=404),
}

# Libraries that check access themselves, by address prefix: a representative address each.
DELEGATED = {
    "admin/": "/admin/",
    "documents/": "/documents/1/inconnu.pdf",
    "": "/faq/",  # Wagtail's pages, the editorial ones named in eig/urls.py included
}


@dataclass
class World:
    cohort: Cohort
    application: Application
    challenge: Challenge
    public_challenge: Challenge
    people: dict
    targets: dict
    interview: object
    free_slot: object
    assignment: object
    conflict: Conflict
    announcement: Announcement
    defi_jury: dict = None


@pytest.fixture
def world(demo):
    """Alice's application and the people around it, one per role towards it."""
    users = {name: CandidateFactory() for name in SIGNED_IN}
    users[TEAM].groups.add(Group.objects.get_or_create(name=PROGRAMME_TEAM_GROUP)[0])
    open_cohort = OpenCallCohortFactory(number=5, mentors_see_from_stage="eligible")
    alices = ApplicationFactory(
        cohort=open_cohort,
        candidate=users[OWNER],
        submitted=True,
        status=Application.Status.INVITED,
        choice__challenge=ChallengeFactory(cohort=open_cohort),
    )
    challenge = alices.choices.get().challenge
    ApplicationFactory(cohort=open_cohort, candidate=users[OTHER_CANDIDATE], submitted=True)

    # The jury: one assigned, one not, one assigned but in conflict (not shown the pair).
    assignment = AssignmentFactory(
        reviewer=ReviewerFactory(cohort=open_cohort, user=users[REVIEWER]),
        application=alices,
        released=True,
    )
    ReviewerFactory(cohort=open_cohort, user=users[REVIEWER_NOT_ASSIGNED])
    in_conflict = ReviewerFactory(cohort=open_cohort, user=users[REVIEWER_IN_CONFLICT])
    AssignmentFactory(reviewer=in_conflict, application=alices, released=True)
    conflict = Conflict.objects.create(
        reviewer=in_conflict, application=alices, kind="declared", reason="Ancienne collègue"
    )

    # Auditions: Alice's panel, another panel, and a member of Alice's panel in conflict.
    slot = InterviewSlotFactory(cohort=open_cohort, panel=[users[PANEL], users[PANEL_IN_CONFLICT]])
    interview = InterviewFactory(slot=slot, application=alices)
    other_slot = InterviewSlotFactory(
        cohort=open_cohort,
        panel=[users[PANEL_OTHER]],
        starts_at=timezone.now() + datetime.timedelta(days=8),
    )
    InterviewFactory(
        slot=other_slot,
        application=ApplicationFactory(cohort=open_cohort, submitted=True, status="invited"),
    )
    Conflict.objects.create(
        reviewer=ReviewerFactory(cohort=open_cohort, user=users[PANEL_IN_CONFLICT]),
        application=alices,
        kind="declared",
        reason="Même association",
    )
    free_slot = InterviewSlotFactory(
        cohort=open_cohort, starts_at=timezone.now() + datetime.timedelta(days=9)
    )

    # Mentors: of Alice's défi; of another défi; of a défi whose cohort opens later.
    MentorFactory(challenge=challenge, user=users[MENTOR])
    MentorFactory(challenge=ChallengeFactory(cohort=open_cohort), user=users[MENTOR_OTHER])
    later_cohort = OpenCallCohortFactory(number=6, mentors_see_from_stage="selected")
    later_challenge = ChallengeFactory(cohort=later_cohort)
    MentorFactory(challenge=later_challenge, user=users[MENTOR_TOO_EARLY])
    too_early = ApplicationFactory(
        cohort=later_cohort,
        submitted=True,
        status=Application.Status.INVITED,
        choice__challenge=later_challenge,
    )

    # The défi jury: DEFI_JURY_LEAD leads the group hearing one défi of the cohort's call.
    defi_jury = matrix_world(open_cohort, users[DEFI_JURY_LEAD])

    # The cohort's teams are published: a fellow on Alice's défi makes the mentors of its défis
    # people of the promotion (the too-early mentor's cohort has none).
    fellowship = ApplicationFactory(cohort=open_cohort, submitted=True, status="selected")
    Fellow.objects.create(
        user=fellowship.candidate, application=fellowship, challenge=challenge, cohort=open_cohort
    )
    return World(
        cohort=open_cohort,
        defi_jury=defi_jury,
        application=alices,
        challenge=challenge,
        public_challenge=Challenge.objects.filter(cohort__number=2).first(),
        people={ANONYMOUS: None, **users},
        # The too-early mentor tries the application of their own défi.
        targets={MENTOR_TOO_EARLY: too_early},
        interview=interview,
        free_slot=free_slot,
        assignment=assignment,
        conflict=conflict,
        announcement=Announcement.objects.create(
            cohort=open_cohort,
            subject="Report de la clôture",
            body="La clôture est reportée.",
            created_by=users[TEAM],
        ),
    )


def url_patterns(patterns=None, namespace="", prefix=""):
    """(name, route, callback) of every pattern of the URL conf, namespaces included."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern.url_patterns, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield name, prefix + str(pattern.pattern), pattern.callback


def platform_patterns():
    return [
        (name, route, callback)
        for name, route, callback in url_patterns()
        if not getattr(callback, "access_delegated", False)
    ]


def test_every_url_pattern_has_its_line():
    names = [name for name, _route, _callback in platform_patterns()]
    unnamed = [route for name, route, _callback in platform_patterns() if name is None]
    assert not unnamed, f"URL patterns without a name cannot have their line: {unnamed}"
    missing = sorted(set(names) - MATRIX.keys() - PUBLIC.keys())
    assert not missing, f"URL patterns without a line in the access matrix: {missing}"
    stale = sorted((MATRIX.keys() | PUBLIC.keys()) - set(names))
    assert not stale, f"Lines of the access matrix for URL patterns that no longer exist: {stale}"


def test_every_view_declares_its_access():
    """Each view is decorated by eig.accounts.access: public, or for some roles."""
    undeclared = [
        name
        for name, _route, callback in platform_patterns()
        if not (getattr(callback, "access_public", False) or getattr(callback, "access_roles", ()))
    ]
    assert not undeclared, f"Views without an access rule: {undeclared}"
    public = {name for name, _r, cb in platform_patterns() if getattr(cb, "access_public", False)}
    assert public == PUBLIC.keys(), "The matrix's public pages are the views marked public"


def test_delegated_patterns_are_only_the_libraries():
    delegated = {route for name, route, cb in url_patterns() if getattr(cb, "access_delegated", 0)}
    outside = sorted(r for r in delegated if not any(r.startswith(p) for p in DELEGATED if p))
    # Wagtail's catch-all page server and the editorial pages sit at the root.
    assert all(
        route in ("", "<path:path>") or route.endswith("/") or "wagtail" in route or "^" in route
        for route in outside
    ), outside


def answer(client, person, world, url, method="get"):
    user = world.people[person]
    client.logout()
    if user is not None:
        client.force_login(user)
    # One address per person, so that the per-address sign-in limits never mix the people.
    return getattr(client, method)(url, REMOTE_ADDR=f"192.0.2.{PEOPLE.index(person) + 1}")


def test_the_matrix(client, world):
    wrong = []
    for name, line in {**MATRIX, **PUBLIC}.items():
        is_public = name in PUBLIC
        for person in PEOPLE:
            target_world = world
            if person in world.targets:
                target_world = _with_target(world, world.targets[person])
            kwargs = line.kwargs(target_world) if line.kwargs else {}
            url = reverse(name, kwargs=kwargs)
            response = answer(client, person, world, url)
            if is_public:
                expected = line.ok_for.get(person, line.ok)
            elif person == ANONYMOUS:
                expected = 302
            elif person in line.allowed:
                expected = line.ok_for.get(person, line.ok)
            else:
                expected = 404
            if response.status_code != expected:
                wrong.append(f"{name} {url} — {person}: {response.status_code}, not {expected}")
                continue
            if person == ANONYMOUS and not is_public:
                if not response["Location"].startswith(reverse("sign_in") + "?next="):
                    wrong.append(f"{name} — visitor sent to {response['Location']}")
            elif not is_public and person in line.allowed:
                cache = response.get("Cache-Control", "")
                if "no-store" not in cache or "private" not in cache:
                    wrong.append(f"{name} — {person}: Cache-Control {cache!r}")
    assert not wrong, "\n".join(wrong)


def _with_target(world, application):
    from dataclasses import replace

    return replace(world, application=application)


def test_a_post_to_a_read_only_page_is_405_only_for_those_allowed(client, world):
    wrong = []
    for name, line in MATRIX.items():
        url = reverse(name, kwargs=line.kwargs(world) if line.kwargs else {})
        if "POST" in resolve(url).func.access_methods:
            continue
        # A page no one here may see (a proposal's, seen by its authors only) has no 405 to try.
        allowed = next((person for person in PEOPLE if person in line.allowed), None)
        denied = [p for p in PEOPLE if p != ANONYMOUS and p not in line.allowed]
        expected_answers = [(ANONYMOUS, 302), *((p, 404) for p in denied)]
        for person, expected in expected_answers + ([(allowed, 405)] if allowed else []):
            status = answer(client, person, world, url, "post").status_code
            if status != expected:
                wrong.append(f"{name} POST — {person}: {status}, not {expected}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("prefix", DELEGATED)
def test_the_libraries_check_access_themselves(client, world, prefix):
    """Wagtail's admin: the team enters; anyone else is sent to Wagtail's own sign-in."""
    url = DELEGATED[prefix]
    for person in PEOPLE:
        status = answer(client, person, world, url).status_code
        assert status != 500, (url, person)
        if prefix == "admin/":
            assert status == (200 if person == TEAM else 302), (url, person, status)
        if prefix == "":
            assert status == 200, (url, person, status)


def test_an_unknown_application_is_a_404_for_everyone_allowed(client, world):
    unknown = uuid.uuid4()
    for name in ["candidate_application", "jury:application", "backoffice:application_detail"]:
        person = next(iter(MATRIX[name].allowed))
        url = reverse(name, kwargs={"public_id": unknown})
        assert answer(client, person, world, url).status_code == 404, name
