# The back office's search ignores accents (eig/backoffice/search.py); on PostgreSQL it needs
# the unaccent extension, which any database owner may create (a trusted extension since 13).
# On SQLite this operation does nothing.
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    operations = [UnaccentExtension()]
