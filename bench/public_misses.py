"""The six public pages' cache misses, in-process: CPU time, wall time and queries per page.

Load on the machine barely changes the CPU time of one process, unlike the wall time through
gunicorn: this is the figure to compare between two versions of the code. Run against a
database with the demo content (`manage.py load_demo`), with production settings:

    DEBUG=0 SECRET_KEY=… DATABASE_URL=… python bench/public_misses.py   # --misses 50

Each page is rendered through Django's WSGI handler for an anonymous visitor, once to warm the
process, then `--misses` times. Two kinds of miss per page:

- front: the front cache does not have the page (what bench/public_pages.py measures after a
  PURGE), the template fragments stay in the shared cache;
- true: the fragments get a new version first (as after a change an editor saves), so everything
  is rendered again and stored.

Printed per page and kind: the medians of CPU time (`time.process_time()`) and wall time, the
number of queries and, among them, of reads of the shared cache (the database cache: each read is
a query); target for the CPU time of a front miss: ≤ 10 ms (< 15 ms through gunicorn).

The database connection is kept between requests as in production (deploy/prod.sh sets
DATABASE_CONN_MAX_AGE=60): opening one per request would be measured instead of the page.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eig.settings")
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")

PAGES = ["/", "/defis/", "/defis/{challenge}/", "/promotions/{cohort}/", "/presse/", "/evenements/"]
TARGET_MS = 10


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=50, help="misses timed per page and kind")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from eig.challenges.models import Challenge
    from eig.website.purge import new_fragments_version

    if settings.DEBUG:
        raise SystemExit("Run with DEBUG=0 (and SECRET_KEY set): production settings.")
    challenge = Challenge.objects.published().select_related("cohort").first()
    if challenge is None:
        raise SystemExit("No published défi: load the demo first (manage.py load_demo).")
    handler = WSGIHandler()
    pages = [
        path.format(challenge=challenge.slug, cohort=challenge.cohort.number) for path in PAGES
    ]

    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS[0] != "*" else "localhost"

    def get(path):
        status = []
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": host.strip("[]"),
            "SERVER_PORT": "443",  # as behind the proxy: no redirect to HTTPS
            "HTTP_HOST": settings.ALLOWED_HOSTS[0]
            if settings.ALLOWED_HOSTS[0] != "*"
            else "localhost",
            "wsgi.url_scheme": "https",
            "HTTP_X_FORWARDED_PROTO": "https",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        body = b"".join(handler(environ, lambda code, headers: status.append(code)))
        if not status[0].startswith("200"):
            raise SystemExit(f"{path}: {status[0]}")
        return body

    print(
        f"{args.misses} misses per page and kind; medians; target for a front miss: "
        f"CPU ≤ {TARGET_MS} ms"
    )
    over = []
    for path in pages:
        get(path)  # the process warmed: templates parsed, URL patterns compiled
        for kind in ("front", "true"):
            cpu, wall = [], []
            for _ in range(args.misses):
                if kind == "true":
                    new_fragments_version()
                with CaptureQueriesContext(connection) as queries:
                    started_cpu, started = time.process_time(), time.perf_counter()
                    get(path)
                    cpu.append((time.process_time() - started_cpu) * 1000)
                    wall.append((time.perf_counter() - started) * 1000)
            median_cpu = statistics.median(cpu)
            cache_reads = sum(
                '"value", "expires" FROM "eig_cache"' in query["sql"]  # a get, not a set
                for query in queries.captured_queries
            )
            if kind == "front" and median_cpu > TARGET_MS:
                over.append(path)
            print(
                f"{path:32} {kind:5} miss: CPU {median_cpu:5.1f} ms, "
                f"wall {statistics.median(wall):5.1f} ms, {len(queries)} queries "
                f"({cache_reads} cache reads)"
            )
    print("CHECK:", f"OVER: {over}" if over else "OK")


if __name__ == "__main__":
    main()
