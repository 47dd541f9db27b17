"""Decision e-mails, sent by the task worker, one message per person."""

from django_tasks import task


@task()
def deliver_decisions(*, notice_ids):
    from eig.decisions.services import deliver_notices

    return deliver_notices(notice_ids=notice_ids)
