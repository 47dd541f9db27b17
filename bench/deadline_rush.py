"""The rush before the deadline: N candidates sign in, save drafts, upload a CV, then submit.

Runs against a real server on PostgreSQL, started here: gunicorn serving the site, and the
task worker that sends the sign-in e-mails (written as files, then read back for the links).

    python bench/deadline_rush.py            # 200 candidates, 32 at a time
    python bench/deadline_rush.py -n 500 --concurrency 48
    python bench/deadline_rush.py --stack    # through Varnish, as `make prod` serves

It needs the local PostgreSQL cluster (`pg_ctlcluster 15 main start`, a role `eig` that can
create databases) and uses its own database, `eig_bench`, created afresh at each run, and the
ports 8765 (and 8766 behind Varnish); BENCH_DATABASE and BENCH_PORT choose others.

Printed: submissions per second during the rush and the latency of the submit requests
(p50, p99), the same for the preparation requests as a reference measured in the same run,
and the check that exactly N applications are stored as submitted, none lost or duplicated.
"""

import argparse
import datetime
import email
import email.policy
import http.client
import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_ADMIN_URL = "postgres://eig:eig@127.0.0.1:5432/postgres"
# Several people may measure on one machine: each its own database and ports (PORT and PORT + 1).
BENCH_DB = os.environ.get("BENCH_DATABASE", "eig_bench")
HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))
CV_BYTES = 200 * 1024
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LINK = re.compile(r"https?://[^/\s]+(/connexion/lien/[^/\s]+/)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--candidates", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn process")
    parser.add_argument(
        "--stack", action="store_true", help="through make prod's stack: Varnish, gunicorn's config"
    )
    args = parser.parse_args()

    mail_dir = Path(tempfile.mkdtemp(prefix="eig-bench-mail-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://eig:eig@127.0.0.1:5432/{BENCH_DB}",
        "DATABASE_CONN_MAX_AGE": "60",
        "MAIL_DIR": str(mail_dir),
        "DEBUG": "0",
        # Production's settings, over plain HTTP on a throwaway database.
        "SECRET_KEY": "bench-only-not-a-secret",
        "SECURE_SSL_REDIRECT": "0",
        "SITE_URL": f"http://{HOST}:{PORT}",
        "EIG_VAR_DIR": tempfile.mkdtemp(prefix="eig-bench-var-"),
        "DJANGO_SETTINGS_MODULE": "eig.settings",
    }
    os.environ.update(env)
    recreate_database()
    run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], env)
    run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], env)

    import django

    django.setup()
    cohort, challenge_ids = create_open_cohort()

    # With --stack, `make prod`'s stack: gunicorn with its configuration behind Varnish, which
    # tells it each candidate's address (PROXY protocol) and passes every form through.
    bind = f"{HOST}:{PORT + 1}" if args.stack else f"{HOST}:{PORT}"
    config = ["-c", "deploy/gunicorn.conf.py"] if args.stack else ["--worker-class", "gthread"]
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "eig.wsgi", *config,
            "--bind", bind, "--workers", str(args.workers),
            "--threads", str(args.threads), "--log-level", "warning",
        ],
        cwd=ROOT, env=env,
    )  # fmt: skip
    front = start_varnish(PORT + 1) if args.stack else None
    worker = subprocess.Popen(
        # As make prod starts it (deploy/prod.sh): below the web processes in the CPU's order.
        ["nice", "-n", "10", sys.executable, "manage.py", "db_worker", "--interval", "0.05"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_server()
        report(run_rush(args, cohort.number, challenge_ids, mail_dir), args, cohort)
    finally:
        for process in filter(None, (front, server, worker)):
            process.terminate()
        for process in filter(None, (front, server, worker)):
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()


def start_varnish(backend_port):
    folder = Path(tempfile.mkdtemp(prefix="eig-bench-varnish-"))
    folder.chmod(0o755)  # Varnish reads its VCL as its own user
    vcl = (ROOT / "deploy" / "varnish.vcl").read_text()
    vcl = vcl.replace('.port = "8081";', f'.port = "{backend_port}";')
    (folder / "default.vcl").write_text(vcl)
    (folder / "default.vcl").chmod(0o644)
    return subprocess.Popen(
        [
            "varnishd", "-F", "-n", str(folder / "work"), "-a", f"{HOST}:{PORT}",
            "-f", str(folder / "default.vcl"), "-s", "malloc,64m", "-T", "none",
        ],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def run(command, env):
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def recreate_database():
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")


def create_open_cohort():
    from django.utils import timezone

    from eig.challenges.models import Challenge, HostOrganisation
    from eig.cohorts.models import Cohort, Programme, RulesVersion

    # The platform serves its first programme (Cohort.objects.served): the cohort goes there.
    programme = Programme.objects.order_by("pk").first() or Programme.objects.create(
        name="Programme de mesure", short_name="BENCH", operator="Etalab",
        contact_email="contact@bench.example",
    )  # fmt: skip
    number = 1 + max(programme.cohorts.values_list("number", flat=True), default=0)
    now = timezone.now()
    cohort = Cohort.objects.create(
        programme=programme, number=number, year=now.year + 1, net_monthly_pay=4000,
        application_call_opens_at=now - datetime.timedelta(days=1),
        application_call_closes_at=now + datetime.timedelta(hours=6),
        starts_on=datetime.date(now.year + 1, 1, 15),
    )  # fmt: skip
    # Nobody may apply before the cohort's rules are published (applications.calls).
    RulesVersion.objects.create(
        cohort=cohort, version="1", published_on=now.date() - datetime.timedelta(days=1),
        text="<p>Le règlement de la mesure.</p>",
    )  # fmt: skip
    host = HostOrganisation.objects.create(ministry="Ministère de la mesure")
    challenges = [
        Challenge.objects.create(
            cohort=cohort,
            host=host,
            slug=f"defi-{index}",
            name=f"Défi {index}",
            summary="Un défi.",
            status=Challenge.Status.OPEN,
        )  # fmt: skip
        for index in range(1, 6)
    ]
    return cohort, [challenge.pk for challenge in challenges]


def wait_for_server():
    deadline = time.monotonic() + 90  # four processes starting on a busy machine
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, PORT, timeout=2)
            connection.request("GET", "/connexion/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer within 90 s")


class Candidate:
    """One browser: its own source address (rate limits are per IP), cookies and timings."""

    def __init__(self, index):
        self.index = index
        self.email = f"candidat-{index:05d}@bench.example"
        # 127.0.0.0/8 is all loopback: each candidate gets an address of its own.
        self.source = f"127.{1 + index // 62500}.{(index // 250) % 250}.{1 + index % 250}"
        self.cookies = {}
        self.timings = []

    def request(self, method, path, *, fields=None, files=None, phase="prepare"):
        connection = http.client.HTTPConnection(
            HOST, PORT, timeout=60, source_address=(self.source, 0)
        )
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None or files:
            headers["Referer"] = f"http://{HOST}:{PORT}{path}"
            if files:
                body, content_type = multipart(fields or {}, files)
            else:
                body = urllib.parse.urlencode(fields or {}, doseq=True).encode()
                content_type = "application/x-www-form-urlencoded"
            headers["Content-Type"] = content_type
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", errors="replace")
        self.timings.append((phase, time.perf_counter() - started))
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        if response.status >= 400:
            raise RuntimeError(f"{method} {path}: HTTP {response.status}")
        return response.status, response.getheader("Location"), content

    def form_token(self, path):
        status, location, content = self.request("GET", path)
        found = CSRF.search(content)
        if not found:
            redirect = location or "no redirect"
            raise RuntimeError(f"GET {path}: no form token (HTTP {status}, {redirect})")
        return found.group(1)


def multipart(fields, files):
    boundary = "----eigbench" + os.urandom(8).hex()
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(f"{value}\r\n".encode())
    for name, (filename, data) in files.items():
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
        )
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def cv_pdf():
    """A valid PDF padded to 200 KB with a stream of harmless bytes."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "CV", "/Padding": "x" * (CV_BYTES - 1500)})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def sign_in_links(mail_dir, expected, timeout=120):
    """The sign-in link of each address, read from the e-mails the worker wrote."""
    links, deadline = {}, time.monotonic() + timeout
    while len(links) < expected and time.monotonic() < deadline:
        for path in mail_dir.glob("*.log"):
            for raw in path.read_bytes().split(b"-" * 79):
                if not raw.strip():
                    continue
                message = email.message_from_bytes(raw.strip(), policy=email.policy.default)
                match = LINK.search(message.get_body().get_content())
                if match:
                    links[message["To"]] = match.group(1)
        time.sleep(0.2)
    return links


def run_rush(args, number, challenge_ids, mail_dir):
    candidates = [Candidate(index) for index in range(args.candidates)]
    pdf = cv_pdf()
    lock = threading.Lock()
    failures = []

    def guarded(function):
        def wrapper(candidate):
            try:
                function(candidate)
            except Exception as error:  # reported, never hidden
                with lock:
                    failures.append(f"{candidate.email}: {error}")

        return wrapper

    @guarded
    def ask_link(candidate):
        token = candidate.form_token("/connexion/")
        candidate.request(
            "POST", "/connexion/", fields={"csrfmiddlewaretoken": token, "email": candidate.email}
        )

    with ThreadPoolExecutor(args.concurrency) as pool:
        list(pool.map(ask_link, candidates))
    links = sign_in_links(mail_dir, len(candidates))

    @guarded
    def prepare(candidate):
        link = links[candidate.email]
        token = candidate.form_token(link)
        candidate.request("POST", link, fields={"csrfmiddlewaretoken": token})
        token = candidate.form_token("/candidater/")
        candidate.request(
            "POST", "/candidater/", fields={"csrfmiddlewaretoken": token, "cohort": number}
        )
        for slug, fields, files in steps(candidate, challenge_ids, pdf):
            path = f"/candidater/{number}/{slug}/"
            token = candidate.form_token(path)
            candidate.request(
                "POST", path, fields={"csrfmiddlewaretoken": token, **fields}, files=files
            )
        candidate.review_token = candidate.form_token(f"/candidater/{number}/recapitulatif/")

    started = time.perf_counter()
    with ThreadPoolExecutor(args.concurrency) as pool:
        list(pool.map(prepare, candidates))
    preparation = time.perf_counter() - started

    ready = [candidate for candidate in candidates if hasattr(candidate, "review_token")]

    @guarded
    def submit(candidate):
        status, location, _ = candidate.request(
            "POST",
            f"/candidater/{number}/recapitulatif/",
            fields={"csrfmiddlewaretoken": candidate.review_token},
            phase="submit",
        )
        if status != 302 or "confirmation" not in (location or ""):
            raise RuntimeError(f"submission refused (HTTP {status}, {location})")

    started = time.perf_counter()
    with ThreadPoolExecutor(args.concurrency) as pool:
        list(pool.map(submit, ready))
    rush = time.perf_counter() - started
    return {
        "candidates": candidates,
        "ready": ready,
        "links": len(links),
        "preparation": preparation,
        "rush": rush,
        "failures": failures,
    }


def steps(candidate, challenge_ids, pdf):
    first, second = challenge_ids[candidate.index % 5], challenge_ids[(candidate.index + 1) % 5]
    return [
        ("identite", {
            "first_name": "Camille", "last_name": f"Mesure {candidate.index}",
            "email": candidate.email, "phone": "06 12 34 56 78", "city": "Lyon",
            "profile": "development", "years_of_experience": "6", "navigation": "next",
        }, None),
        ("parcours", {
            "background": "Développement web puis conduite de projets. " * 20,
            "experiences_text": "Six ans de développement.",
            "experiences-TOTAL_FORMS": "1", "experiences-INITIAL_FORMS": "0",
            "experiences-MIN_NUM_FORMS": "0", "experiences-MAX_NUM_FORMS": "5",
            "navigation": "next",
        }, None),
        ("cv", {"navigation": "next"}, {"cv": (f"cv-{candidate.index}.pdf", pdf)}),
        ("motivation", {
            "motivation": "Le logiciel libre et l'intérêt général. " * 10,
            "administration_fit": "En partant des besoins des agents. " * 10,
            "navigation": "next",
        }, None),
        ("defis", {
            "choices-TOTAL_FORMS": "3", "choices-INITIAL_FORMS": "0",
            "choices-MIN_NUM_FORMS": "0", "choices-MAX_NUM_FORMS": "3",
            "choices-0-challenge": str(first), "choices-0-contribution": "Mon expérience.",
            "choices-1-challenge": str(second), "choices-1-contribution": "Mes idées.",
            "navigation": "next",
        }, None),
        ("binome", {"preferred_teammate": "", "navigation": "next"}, None),
        ("eligibilite", {
            "available_full_time": "on", "not_public_agent": "on", "studies_completed": "on",
            "accepts_rules": "on", "consents_to_processing": "on", "navigation": "next",
        }, None),
    ]  # fmt: skip


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def report(result, args, cohort):
    from eig.applications.models import Application

    submit_times = [t for c in result["ready"] for phase, t in c.timings if phase == "submit"]
    prepare_times = [t for c in result["candidates"] for phase, t in c.timings if phase != "submit"]
    stored = Application.objects.filter(cohort=cohort).submitted().count()
    applications = Application.objects.filter(cohort=cohort).count()
    print(f"Candidates: {args.candidates}, {args.concurrency} at a time; gunicorn "
          f"{args.workers} processes × {args.threads} threads; PostgreSQL; {os.cpu_count()} CPUs; "
          f"load average before the rush: {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"Sign-in links received: {result['links']}/{args.candidates}")
    print(f"Preparation (sign-in, 7 steps, 200 KB CV): {result['preparation']:.1f} s, "
          f"{len(prepare_times)} requests, p50 {statistics.median(prepare_times) * 1000:.0f} ms, "
          f"p99 {percentile(prepare_times, 0.99) * 1000:.0f} ms")  # fmt: skip
    if submit_times:
        rate = len(submit_times) / result["rush"]
        p50, p99 = statistics.median(submit_times), percentile(submit_times, 0.99)
        print(f"Rush: {len(submit_times)} submissions in {result['rush']:.2f} s = "
              f"{rate:.1f} submissions/s; submit latency p50 {p50 * 1000:.0f} ms, "
              f"p99 {p99 * 1000:.0f} ms (p99/p50 = {p99 / p50:.1f}); "
              f"ratio to a preparation request's p50: "
              f"{p50 / statistics.median(prepare_times):.1f}")  # fmt: skip
    print(f"Stored: {stored} submitted applications out of {applications} "
          f"(expected exactly {args.candidates})")  # fmt: skip
    for failure in result["failures"][:10]:
        print("FAILURE", failure)
    ok = stored == args.candidates == applications and not result["failures"]
    print("CHECK:", "exactly N submitted, none lost, none duplicated" if ok else "FAILED")
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
