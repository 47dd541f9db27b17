from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "eig.selection"
    verbose_name = _("Sélection")

    def ready(self):
        from django.db.models.signals import post_save, pre_delete

        from eig.selection import kept
        from eig.selection.models import Review

        post_save.connect(kept.review_changed, sender=Review, dispatch_uid="kept_review_saved")
        pre_delete.connect(kept.review_changed, sender=Review, dispatch_uid="kept_review_deleted")
