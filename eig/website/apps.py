from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "eig.website"
    verbose_name = "Site public"

    def ready(self):
        from wagtail import hooks

        from eig.http_cache import cacheable_pages
        from eig.website import purge

        hooks.register("on_serve_page", cacheable_pages)
        purge.connect()
