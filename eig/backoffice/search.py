"""Search that ignores case and accents, alike on PostgreSQL and SQLite: "elodie" finds "Élodie"."""

import unicodedata
from functools import reduce
from operator import or_

from django.db.models import Func, Q, TextField

# Letters NFKD leaves whole, written out as PostgreSQL's unaccent does.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
SQLITE_FOLD_FUNCTION = "eig_fold"


def fold(text):
    """`text` in lower case without accents: "Éloïse Cœur" → "eloise coeur"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


class Folded(Func):
    """A text column as `fold` writes it, computed by the database."""

    # PostgreSQL, with the unaccent extension that migration 0001 creates.
    template = "LOWER(UNACCENT(%(expressions)s))"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite's lower() only knows ASCII letters: there, `fold` itself does the work.
        return self.as_sql(
            compiler,
            connection,
            template=f"{SQLITE_FOLD_FUNCTION}(%(expressions)s)",
            **extra_context,
        )


class IndexedFolded(Folded):
    """`Folded` as the indexes of the applications' search and order by name compute it
    (backoffice migration 0002): the same values, through unaccent declared immutable. Twice
    as slow to compute, so only where those indexes serve: a filter, a page of 50 rows."""

    template = "LOWER(EIG_UNACCENT(%(expressions)s))"


def register_fold_on_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            SQLITE_FOLD_FUNCTION,
            1,
            lambda text: fold(text) if isinstance(text, str) else text,
            deterministic=True,
        )


def search_words(queryset, search, fields, *, folded=Folded):
    """The rows of `queryset` where each word of `search` appears in one of `fields`
    (`folded`: `IndexedFolded` where indexes exist for them)."""
    words = fold(search).split()
    if not words:
        return queryset
    aliases = {f"folded_{field}": folded(field) for field in fields}
    queryset = queryset.alias(**aliases)
    for word in words:
        queryset = queryset.filter(
            reduce(or_, (Q(**{f"{alias}__contains": word}) for alias in aliases))
        )
    return queryset
