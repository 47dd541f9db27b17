from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "eig.audit"
    verbose_name = "Journal d'audit"
