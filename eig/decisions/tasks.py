"""Decision e-mails, sent by the task worker, one message per person."""

from django.core.mail import send_mass_mail
from django_tasks import task


@task()
def deliver_decisions(*, notice_ids):
    from eig.decisions.models import DecisionNotice

    notices = DecisionNotice.objects.filter(pk__in=notice_ids).select_related(
        "application__candidate"
    )
    messages = [
        (
            notice.subject,
            notice.body,
            None,
            [notice.application.email or notice.application.candidate.email],
        )
        for notice in notices.order_by("pk")
    ]
    return send_mass_mail(messages)
