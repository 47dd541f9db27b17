"""The six public pages through the production stack, side by side with nginx serving the same HTML.

Against `make prod` (Varnish in front of gunicorn, DEBUG off), already running:

    make bench-deps                   # wrk and nginx from Debian, when missing
    make prod                         # in another terminal (or deploy/prod.sh)
    python bench/public_pages.py      # --url http://127.0.0.1:8080 --rounds 3 --duration 10

The home, the défis list, a défi, a promotion, the press and the events pages are read in turn
by wrk at 64 connections, first from the stack, then from an nginx started here that serves
copies of the very same pages (the same bytes, compressed the same way); the two alternate for
a few rounds in the same run, so that both meet the same machine.

Printed: both throughputs (median of the rounds), their ratio (target ≥ 0.5), both p99
latencies (target < 50 ms for the stack); then, page by page, the median time of a cache miss
(the page purged, then read once; target < 15 ms).
"""

import argparse
import gzip
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

THREADS = 2
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080", help="the stack (Varnish)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measure")
    parser.add_argument("--rounds", type=int, default=3, help="stack then nginx, this many times")
    parser.add_argument("--misses", type=int, default=20, help="cache misses timed per page")
    args = parser.parse_args()

    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: make bench-deps (apt-get install wrk nginx)")
    stack = urllib.parse.urlsplit(args.url)
    pages = find_pages(stack)
    print(f"Pages: {', '.join(pages)}")
    for path in pages:
        get(stack, path)
        if (cache := get(stack, path)[1].get("x-cache")) != "HIT":
            raise SystemExit(f"{path} is not served from the front cache (X-Cache: {cache})")

    folder = Path(tempfile.mkdtemp(prefix="eig-bench-nginx-"))
    nginx_port = free_port()
    copy_pages(stack, pages, folder / "html")
    nginx = start_nginx(folder, nginx_port)
    script = folder / "pages.lua"
    script.write_text(lua_script(pages))
    try:
        results = {"stack": [], "nginx": []}
        for number in range(1, args.rounds + 1):
            for side, base in (("stack", args.url), ("nginx", f"http://127.0.0.1:{nginx_port}")):
                result = wrk(base, script, args)
                results[side].append(result)
                print(f"round {number}, {side}: {result['rps']:,.0f} requests/s, "
                      f"p99 {result['p99']:.1f} ms, {result['errors']} errors")  # fmt: skip
        misses = {path: time_misses(stack, path, args.misses) for path in pages}
    finally:
        nginx.terminate()
        nginx.wait(10)
        shutil.rmtree(folder, ignore_errors=True)
    report(results, misses, args)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(base, path, method="GET", headers=None):
    connection = http.client.HTTPConnection(base.hostname, base.port or 80, timeout=30)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200:
        raise SystemExit(f"{method} {path}: HTTP {response.status}")
    return body, {name.lower(): value for name, value in response.getheaders()}


def find_pages(stack):
    """The six pages, the défi and the promotion taken from the lists' first links."""
    challenges = get(stack, "/defis/?promotion=toutes")[0].decode()
    cohorts = get(stack, "/promotions/")[0].decode()
    challenge = re.search(r'href="(/defis/[\w-]+/)"', challenges).group(1)
    cohort = re.search(r'href="(/promotions/\d+/)"', cohorts).group(1)
    return ["/", "/defis/", challenge, cohort, "/presse/", "/evenements/"]


def copy_pages(stack, pages, root):
    """Each page as the stack serves it, plain and gzipped (nginx's gzip_static, Varnish's gzip)."""
    for path in pages:
        body, _headers = get(stack, path)
        target = root / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        target.with_name("index.html.gz").write_bytes(gzip.compress(body, 6))
    for folder in [root, *root.rglob("*")]:
        folder.chmod(0o755 if folder.is_dir() else 0o644)


