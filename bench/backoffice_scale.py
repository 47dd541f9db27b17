"""The team's back office at the size of a national programme: 20,000 applications.

On PostgreSQL, in its own database (`eig_scale`, created afresh unless `--keep`), a cohort is
generated: 20,000 submitted applications at every stage over 50 défis, 500 reviewers, the
reviewer assignment computed by the platform itself (timed end to end, as the team's POST),
then 60,000 submitted reviews, auditions for the invited ones. The team's pages are then read
through Django's test client, signed in as the team, with production settings (DEBUG off).

    python bench/backoffice_scale.py                 # 20,000 applications
    python bench/backoffice_scale.py -n 2000 --keep  # smaller, reusing the database if there

It needs the local PostgreSQL cluster (`pg_ctlcluster 15 main start`, a role `eig` that can
create databases). Printed: how long the generation took, then each page's median and p95 over
`--reads` reads with its query count, the XLSX export of every row (time, peak Python memory
during it), the assignment and the team formation, each beside its target.
"""

import argparse
import contextlib
import datetime
import functools
import io
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_ADMIN_URL = "postgres://eig:eig@127.0.0.1:5432/postgres"
SCALE_DB = "eig_scale"
SEED = 2026
PAGE_TARGET = 0.300
SCORES_TARGET = 1.0
EXPORT_TARGET = 15.0
ASSIGNMENT_TARGET = 15.0
TEAMS_TARGET = 10.0
# Stages of the cohort, by share of the applications (the rest: submitted).
STAGES = {
    "eligible": 0.30,
    "ineligible": 0.005,
    "shortlisted": 0.08,
    "invited": 0.01,
    "interviewed": 0.015,
    "selected": 0.006,
    "waitlisted": 0.004,
    "rejected": 0.25,
    "withdrawn": 0.005,
}
PROFILES = ["development", "data_science", "design"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--applications", type=int, default=20_000)
    parser.add_argument("--challenges", type=int, default=50)
    parser.add_argument("--reviewers", type=int, default=500)
    parser.add_argument("--reviews", type=int, default=60_000)
    parser.add_argument("--reads", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="reuse the database if generated")
    parser.add_argument("--database", default=SCALE_DB, help=f"database name ({SCALE_DB})")
    parser.add_argument(
        "--only",
        choices=["assignment"],
        help="assignment: generate the cohort and time the assignment, no reviews nor pages",
    )
    parser.add_argument(
        "--profile", metavar="FILE", help="cProfile the assignment's POST into FILE (pstats)"
    )
    parser.add_argument(
        "--skip-assignment",
        action="store_true",
        help="no assignment timing: the reviews go to random reviewers (for the pages' figures)",
    )
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://eig:eig@127.0.0.1:5432/{args.database}",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-not-a-secret",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "EIG_VAR_DIR": tempfile.mkdtemp(prefix="eig-scale-var-"),
        "LOG_LEVEL": "ERROR",
        "PYTHONWARNINGS": "ignore::UserWarning",
        "DJANGO_SETTINGS_MODULE": "eig.settings",
    }
    os.environ.update(env)
    fresh = not (args.keep and database_exists(args.database))
    if fresh:
        recreate_database(args.database)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )

    import django

    django.setup()
    from eig.cohorts.models import Cohort

    print(
        f"Machine: {platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"PostgreSQL; {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    if fresh or not Cohort.objects.filter(number=1).exists():
        figures = generate(args)
    elif args.only == "assignment":
        print("Reusing the generated cohort of", args.database)
        figures = {"assignment": time_assignment(args)}
    else:
        figures = {}
        print("Reusing the generated cohort of", args.database)
    results = [report_assignment(figures)] if args.only == "assignment" else measure(args, figures)
    failed = [name for name, ok in results if not ok]
    print("CHECK:", "every figure within its target" if not failed else f"OVER: {failed}")


def database_exists(name):
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return found.fetchone() is not None


def recreate_database(name):
    import psycopg
    from psycopg import sql

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


# --- The cohort ---------------------------------------------------------------------------------


def copy_rows(model, columns, rows):
    """Rows into `model`'s table by PostgreSQL's COPY: far faster than INSERTs at this size."""
    from django.db import connection

    table = model._meta.db_table
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def reset_sequences(*models):
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def generate(args):
    from django.contrib.auth.models import Group, User
    from django.utils import timezone

    from eig.accounts.roles import PROGRAMME_TEAM_GROUP
    from eig.applications.models import Application, ChallengeChoice
    from eig.challenges.models import Challenge, HostOrganisation, Skill
    from eig.cohorts.models import Cohort, Programme
    from eig.selection.models import Reviewer
    from eig.selection.reviews import grid_for

    rng = random.Random(SEED)
    started = time.perf_counter()
    now = timezone.now()
    programme = Programme.objects.create(
        name="Programme à grande échelle", short_name="ECHELLE", operator="Etalab",
        contact_email="contact@echelle.example",
    )  # fmt: skip
    cohort = Cohort.objects.create(
        programme=programme, number=1, year=now.year, net_monthly_pay=4000, is_published=True,
        application_call_opens_at=now - datetime.timedelta(days=90),
        application_call_closes_at=now - datetime.timedelta(days=30),
        starts_on=(now + datetime.timedelta(days=60)).date(),
    )  # fmt: skip
    grid_for(cohort)
    hosts = HostOrganisation.objects.bulk_create(
        HostOrganisation(ministry=f"Ministère n° {index}") for index in range(25)
    )
    skills = Skill.objects.bulk_create(
        Skill(slug=f"competence-{index}", name=f"Compétence {index}") for index in range(20)
    )
    challenges = Challenge.objects.bulk_create(
        Challenge(
            cohort=cohort, host=hosts[index % len(hosts)], slug=f"defi-{index}",
            name=f"Défi {index:02}", summary="Un défi.", status=Challenge.Status.OPEN,
            fellows_sought=rng.choice([2, 2, 3]),
        )
        for index in range(args.challenges)
    )  # fmt: skip
    for challenge in challenges:
        challenge.skills.set(rng.sample(skills, 3))
    team = User.objects.create_user("equipe@echelle.example", "equipe@echelle.example")
    team.groups.add(Group.objects.get_or_create(name=PROGRAMME_TEAM_GROUP)[0])

    users = User.objects.bulk_create(
        (
            User(username=f"candidat-{index:05}@echelle.example", password="!")
            for index in range(args.applications)
        ),
        batch_size=5000,
    )
    first_names = ["Camille", "Élodie", "Karim", "Léa", "Noé", "Inès", "Hugo", "Zoé", "Yanis"]
    last_names = ["Martin", "Dupré", "Nguyen", "Lefèvre", "Benali", "Moreau", "Petit", "Roux"]
    stages = list(STAGES) + ["submitted"]
    weights = list(STAGES.values()) + [1 - sum(STAGES.values())]
    closes = cohort.application_call_closes_at
    applications = Application.objects.bulk_create(
        (
            Application(
                cohort=cohort, candidate=user, status=rng.choices(stages, weights)[0],
                first_name=rng.choice(first_names), last_name=f"{rng.choice(last_names)} {index}",
                email=user.username, phone="06 12 34 56 78", city="Lyon",
                profile=rng.choice(PROFILES), years_of_experience=rng.randint(2, 20),
                background="Un parcours.", motivation="Une motivation.",
                administration_fit="Une idée.", available_full_time=True, not_public_agent=True,
                studies_completed=True, accepts_rules=True, consents_to_processing=True,
                submitted_at=closes - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 55)),
            )
            for index, user in enumerate(users)
        ),
        batch_size=5000,
    )  # fmt: skip
    popularity = [rng.paretovariate(1.5) for _ in challenges]
    ChallengeChoice.objects.bulk_create(
        (
            ChallengeChoice(application=application, challenge=challenge, rank=rank)
            for application in applications
            for rank, challenge in enumerate(
                distinct_choices(rng, challenges, popularity, rng.randint(1, 3)), start=1
            )
        ),
        batch_size=5000,
    )
    reviewer_users = User.objects.bulk_create(
        User(username=address, email=address)
        for address in (f"jury-{index:03}@jury.example.org" for index in range(args.reviewers))
    )
    reviewers = Reviewer.objects.bulk_create(
        Reviewer(
            cohort=cohort, user=user, full_name=f"Membre du jury {index:03}",
            organisation=f"Organisation {index}", profiles=rng.sample(PROFILES, rng.randint(1, 2)),
            host=hosts[index % len(hosts)] if index % 10 == 0 else None,
            max_load=args.reviews // args.reviewers + 40, invited_at=now,
        )
        for index, user in enumerate(reviewer_users)
    )  # fmt: skip
    for reviewer in reviewers:
        reviewer.skills.set(rng.sample(skills, 4))
    print(
        f"Generated {len(applications):,} applications, {len(challenges)} défis, "
        f"{len(reviewers)} reviewers in {time.perf_counter() - started:.1f} s"
    )
    # Without the assignment, `generate_reviews` draws every reviewer at random.
    figures = {} if args.skip_assignment else {"assignment": time_assignment(args)}
    if args.only == "assignment":
        return figures
    started = time.perf_counter()
    reviews = generate_reviews(rng, cohort, args.reviews)
    auditions = generate_auditions(rng, cohort, team)
    print(
        f"Generated {reviews:,} submitted reviews and {auditions} auditions "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return figures


def distinct_choices(rng, challenges, popularity, count):
    chosen = []
    while len(chosen) < count:
        challenge = rng.choices(challenges, popularity)[0]
        if challenge not in chosen:
            chosen.append(challenge)
    return chosen


def time_assignment(args):
    """The team's POST on the assignment page: conflicts, affinities, optimum, 3 per person.

    Returns {"elapsed", "cpu"} and prints each phase's wall-clock and CPU time; with
    `--profile`, the POST runs under cProfile (slower) and its statistics go to that file."""
    import cProfile
    import pstats

    from django.contrib.auth.models import User

    from eig.cohorts.models import Cohort
    from eig.selection.models import Assignment

    cohort = Cohort.objects.get(number=1)
    client = team_client(User.objects.get(username="equipe@echelle.example"))
    client.get("/equipe/candidatures/?etat=withdrawn")  # the first request loads every module
    path = f"/equipe/selection/{cohort.number}/affectation/"
    print(f"Assignment: load average {os.getloadavg()[0]:.1f} before the POST")
    profiler = cProfile.Profile() if args.profile else None
    with timed_phases() as phases:
        started, started_cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        response = client.post(path, {"reviews_per_application": 3})
        if profiler:
            profiler.disable()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    if response.status_code != 302:
        raise SystemExit(f"the assignment failed: HTTP {response.status_code}")
    count = Assignment.objects.filter(reviewer__cohort=cohort).count()
    print(f"Assignment computed: {count:,} pairs")
    for name, (wall, phase_cpu) in phases.items():
        print(f"  {name:28} {wall:7.2f} s (CPU of this process {phase_cpu:6.2f} s)")
    if profiler:
        profiler.dump_stats(args.profile)
        pstats.Stats(args.profile).sort_stats("cumulative").print_stats(25)
    return {"elapsed": elapsed, "cpu": cpu}


@contextlib.contextmanager
def timed_phases():
    """{phase: [wall-clock, CPU]} of the assignment's steps, timed by wrapping the functions
    `propose_assignment` calls, for as long as the block runs."""
    from eig.selection import assignment

    phases = {
        "_load": "load (applications, jury)",
        "detect_conflicts": "conflicts (detect, store)",
        "affinity_matrix": "affinities (numpy)",
        "_constraints": "constraints (conflicts, started)",
        "assign_reviewers": "solver (flow or HiGHS)",
        "_store": "writes (delete, create)",
    }
    found = {label: [0.0, 0.0] for label in phases.values()}
    originals = {name: getattr(assignment, name) for name in phases}

    def timing(function, label):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            started, started_cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                found[label][0] += time.perf_counter() - started
                found[label][1] += time.process_time() - started_cpu

        return timed

    for name, label in phases.items():
        setattr(assignment, name, timing(originals[name], label))
    try:
        yield found
    finally:
        for name, function in originals.items():
            setattr(assignment, name, function)


def report_assignment(figures):
    elapsed, cpu = figures["assignment"]["elapsed"], figures["assignment"]["cpu"]
    print(
        f"Reviewer assignment end to end (the team's POST): {elapsed:.1f} s "
        f"(CPU of this process {cpu:.1f} s, load average {os.getloadavg()[0]:.1f}); "
        f"target < {ASSIGNMENT_TARGET:.0f} s: {'OK' if elapsed < ASSIGNMENT_TARGET else 'OVER'}"
    )
    return ("assignment", elapsed < ASSIGNMENT_TARGET)


def generate_reviews(rng, cohort, wanted):
    """Every assignment released and reviewed; extra readers up to `wanted` reviews."""
    from django.utils import timezone

    from eig.applications.models import Application
    from eig.selection.models import Assignment, Review, Reviewer, ReviewScore
    from eig.selection.reviews import criteria_of, grid_for

    now = timezone.now()
    Assignment.objects.filter(reviewer__cohort=cohort).update(
        status=Assignment.Status.RELEASED, released_at=now, started_at=now
    )
    pairs = list(
        Assignment.objects.filter(reviewer__cohort=cohort)
        .order_by("pk")
        .values_list("pk", "reviewer_id", "application_id")
    )
    taken = {(reviewer, application) for _pk, reviewer, application in pairs}
    reviewer_ids = list(Reviewer.objects.filter(cohort=cohort).values_list("pk", flat=True))
    assessable = list(
        Application.objects.assessable().filter(cohort=cohort).values_list("pk", flat=True)
    )
    extra = []
    while len(pairs) + len(extra) < wanted:
        pair = (rng.choice(reviewer_ids), rng.choice(assessable))
        if pair not in taken:
            taken.add(pair)
            extra.append(pair)
    next_pk = max((pk for pk, *_ in pairs), default=0) + 1
    copy_rows(
        Assignment,
        ["id", "reviewer_id", "application_id", "affinity", "status", "created_at",
         "released_at", "started_at"],
        ((next_pk + index, reviewer, application, 1.0, "released", now, now, now)
         for index, (reviewer, application) in enumerate(extra)),
    )  # fmt: skip
    pairs += [(next_pk + index, r, a) for index, (r, a) in enumerate(extra)]
    reset_sequences(Assignment)

    criteria = criteria_of(grid_for(cohort))
    severity = {pk: rng.gauss(0, 0.6) for pk in reviewer_ids}
    merit = {pk: rng.gauss(3, 0.8) for pk in assessable}
    verdicts = ["coup_de_coeur", "neutre", "neutre", "neutre", "defavorable"]
    copy_rows(
        Review,
        ["id", "assignment_id", "verdict", "comment", "status", "submitted_at", "updated_at"],
        ((index, pk, rng.choice(verdicts), "", "submitted", now, now)
         for index, (pk, _reviewer, _application) in enumerate(pairs, start=1)),
    )  # fmt: skip

    def scores():
        for index, (_pk, reviewer, application) in enumerate(pairs, start=1):
            for criterion in criteria:
                if criterion.scored:
                    value = round(merit[application] + severity[reviewer] + rng.gauss(0, 0.7))
                    yield index, criterion.key, min(5, max(1, value)), None, ""
                else:
                    yield index, criterion.key, None, rng.random() < 0.9, ""

    copy_rows(ReviewScore, ["review_id", "key", "score", "answer", "comment"], scores())
    reset_sequences(Review, ReviewScore)
    return len(pairs)


def generate_auditions(rng, cohort, team):
    """A booked audition for every invited or later application; graded once held."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from eig.applications.models import Application
    from eig.auditions.criteria import CRITERIA
    from eig.auditions.models import Interview, InterviewScore, InterviewSlot

    heard = ["interviewed", "selected", "waitlisted"]
    auditioned = list(
        Application.objects.filter(cohort=cohort, status__in=["invited", *heard]).order_by("pk")
    )
    panel = [team, User.objects.create_user("panel@echelle.example", "panel@echelle.example")]
    start = timezone.now() - datetime.timedelta(days=10)
    slots = InterviewSlot.objects.bulk_create(
        InterviewSlot(
            cohort=cohort,
            starts_at=start + datetime.timedelta(minutes=40 * index),
            duration=40,
            place="Paris",
        )
        for index in range(len(auditioned))
    )
    for slot in slots:
        slot.panel.set(panel)
    interviews = Interview.objects.bulk_create(
        Interview(slot=slot, application=application, booked_at=start)
        for slot, application in zip(slots, auditioned, strict=True)
    )
    InterviewScore.objects.bulk_create(
        InterviewScore(interview=interview, member=member, criterion=key, score=rng.randint(2, 5))
        for interview, application in zip(interviews, auditioned, strict=True)
        if application.status in heard
        for member in panel
        for key, _label in CRITERIA
    )
    return len(interviews)


# --- The measures -------------------------------------------------------------------------------


def team_client(team):
    """The test client, signed in as the team as a full sign-in ends: a second factor given."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    from eig.accounts.security import STRONG_AUTHENTICATION_AT, now

    client = Client()
    client.force_login(team)
    device, _ = StaticDevice.objects.get_or_create(
        user=team, name="Mesure", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[STRONG_AUTHENTICATION_AT] = now() + 24 * 3600  # the exports ask for it
    session.save()
    return client


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def read(client, path, reads):
    """(first read, median, p95, median CPU time of this process, queries of one read) of
    `reads` GETs of `path` after the first one, which computes what the pages keep (the
    scores, when no page has yet)."""
    from django.db import connection

    queries = 0

    def count(execute, *args):
        nonlocal queries
        queries += 1
        return execute(*args)

    first = time.perf_counter()
    with connection.execute_wrapper(count):
        response = client.get(path)
    first = time.perf_counter() - first
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    timings, cpu = [], []
    for _ in range(reads):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    median, p95 = statistics.median(timings), percentile(timings, 0.95)
    return first, median, p95, statistics.median(cpu), queries


def verdict(value, target):
    return f"target < {target * 1000:.0f} ms: {'OK' if value < target else 'OVER'}"


def measure(args, figures):
    from django.contrib.auth.models import User
    from django.db.models import Count

    from eig.applications.models import Application
    from eig.challenges.models import Challenge
    from eig.cohorts.models import Cohort

    cohort = Cohort.objects.get(number=1)
    team = User.objects.get(username="equipe@echelle.example")
    client = team_client(team)
    submitted = Application.objects.filter(cohort=cohort).submitted()
    # The list's défi filter takes the défi's slug, as the ranking's address does.
    slug = (
        Challenge.objects.filter(cohort=cohort, choices__rank=1)
        .values_list("slug", flat=True)
        .annotate(count=Count("pk"))
        .order_by("-count")
        .first()
    )
    middle = submitted.order_by("pk")[submitted.count() // 2]
    list_url = f"/equipe/candidatures/?promotion={cohort.number}"
    pages = [
        ("list, unfiltered", list_url, PAGE_TARGET),
        ("list, sorted by score", f"{list_url}&tri=-note", PAGE_TARGET),
        ("list, filtered (défi, stage)", f"{list_url}&defi={slug}&etat=eligible",
         PAGE_TARGET),
        ("list, search", f"{list_url}&q=dupre", PAGE_TARGET),
        ("statistics", f"/equipe/candidatures/statistiques/?promotion={cohort.number}",
         PAGE_TARGET),
        ("detail", f"/equipe/candidatures/{middle.public_id}/", PAGE_TARGET),
        ("detail from the list", f"/equipe/candidatures/{middle.public_id}/"
         f"?promotion={cohort.number}&tri=nom", PAGE_TARGET),
        ("scores", f"/equipe/selection/{cohort.number}/notes/", SCORES_TARGET),
        ("ranking of the most chosen défi", f"/equipe/selection/{cohort.number}/notes/defis/"
         f"{slug}/", PAGE_TARGET),
    ]  # fmt: skip
    results = []
    print(f"\n{submitted.count():,} submitted applications; {args.reads} reads per page")
    for name, path, target in pages:
        first, median, p95, cpu, queries = read(client, path, args.reads)
        print(
            f"{name:34} first {first * 1000:6.0f} ms, "
            f"median {median * 1000:6.0f} ms, p95 {p95 * 1000:6.0f} ms "
            f"(CPU of the web process {cpu * 1000:4.0f} ms), {queries:3} queries; "
            f"{verdict(p95, target)}"
        )
        results.append((name, p95 < target))

    export_url = f"/equipe/candidatures/export.xlsx?promotion={cohort.number}"
    started = time.perf_counter()
    content = download(client, export_url)
    elapsed = time.perf_counter() - started
    size, rows = len(content), data_rows(content)
    del content
    tracemalloc.start()
    download(client, export_url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"XLSX export of {rows:,} rows ({size / 1e6:.1f} MB): {elapsed:.1f} s, "
        f"peak Python memory during it {peak / 1e6:.1f} MB; target < {EXPORT_TARGET:.0f} s: "
        f"{'OK' if elapsed < EXPORT_TARGET else 'OVER'}"
    )
    results.append(("export", elapsed < EXPORT_TARGET))

    if "assignment" in figures:
        results.append(report_assignment(figures))
    started = time.perf_counter()
    response = client.post(f"/equipe/equipes/{cohort.number}/recalculer/", {"method": "optimal"})
    elapsed = time.perf_counter() - started
    if response.status_code != 302:
        raise SystemExit(f"the team formation failed: HTTP {response.status_code}")
    print(
        f"Team formation end to end (the team's POST): {elapsed:.1f} s; "
        f"target < {TEAMS_TARGET:.0f} s: {'OK' if elapsed < TEAMS_TARGET else 'OVER'}"
    )
    results.append(("team formation", elapsed < TEAMS_TARGET))
    return results


def download(client, path):
    """The file at `path`, received whole as the browser would."""
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    return b"".join(response) if response.streaming else response.content


def data_rows(content):
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
    return sum(1 for _row in sheet.iter_rows(values_only=True)) - 1


if __name__ == "__main__":
    main()
