from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WebsiteConfig(AppConfig):
    name = "eig.website"
    verbose_name = "Site public"

    def ready(self):
        from wagtail import hooks

        from eig.http_cache import cacheable_pages
        from eig.website import purge

        hooks.register("on_serve_page", cacheable_pages)
        purge.connect()
        post_migrate.connect(english_tree, sender=self)


def english_tree(**kwargs):
    """An installation whose pages predate the English site gets it at `migrate`."""
    from eig.website.i18n import ensure_english_tree

    ensure_english_tree()
