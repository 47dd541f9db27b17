from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditionsConfig(AppConfig):
    name = "eig.auditions"
    verbose_name = _("Auditions")

    def ready(self):
        from eig.auditions import receivers
        from eig.selection.signals import audition_grids_wanted, audition_scores_wanted

        audition_grids_wanted.connect(
            receivers.answer_audition_grids, dispatch_uid="auditions_answer_audition_grids"
        )
        audition_scores_wanted.connect(
            receivers.answer_audition_scores, dispatch_uid="auditions_answer_audition_scores"
        )
