"""Reads about the auditions: the panel's grids, for the team's pages and for the scores."""

from eig.auditions.criteria import CRITERIA
from eig.auditions.models import Interview, InterviewScore
from eig.challenges.models import Mentor
from eig.selection.models import Conflict, Reviewer
from eig.selection.signals import AuditionGrid


def panel_grids(interviews):
    """[AuditionGrid] of `interviews` (a QuerySet): each panel member's, filled or not.

    A member in conflict with the candidate does not sit, so is left out unless they filled a
    grid before the conflict was known; whoever filled a grid without sitting on the panel is
    listed too. By application, then member's name. A fixed number of queries.
    """
    interviews = list(
        interviews.select_related("slot").prefetch_related("slot__panel", "scores__member")
    )
    members_of = {
        interview.pk: set(interview.slot.panel.all())
        | {score.member for score in interview.scores.all()}
        for interview in interviews
    }
    blocked = set(
        Conflict.objects.blocking()
        .filter(application__in=[interview.application_id for interview in interviews])
        .values_list("reviewer__user_id", "application_id")
    )
    names = member_names(
        set().union(*members_of.values()), {interview.slot.cohort_id for interview in interviews}
    )
    labels = dict(CRITERIA)
    order = {key: position for position, (key, _label) in enumerate(CRITERIA)}
    grids = []
    for interview in interviews:
        rows = {}
        for score in sorted(interview.scores.all(), key=lambda score: order[score.criterion]):
            rows.setdefault(score.member_id, []).append(
                (score.criterion, labels[score.criterion], score.score, score.comment)
            )
        for member in members_of[interview.pk]:
            if member.pk not in rows and (member.pk, interview.application_id) in blocked:
                continue
            grids.append(
                AuditionGrid(
                    application=interview.application_id,
                    member=names[member.pk],
                    starts_at=interview.slot.starts_at,
                    rows=tuple(rows.get(member.pk, ())),
                )
            )
    grids.sort(key=lambda grid: (grid.application, grid.member.casefold()))
    return grids


def grids_of_applications(applications):
    """The panel's grids of the auditions of `applications` (a QuerySet of applications)."""
    return panel_grids(Interview.objects.filter(application__in=applications))


def filled_scores_of_applications(applications):
    """[(application pk, {criterion key: score})]: each filled grid of `panel_grids` for the
    auditions of `applications`, read as plain values in one query (the rankings need only
    the scores of every auditioned person of a cohort)."""
    grids = {}
    for application, interview, member, criterion, score in (
        InterviewScore.objects.filter(interview__application__in=applications)
        .order_by("interview__application_id", "interview_id", "member_id")
        .values_list("interview__application_id", "interview_id", "member_id", "criterion", "score")
    ):
        grids.setdefault((application, interview, member), {})[criterion] = score
    return [(application, scores) for (application, _i, _m), scores in grids.items()]


def member_names(users, cohort_ids):
    """{user pk: name}: as a reviewer of the cohort, else as a mentor, else the account's."""
    pks = [user.pk for user in users]
    names = {user.pk: user.get_full_name() or user.email or user.get_username() for user in users}
    names |= dict(
        Mentor.objects.filter(user__in=pks, challenge__cohort__in=cohort_ids).values_list(
            "user_id", "full_name"
        )
    )
    names |= dict(
        Reviewer.objects.filter(user__in=pks, cohort__in=cohort_ids).values_list(
            "user_id", "full_name"
        )
    )
    return names
