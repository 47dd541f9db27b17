"""Queries and CPU time of each request of the deadline rush's journey, in one process.

The candidate of bench/deadline_rush.py (sign-in link, the start, each step's page and POST,
the CV, the submission), through Django's test client with production settings on
PostgreSQL: figures that the load of a shared machine changes little, to compare two commits.

    python bench/request_costs.py [database] [candidates]     # eig_request_costs, 12

Run it from another tree (a `git archive` of an older commit) to compare: it reads that
tree's bench/deadline_rush.py for the cohort and the answers. The database is created afresh.
"""

import collections
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path.cwd()  # the tree measured: this one, or an older one
sys.path.insert(0, str(ROOT))
DB = sys.argv[1] if len(sys.argv) > 1 else "eig_request_costs"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 12
mail_dir = Path(tempfile.mkdtemp(prefix="request-costs-mail-"))
env = {
    "DATABASE_URL": f"postgres://eig:eig@127.0.0.1:5432/{DB}",
    "DATABASE_CONN_MAX_AGE": "60",
    "MAIL_DIR": str(mail_dir),
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-not-a-secret",
    "SECURE_SSL_REDIRECT": "0",
    "SITE_URL": "http://127.0.0.1:8765",
    "EIG_VAR_DIR": tempfile.mkdtemp(prefix="request-costs-var-"),
    "DJANGO_SETTINGS_MODULE": "eig.settings",
}
os.environ.update(env)
import psycopg  # noqa: E402

with psycopg.connect("postgres://eig:eig@127.0.0.1:5432/postgres", autocommit=True) as admin:
    admin.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    admin.execute(f"CREATE DATABASE {DB}")
subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], check=True)
subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], check=True)

import django  # noqa: E402

django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

spec = importlib.util.spec_from_file_location("deadline_rush", ROOT / "bench" / "deadline_rush.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
cohort, challenge_ids = bench.create_open_cohort()
number = cohort.number
pdf = bench.cv_pdf()

stats = collections.defaultdict(list)
sqls = {}


def measure(label, call, *args):
    queries = []

    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        started = time.process_time()
        response = call(*args)
        cpu = time.process_time() - started
    stats[label].append((len(queries), cpu * 1000))
    sqls[label] = queries
    return response


def token(client, label, path):
    response = measure(label, client.get, path)
    assert response.status_code == 200, (path, response.status_code, response.get("Location"))
    return bench.CSRF.search(response.content.decode()).group(1)


clients = []
for index in range(N):
    candidate = bench.Candidate(index)
    client = Client(
        enforce_csrf_checks=True, REMOTE_ADDR=candidate.source, HTTP_HOST="127.0.0.1:8765"
    )
    t = token(client, "GET /connexion/", "/connexion/")
    r = measure(
        "POST /connexion/",
        client.post,
        "/connexion/",
        {"csrfmiddlewaretoken": t, "email": candidate.email},
    )
    assert r.status_code in (200, 302), r.status_code
    clients.append((candidate, client))

call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
links = bench.sign_in_links(mail_dir, N, timeout=10)
assert len(links) == N, len(links)

for candidate, client in clients:
    link = links[candidate.email]
    t = token(client, "GET link", link)
    r = measure("POST link", client.post, link, {"csrfmiddlewaretoken": t})
    assert r.status_code == 302, r.status_code
    t = token(client, "GET /candidater/", "/candidater/")
    r = measure(
        "POST /candidater/",
        client.post,
        "/candidater/",
        {"csrfmiddlewaretoken": t, "cohort": number},
    )
    assert r.status_code == 302
    for slug, fields, files in bench.steps(candidate, challenge_ids, pdf):
        path = f"/candidater/{number}/{slug}/"
        data = {"csrfmiddlewaretoken": token(client, f"GET step {slug}", path), **fields}
        for name, (filename, content) in (files or {}).items():
            data[name] = SimpleUploadedFile(filename, content, content_type="application/pdf")
        r = measure(f"POST step {slug}", client.post, path, data)
        assert r.status_code == 302, (slug, r.status_code)
    review = f"/candidater/{number}/recapitulatif/"
    t = token(client, "GET review", review)
    r = measure("POST submit", client.post, review, {"csrfmiddlewaretoken": t})
    assert r.status_code == 302 and "confirmation" in r["Location"], r.status_code

print(f"{'request':32} {'queries':>8} {'cpu ms (median, after 2 warm-up)':>34}")
total_q = total_cpu = 0
for label, rows in stats.items():
    q = rows[-1][0]
    cpu = statistics.median(c for _, c in rows[2:])
    total_q += q
    total_cpu += cpu
    print(f"{label:32} {q:8d} {cpu:10.1f}")
print(f"{'total':32} {total_q:8d} {total_cpu:10.1f}")
# The SQL of each request, to see what changed between two commits.
out = Path(os.environ.get("REQUEST_COSTS_SQL", tempfile.gettempdir() + "/request_costs_sql.txt"))
print(f"SQL of each request: {out}")
with out.open("w") as f:
    for label, queries in sqls.items():
        f.write(f"==== {label} ({len(queries)})\n")
        for sql in queries:
            f.write(sql[:300] + "\n")
