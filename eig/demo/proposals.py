"""The call for défis of the demo: Promotion 2's, with its 43 proposals and their history, and
an open call (Promotion 3's) where a demo agent has a draft. Loaded once, then kept."""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from eig.challenges.models import Challenge, HostOrganisation
from eig.demo.data import challenges as challenge_data
from eig.demo.data import proposals as data
from eig.proposals.models import (
    ChallengeCall,
    ChallengeCallQuestion,
    Proposal,
    ProposalAgent,
    ProposalAuthor,
    ProposalMentor,
    ProposalSeat,
    ProposalTransition,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
Status = Proposal.Status
AGENT_ROLES = [
    ("Cheffe de projet métier", "2 jours par semaine"),
    ("Responsable des données", "1 jour par semaine"),
    ("Chef du bureau des systèmes d'information", "une demi-journée par semaine"),
]
PATHS = {
    "validated": [
        Status.SUBMITTED,
        Status.ADMISSIBLE,
        Status.SHORTLISTED,
        Status.RETAINED,
        Status.VALIDATED,
    ],
    "heard": [Status.SUBMITTED, Status.ADMISSIBLE, Status.SHORTLISTED, Status.NOT_RETAINED],
    "not_shortlisted": [Status.SUBMITTED, Status.ADMISSIBLE, Status.NOT_RETAINED],
    "inadmissible": [Status.SUBMITTED, Status.INADMISSIBLE],
}
WHEN = {
    Status.ADMISSIBLE: "admissibility",
    Status.INADMISSIBLE: "admissibility",
    Status.SHORTLISTED: "shortlist",
    Status.RETAINED: "jury",
    Status.VALIDATED: "committee",
}


def _paris(day, time):
    return datetime.datetime.combine(day, time, tzinfo=PARIS)


def load_proposals_demo(cohorts, *, now=None):
    """Promotion 2's call and proposals, and the open call of the latest cohort."""
    promotion_2 = cohorts.get(number=2)
    call = _promotion_2_call(promotion_2)
    if not call.proposals.exists():
        _promotion_2_proposals(call)
    latest = cohorts.order_by("-number").first()
    if latest.number > 2:
        _open_call(latest, now or timezone.now())


def _promotion_2_call(cohort):
    values = dict(data.P2_CALL)
    for name in ("opens_at", "closes_at", "information_meeting_at"):
        values[name] = _paris(*values[name])
    call, created = ChallengeCall.objects.get_or_create(cohort=cohort, defaults=values)
    if created:
        _add_questions(call)
    return call


def _add_questions(call):
    ChallengeCallQuestion.objects.bulk_create(
        ChallengeCallQuestion(call=call, sort_order=position, question=question, answer=answer)
        for position, (question, answer) in enumerate(data.QUESTIONS)
    )


def _hosts():
    return {
        key: HostOrganisation.objects.filter(
            ministry=host["ministry"], directorate=host["directorate"]
        ).first()
        for key, host in challenge_data.HOSTS.items()
    }


def _agents(count):
    """One fictional agent account per proposal, the creator and only author."""
    User = get_user_model()
    emails = [f"proposant.p2-{number:02d}@administration.example.org" for number in range(count)]
    known = set(User.objects.filter(username__in=emails).values_list("username", flat=True))
    User.objects.bulk_create(
        User(username=email, email=email, password=make_password(None))
        for email in emails
        if email not in known
    )
    users = {user.username: user for user in User.objects.filter(username__in=emails)}
    return [users[email] for email in emails]


def _promotion_2_proposals(call):
    hosts = _hosts()
    published = list(
        Challenge.objects.filter(cohort=call.cohort).prefetch_related("mentors").order_by("name")
    )
    entries = [("validated", _from_challenge(challenge)) for challenge in published]
    entries += [("heard", _synthetic(*entry, hosts=hosts)) for entry in data.HEARD]
    for title, host, new_host, summary, reason in data.NOT_SHORTLISTED:
        fields = _synthetic(title, host, new_host, summary, hosts=hosts)
        fields["inadmissible_reason"] = reason
        entries.append(("inadmissible" if reason else "not_shortlisted", fields))
    users = _agents(len(entries))
    for number, ((path, fields), user) in enumerate(zip(entries, users, strict=True)):
        mentors, seats = fields.pop("mentors"), fields.pop("seats")
        submitted = _paris(datetime.date(2017, 5, 22), datetime.time(9)) + datetime.timedelta(
            days=number % 25, hours=number % 7
        )
        steps = PATHS[path]
        proposal = Proposal.objects.create(
            call=call,
            created_by=user,
            status=steps[-1],
            submitted_at=submitted,
            decision_sent_at=_at("committee"),
            **fields,
        )
        ProposalAuthor.objects.create(
            proposal=proposal,
            email=user.email,
            user=user,
            invited_at=submitted,
            accepted_at=submitted,
        )
        role, time_share = AGENT_ROLES[number % len(AGENT_ROLES)]
        ProposalAgent.objects.create(
            proposal=proposal,
            full_name=f"Agent {number + 1} de l'équipe",
            role=role,
            time_share=time_share,
        )
        ProposalMentor.objects.bulk_create(
            ProposalMentor(proposal=proposal, **mentor) for mentor in mentors
        )
        ProposalSeat.objects.bulk_create(ProposalSeat(proposal=proposal, **seat) for seat in seats)
        _history(proposal, steps, submitted)


def _at(key):
    return data.P2_DATES[key].replace(tzinfo=PARIS)


def _history(proposal, steps, submitted):
    previous = Status.DRAFT
    rows = []
    for status in steps:
        when = submitted if status == Status.SUBMITTED else _at(WHEN.get(status, "jury"))
        if status == Status.NOT_RETAINED and previous == Status.ADMISSIBLE:
            when = _at("shortlist")  # left out of the shortlist
        reason = proposal.inadmissible_reason if status == Status.INADMISSIBLE else ""
        rows.append(
            ProposalTransition(
                proposal=proposal, from_status=previous, to_status=status, reason=reason, at=when
            )
        )
        previous = status
    ProposalTransition.objects.bulk_create(rows)


def _from_challenge(challenge):
    """A published défi as the proposal it came from: its fields carried back."""
    profiles = challenge.profiles_sought_list() or ["développement", "data science"]
    profiles = (profiles + profiles)[: max(2, min(3, challenge.fellows_sought))]
    return {
        "host": challenge.host,
        "title": challenge.name[:120],
        "summary": challenge.summary[:400],
        "problem": challenge.problem,
        "challenge": challenge.challenge,
        "expected_results": challenge.expected_results,
        "data_and_resources": (
            "Les données et les outils de l'administration, décrits avec les agents de "
            "l'équipe lors de la présentation au jury."
        ),
        "fellows_sought": len(profiles),
        "location": challenge.location or "Paris",
        "remote_policy": challenge.remote_policy,
        "published_challenge": challenge,
        "mentors": [
            {"role": mentor.role, "full_name": mentor.full_name, "job_title": mentor.job_title}
            for mentor in challenge.mentors.all()
        ],
        "seats": [{"profile": profile} for profile in profiles],
    }


def _synthetic(title, host, new_host, summary, *, hosts):
    fields = {
        "title": title,
        "summary": summary,
        "problem": (
            f"{summary} Aujourd'hui, le travail se fait à la main, sur des fichiers "
            "dispersés, et les usagers en subissent les délais."
        ),
        "challenge": (
            "Construire avec les agents un premier service utile en quelques mois, à partir "
            "des données existantes, puis l'améliorer avec ses utilisateurs."
        ),
        "expected_results": "Un service en ligne utilisé par les agents et ouvert en code source.",
        "data_and_resources": "Des extractions des bases métier, mises à jour chaque mois.",
        "fellows_sought": 2,
        "location": "Paris",
        "remote_policy": "partial",
        "mentors": [
            {
                "role": "operational",
                "full_name": "Mentor opérationnel (fictif)",
                "job_title": "Cheffe de bureau",
            },
            {
                "role": "strategic",
                "full_name": "Mentor stratégique (fictif)",
                "job_title": "Directeur adjoint",
            },
        ],
        "seats": [{"profile": "développement"}, {"profile": "data science"}],
    }
    if host:
        fields["host"] = hosts[host]
    else:
        fields["new_host_ministry"], fields["new_host_directorate"] = new_host
    return fields


def _open_call(cohort, now):
    """The latest cohort's call, open from two weeks before the first load to three weeks
    after it, and the demo agent's draft in it."""
    opens = _paris(timezone.localdate(now - datetime.timedelta(days=14)), datetime.time(9))
    closes = _paris(
        timezone.localdate(now + datetime.timedelta(days=21)), datetime.time(23, 59, 59)
    )
    call, created = ChallengeCall.objects.get_or_create(
        cohort=cohort,
        defaults={
            "opens_at": opens,
            "closes_at": closes,
            "information_meeting_at": _paris(
                timezone.localdate(now + datetime.timedelta(days=7)), datetime.time(14)
            ),
            "information_meeting_place": "En visioconférence (le lien est envoyé aux inscrits)",
            "jury_starts_on": timezone.localdate(closes + datetime.timedelta(days=20)),
            "jury_ends_on": timezone.localdate(closes + datetime.timedelta(days=21)),
            "committee_on": timezone.localdate(closes + datetime.timedelta(days=35)),
            "introduction": data.P2_CALL["introduction"].replace(
                "deuxième promotion du programme", f"{cohort} du programme"
            ),
        },
    )
    if created:
        _add_questions(call)
    User = get_user_model()
    agent, _ = User.objects.get_or_create(
        username=data.DEMO_AGENT_EMAIL,
        defaults={"email": data.DEMO_AGENT_EMAIL, "password": make_password(None)},
    )
    if not Proposal.objects.filter(call=call, authors__user=agent).exists():
        proposal = Proposal.objects.create(
            call=call,
            created_by=agent,
            host=HostOrganisation.objects.filter(directorate__contains="DINSIC").first(),
            **data.OPEN_CALL_DRAFT,
        )
        ProposalAuthor.objects.create(
            proposal=proposal, email=agent.email, user=agent, accepted_at=now
        )
    return call


def demo_agent():
    """The demo agent's account, for load_demo's sign-in help; None before the demo loads."""
    return get_user_model().objects.filter(username=data.DEMO_AGENT_EMAIL).first()
