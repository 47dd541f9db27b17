"""What every web process must share lives in the database: sessions, sign-in limits and the
cache, whose table `migrate` creates. (test_two_processes.py shows it with two servers.)"""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_migrate


def cache_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM eig_cache")
        return [row[0] for row in cursor.fetchall()]


def test_the_cache_is_a_table_of_the_database(db):
    cache.set("partage", "visible de tous les processus", 60)

    assert any(key.endswith("partage") for key in cache_rows())
    assert "LocMem" not in settings.CACHES["default"]["BACKEND"]


def test_migrate_creates_the_cache_table(db):
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE eig_cache")
    assert "eig_cache" not in connection.introspection.table_names()

    accounts = apps.get_app_config("accounts")
    post_migrate.send(
        sender=accounts, app_config=accounts, verbosity=0, interactive=False, using="default"
    )

    assert "eig_cache" in connection.introspection.table_names()


def test_sessions_and_sign_in_limits_are_in_the_database():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    # django-axes counts failures in the database unless told otherwise.
    assert getattr(settings, "AXES_HANDLER", "axes.handlers.database.AxesDatabaseHandler") == (
        "axes.handlers.database.AxesDatabaseHandler"
    )
