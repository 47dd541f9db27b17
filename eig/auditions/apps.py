from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditionsConfig(AppConfig):
    name = "eig.auditions"
    verbose_name = _("Auditions")

    def ready(self):
        from django.db.models.signals import post_save, pre_delete

        from eig.auditions import receivers
        from eig.auditions.models import InterviewScore
        from eig.selection.signals import audition_grids_wanted, audition_scores_wanted

        changed = receivers.audition_mark_changed
        post_save.connect(changed, sender=InterviewScore, dispatch_uid="auditions_mark_saved")
        pre_delete.connect(changed, sender=InterviewScore, dispatch_uid="auditions_mark_deleted")

        audition_grids_wanted.connect(
            receivers.answer_audition_grids, dispatch_uid="auditions_answer_audition_grids"
        )
        audition_scores_wanted.connect(
            receivers.answer_audition_scores, dispatch_uid="auditions_answer_audition_scores"
        )
