from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "eig.website"
    verbose_name = "Site public"
