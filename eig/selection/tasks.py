"""E-mails to the jury, sent by the task worker, never during the request."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_tasks import task

from eig.accounts.tasks import ReadableEmail


@task()
def send_reviewer_invitation(*, email, full_name, cohort, url):
    context = {"full_name": full_name, "cohort": cohort, "url": url}
    ReadableEmail(
        subject=_("Invitation au jury — Entrepreneurs d'intérêt général"),
        body=render_to_string("selection/email/invitation.txt", context),
        to=[email],
    ).send()


@task()
def send_assignments_released(*, reviewer_id):
    """The reviewer's applications to review are out: how many, until when, where."""
    from eig.selection.notices import jury_email_context

    context = jury_email_context(reviewer_id)
    if not context["count"]:
        return 0  # every assignment withdrawn or in conflict since the release
    return ReadableEmail(
        subject=_("Vos candidatures à évaluer — Entrepreneurs d'intérêt général"),
        body=render_to_string("selection/email/assignments_released.txt", context),
        to=[context["email"]],
    ).send()


@task()
def send_reviewer_reminder(*, reviewer_id):
    from eig.selection.notices import jury_email_context

    context = jury_email_context(reviewer_id)
    if not context["left"]:
        return 0  # every evaluation submitted in the meantime
    return ReadableEmail(
        subject=_("Rappel : vos évaluations à soumettre — Entrepreneurs d'intérêt général"),
        body=render_to_string("selection/email/reviewer_reminder.txt", context),
        to=[context["email"]],
    ).send()


@task()
def remind_reviewers_task():
    from eig.selection.notices import remind_reviewers

    return remind_reviewers()
