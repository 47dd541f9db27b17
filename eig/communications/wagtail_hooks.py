from wagtail import hooks

from eig.cohorts.models import Cohort
from eig.communications.services import schedule_deadline_reminder


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def schedule_reminder_of_edited_cohort(request, instance):
    # The worker will remind draft holders 48 hours before the (possibly new) deadline.
    if isinstance(instance, Cohort):
        schedule_deadline_reminder(cohort=instance)
