# The team's list at 20,000 applications (docs/scale.md), on PostgreSQL only: SQLite cannot
# index "NULLS LAST" and has no trigram indexes; there the same queries run without them.
#
# - The list's default order (newest submission first) and its order by name read from
#   indexes: a page costs a few rows instead of sorting the whole cohort.
# - The search (`eig.backoffice.search.IndexedFolded`: lower case, no accents, `LIKE '%word%'`)
#   through trigram indexes. unaccent() is not IMMUTABLE, which an index expression must be:
#   eig_unaccent is the same function, declared so (it reads its dictionary by name), and
#   declared costly, so that PostgreSQL reads these indexes rather than computing it over a
#   whole cohort.
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

SEARCHED_FIELDS = ["first_name", "last_name", "email"]

FORWARD = [
    "CREATE OR REPLACE FUNCTION eig_unaccent(text) RETURNS text"
    " LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT COST 100"
    " AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
    "CREATE INDEX IF NOT EXISTS application_list_order ON applications_application"
    " (cohort_id, submitted_at DESC NULLS LAST, created_at DESC)",
    "CREATE INDEX IF NOT EXISTS application_list_name ON applications_application"
    " (cohort_id, LOWER(eig_unaccent(last_name)), LOWER(eig_unaccent(first_name)), id)",
    *(
        f"CREATE INDEX IF NOT EXISTS application_search_{field} ON applications_application"
        f" USING gin (LOWER(eig_unaccent({field})) gin_trgm_ops)"
        for field in SEARCHED_FIELDS
    ),
]
BACKWARD = [
    *(f"DROP INDEX IF EXISTS application_search_{field}" for field in SEARCHED_FIELDS),
    "DROP INDEX IF EXISTS application_list_name",
    "DROP INDEX IF EXISTS application_list_order",
    "DROP FUNCTION IF EXISTS eig_unaccent(text)",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0001_unaccent_extension"),
        ("applications", "0006_submission_snapshot"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