def start_nginx(folder, port):
    folder.chmod(0o755)
    (folder / "nginx.conf").write_text(f"""
worker_processes {os.cpu_count()};
daemon off;
pid {folder}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {folder}/tmp;
    proxy_temp_path {folder}/tmp;
    fastcgi_temp_path {folder}/tmp;
    uwsgi_temp_path {folder}/tmp;
    scgi_temp_path {folder}/tmp;
    keepalive_requests 1000000;
    default_type text/html;
    charset utf-8;
    gzip_static on;
    server {{
        listen 127.0.0.1:{port};
        root {folder}/html;
        index index.html;
    }}
}}
""")
    nginx = subprocess.Popen(["nginx", "-p", str(folder), "-c", str(folder / "nginx.conf")])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return nginx
        except OSError:
            time.sleep(0.1)
    nginx.kill()
    raise SystemExit("nginx did not start")


def lua_script(pages):
    quoted = ", ".join(f'"{path}"' for path in pages)
    return f"""
local paths = {{{quoted}}}
local next = 0
wrk.headers["Accept-Encoding"] = "gzip"
request = function()
    next = next % #paths + 1
    return wrk.format("GET", paths[next])
end
"""


def wrk(base, script, args):
    output = subprocess.run(
        [
            *("wrk", "-t", str(THREADS), "-c", str(args.connections), "-d", f"{args.duration}s"),
            *("--latency", "-s", str(script), base),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    p99 = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p99": float(p99.group(1)) * UNITS[p99.group(2)],
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1))) if socket_errors else 0),
    }


def time_misses(stack, path, count):
    """The page purged (as the task worker does), then read once: Django's time, and Varnish's."""
    times = []
    for _ in range(count):
        get(stack, path, method="PURGE")
        started = time.perf_counter()
        _body, headers = get(stack, path, headers={"Accept-Encoding": "gzip"})
        times.append((time.perf_counter() - started) * 1000)
        if headers.get("x-cache") != "MISS":
            raise SystemExit(f"{path} was not purged (X-Cache: {headers.get('x-cache')})")
    return times


def machine():
    model = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    return f"{os.cpu_count()} CPUs ({model.group(1) if model else 'unknown'})"


def report(results, misses, args):
    stack_rps = statistics.median(r["rps"] for r in results["stack"])
    nginx_rps = statistics.median(r["rps"] for r in results["nginx"])
    stack_p99 = statistics.median(r["p99"] for r in results["stack"])
    nginx_p99 = statistics.median(r["p99"] for r in results["nginx"])
    errors = sum(r["errors"] for side in results.values() for r in side)
    ratio = stack_rps / nginx_rps
    print()
    print(f"Machine: {machine()}; load average {os.getloadavg()[0]:.1f}")
    print(f"wrk: {THREADS} threads, {args.connections} connections, "
          f"{args.rounds} rounds of {args.duration} s per side")  # fmt: skip
    print(f"Stack (Varnish, gunicorn): {stack_rps:,.0f} requests/s, p99 {stack_p99:.1f} ms")
    print(f"nginx, same HTML:          {nginx_rps:,.0f} requests/s, p99 {nginx_p99:.1f} ms")
    print(f"Ratio: {ratio:.2f} (target ≥ 0.5: {'met' if ratio >= 0.5 else 'MISSED'}); "
          f"stack p99 target < 50 ms: {'met' if stack_p99 < 50 else 'MISSED'}; "
          f"errors: {errors}")  # fmt: skip
    print("Cache miss (purged, then read once), per page:")
    slowest = 0.0
    for path, times in misses.items():
        median = statistics.median(times)
        slowest = max(slowest, median)
        print(f"  {path:40} median {median:5.1f} ms, max {max(times):5.1f} ms ({len(times)} reads)")
    print(f"Slowest median miss: {slowest:.1f} ms (target < 15 ms: "
          f"{'met' if slowest < 15 else 'MISSED'})")  # fmt: skip


if __name__ == "__main__":
    main()
