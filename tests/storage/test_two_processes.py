"""Two gunicorn instances on two ports, as behind a load balancer: same database, same object
storage (moto's server), each its own local folder. A candidate signs in on one and goes on
with the other; the CV uploaded through one is downloaded through the other."""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection

from tests.factories import OpenCallCohortFactory, small_pdf
from tests.storage.conftest import KEYS, free_port, new_bucket

pytestmark = pytest.mark.skipif(
    not shutil.which("gunicorn", path=Path(sys.executable).parent),
    reason="gunicorn is a dependency of the project",
)


def shared_database_url(folder):
    """The test database as the servers can reach it: the PostgreSQL one itself, or a copy of
    SQLite's, which lives in this process's memory, into a file they share."""
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        host = f"{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}"
        return f"postgres://{database['USER']}:{database['PASSWORD']}@{host}/{database['NAME']}"
    connection.ensure_connection()
    path = folder / "db.sqlite3"
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    copy.close()
    return f"sqlite:///{path}"


@contextmanager
def gunicorn(environment, name, folder):
    """A gunicorn instance of the site with its own local folder, until the block ends."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (folder / f"{name}.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "eig.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "2",
            "--worker-class",
            "gthread",
        ],
        cwd=settings.BASE_DIR,
        env={**environment, "EIG_VAR_DIR": str(folder / name)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if requests.get(f"{url}/connexion/", timeout=30).status_code == 200:
                    break
            except requests.RequestException:  # not listening yet, or still loading
                pass
            assert process.poll() is None, (folder / f"{name}.log").read_text()
            assert time.monotonic() < deadline, "gunicorn did not answer in 2 minutes"
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def post(session, url, data=None, **kwargs):
    """A form posted as a browser would, with the CSRF token of the session's cookie."""
    token = session.cookies.get("csrftoken")
    return session.post(
        url,
        data={**(data or {}), "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=30,
        **kwargs,
    )


def sign_in_links(mail):
    # A file may hold several e-mails.
    return [
        link
        for messages in mail.glob("*.log")
        for link in re.findall(r"/connexion/lien/[\w-]+/", messages.read_text())
    ]


def test_a_candidate_continues_on_another_process_with_her_cv(
    transactional_db, s3_server, tmp_path
):
    cohort = OpenCallCohortFactory()
    s3, bucket = new_bucket(s3_server)
    mail = tmp_path / "mail"
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "DJANGO_SETTINGS_MODULE": "eig.settings",
        "DEBUG": "0",
        "SECRET_KEY": "two-processes-test-not-a-secret",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "TRUST_X_FORWARDED_PROTO": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": shared_database_url(tmp_path),
        "MAIL_DIR": str(mail),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": s3_server,
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": KEYS["aws_access_key_id"],
        "S3_SECRET_ACCESS_KEY": KEYS["aws_secret_access_key"],
        "S3_ADDRESSING_STYLE": "path",
    }
    with ExitStack() as servers:
        one = servers.enter_context(gunicorn(environment, "one", tmp_path))
        other = servers.enter_context(gunicorn(environment, "other", tmp_path))
        browser = requests.Session()

        # Signed in on one…
        browser.get(f"{one}/connexion/", timeout=30)
        post(browser, f"{one}/connexion/", {"email": "alice@example.fr", "next": ""})
        [link] = sign_in_links(mail)
        browser.get(one + link, timeout=30)
        assert post(browser, one + link).status_code == 302
        # …she starts her application on the other, still signed in.
        assert browser.get(f"{other}/candidater/", timeout=30).status_code == 200
        started = post(browser, f"{other}/candidater/", {"cohort": cohort.number})
        assert started.headers["Location"] == f"/candidater/{cohort.number}/identite/"

        # The CV uploaded through one is downloaded through the other.
        browser.get(f"{one}/candidater/{cohort.number}/cv/", timeout=30)
        uploaded = post(
            browser,
            f"{one}/candidater/{cohort.number}/cv/",
            files={"cv": ("Mon CV.pdf", small_pdf(), "application/pdf")},
        )
        assert uploaded.status_code == 302, uploaded.text
        space = browser.get(f"{other}/mon-espace/", timeout=30).text
        public_id = re.search(r"/mon-espace/candidatures/([0-9a-f-]{36})/", space)[1]
        cv = browser.get(f"{other}/mon-espace/candidatures/{public_id}/cv/", timeout=30)
        assert cv.status_code == 200
        assert cv.content == small_pdf()
        assert cv.headers["Content-Disposition"] == 'attachment; filename="Mon CV.pdf"'

        # Sign-in links are limited across processes: five an hour for an address, wherever
        # they are asked for (one is used above, four more, then none).
        for server in [other, one, other, one, other, one]:
            post(browser, f"{server}/connexion/", {"email": "alice@example.fr", "next": ""})
        assert len(sign_in_links(mail)) == 5

    objects = s3.list_objects_v2(Bucket=bucket)["Contents"]
    assert [item["Key"] for item in objects] == [f"private/cv/{cohort.pk}/{public_id}.pdf"]
    # Neither process kept a file of its own.
    for name in ("one", "other"):
        assert not list((tmp_path / name).glob("private/**/*.pdf"))
