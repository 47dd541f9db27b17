"""The front cache's rules (deploy/varnish.vcl), against a real varnishd started here.

Behind it, a small backend that answers what each test asks for (the headers Django would
send) and records what reaches it: what Varnish keeps, passes, normalises and purges is then
seen from both sides. Skipped without varnishd (`make prod-deps`; .ci/run installs it).
"""

import http.client
import http.server
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.urls import get_resolver

ROOT = Path(__file__).resolve().parent.parent.parent
VCL = ROOT / "deploy" / "varnish.vcl"

needs_varnish = pytest.mark.skipif(
    shutil.which("varnishd") is None,
    reason="varnishd is not installed (apt-get install varnish, or make prod-deps)",
)

PUBLIC = "public, max-age=0, s-maxage=300"
NEVER = "max-age=0, no-cache, no-store, must-revalidate, private"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Backend(http.server.ThreadingHTTPServer):
    """Answers each path with the headers set in `answers` (public by default), and records
    every request: method, address, headers, and the visitor's address from the PROXY line."""

    daemon_threads = True

    def __init__(self):
        self.answers = {}
        self.seen = []
        super().__init__(("127.0.0.1", free_port()), Handler)

    def count(self, path):
        return sum(1 for request in self.seen if request["path"] == path)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def handle(self):
        self.visitor = None
        if self.rfile.peek(6)[:6] == b"PROXY ":
            self.visitor = self.rfile.readline().split()[2].decode()
        super().handle()

    def answer(self):
        headers = self.server.answers.get(self.path.split("?")[0], {"Cache-Control": PUBLIC})
        self.server.seen.append(
            {
                "method": self.command,
                "path": self.path,
                "headers": dict(self.headers),
                "visitor": self.visitor,
            }
        )
        body = f"{self.path} #{len(self.server.seen)}".encode()
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_POST = answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def backend():
    server = Backend()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.fixture(scope="module")
def varnish(backend):
    # Varnish reads its VCL as its own unprivileged user: not in pytest's private folders.
    folder = Path(tempfile.mkdtemp(prefix="eig-varnish-"))
    folder.chmod(0o755)
    vcl = folder / "test.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8081";', f'.port = "{backend.server_port}";'))
    port = free_port()
    process = subprocess.Popen(
        [
            *("varnishd", "-F", "-n", str(folder / "work"), "-a", f"127.0.0.1:{port}"),
            *("-f", str(vcl), "-s", "malloc,32m", "-T", "none"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"varnishd did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(10)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def ask(varnish, backend):
    backend.answers.clear()

    def ask(path, method="GET", headers=None, source="127.0.0.1"):
        connection = http.client.HTTPConnection(
            "127.0.0.1", varnish, timeout=10, source_address=(source, 0)
        )
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        response.text = response.read().decode()
        connection.close()
        return response

    return ask


def unique(name):
    """A path of its own for each test: the cache lives as long as the module."""
    return f"/{name}-{time.monotonic_ns()}/"


@needs_varnish
def test_a_public_answer_is_served_from_the_cache(ask, backend):
    path = unique("page")
    first, second = ask(path), ask(path)

    assert (first.getheader("X-Cache"), second.getheader("X-Cache")) == ("MISS", "HIT")
    assert second.text == first.text
    assert backend.count(path) == 1


@needs_varnish
@pytest.mark.parametrize(
    "headers",
    [
        {"Cache-Control": NEVER},
        {"Cache-Control": "private"},
        {"Cache-Control": "max-age=60"},  # not said public: not shared
        {},
        {"Cache-Control": PUBLIC, "Set-Cookie": "csrftoken=abc; Path=/"},
    ],
)
def test_an_answer_not_marked_public_or_setting_a_cookie_is_never_kept(ask, backend, headers):
    path = unique("private")
    backend.answers[path] = headers

    answers = [ask(path) for _ in range(3)]

    assert backend.count(path) == 3
    assert {answer.getheader("X-Cache") for answer in answers} == {"PASS"}
    assert answers[0].text != answers[1].text


@needs_varnish
def test_a_request_with_a_session_never_gets_a_cached_page(ask, backend):
    path = unique("page")
    ask(path)  # cached for visitors

    with_session = ask(path, headers={"Cookie": "csrftoken=x; sessionid=abc"})
    with_message = ask(path, headers={"Cookie": "messages=waiting"})

    assert with_session.getheader("X-Cache") == with_message.getheader("X-Cache") == "PASS"
    assert backend.count(path) == 3
    assert "sessionid=abc" in backend.seen[-2]["headers"]["Cookie"]


@needs_varnish
def test_other_cookies_are_dropped_and_the_shared_page_served(ask, backend):
    path = unique("page")
    ask(path)

    answer = ask(path, headers={"Cookie": "csrftoken=x; eig_trusted_browser=y"})

    assert answer.getheader("X-Cache") == "HIT"
    assert backend.count(path) == 1
    assert "Cookie" not in backend.seen[-1]["headers"]


@needs_varnish
def test_the_client_cache_control_neither_forces_a_miss_nor_evicts(ask, backend):
    path = unique("page")
    ask(path)

    answers = [
        ask(path, headers={"Cache-Control": "no-cache"}),
        ask(path, headers={"Pragma": "no-cache"}),
        ask(path, headers={"Cache-Control": "max-age=0, no-store"}),
    ]

    assert [answer.getheader("X-Cache") for answer in answers] == ["HIT", "HIT", "HIT"]
    assert backend.count(path) == 1


@needs_varnish
@pytest.mark.parametrize(
    "path",
    [
        "/equipe/candidatures/",
        "/jury/",
        "/mentor/",
        "/mon-espace/",
        "/candidater/3/identite/",
        "/connexion/",
        "/admin/",
        "/administration/propositions/",
        "/ma-promotion/",
        "/evenements/12/inscription/",
        "/agenda/jeton.ics",
        "/%65quipe/",
        "http://127.0.0.1/equipe/",
    ],
)
def test_the_spaces_and_forms_bypass_the_cache_even_if_marked_public(ask, backend, path):
    for _ in range(2):
        assert ask(path).getheader("X-Cache") == "PASS"


@needs_varnish
def test_a_post_goes_to_django(ask, backend):
    path = unique("form")
    ask(path)

    answer = ask(path, method="POST", headers={"Content-Length": "0"})

    assert answer.getheader("X-Cache") == "PASS"
    assert backend.seen[-1]["method"] == "POST"


@needs_varnish
def test_unknown_query_parameters_are_dropped_before_the_cache_and_django(ask, backend):
    first = ask("/presse/?utm_source=lettre&fbclid=123")
    second = ask("/presse/?autre=1")

    assert backend.seen[-1]["path"] == "/presse/"
    assert second.getheader("X-Cache") == "HIT"
    assert second.text == first.text


@needs_varnish
def test_the_challenge_filters_are_kept_sorted_and_nothing_else(ask, backend):
    ask("/defis/?utm_source=x&promotion=2&competence=&recherche=donn%C3%A9es")
    assert backend.seen[-1]["path"] == "/defis/?promotion=2&recherche=donn%C3%A9es"

    same = ask("/defis/?recherche=donn%C3%A9es&promotion=2&page=9")
    other = ask("/defis/?promotion=1")

    assert same.getheader("X-Cache") == "HIT"
    assert other.getheader("X-Cache") == "MISS"
    assert backend.seen[-1]["path"] == "/defis/?promotion=1"


@needs_varnish
def test_elsewhere_only_the_links_tracking_parameters_are_dropped(ask, backend):
    ask("/api/v1/defis?utm_source=x&promotion=2&fbclid=1&offset=20")

    assert backend.seen[-1]["path"] == "/api/v1/defis?offset=20&promotion=2"


@needs_varnish
def test_the_rules_keep_their_promotion_and_version(ask, backend):
    ask("/reglement/?version=2&promotion=3&x=1")

    assert backend.seen[-1]["path"] == "/reglement/?promotion=3&version=2"


@needs_varnish
def test_a_purge_from_this_machine_evicts_the_address_and_its_query_strings(ask, backend):
    ask("/defis/?promotion=2")
    ask("/defis/")

    assert ask("/defis/", method="PURGE").status == 200
    assert ask("/defis/?promotion=2").getheader("X-Cache") == "MISS"
    assert ask("/defis/").getheader("X-Cache") == "MISS"


@needs_varnish
def test_a_purge_from_elsewhere_is_refused_and_evicts_nothing(ask, backend):
    path = unique("page")
    ask(path)

    refused = ask(path, method="PURGE", source="127.0.0.2")

    assert refused.status == 405
    assert ask(path).getheader("X-Cache") == "HIT"
    assert all(request["method"] != "PURGE" for request in backend.seen)


@needs_varnish
def test_django_sees_the_visitor_s_address(ask, backend):
    ask(unique("page"), source="127.0.0.3")

    assert backend.seen[-1]["visitor"] == "127.0.0.3"


@needs_varnish
def test_wagtail_s_purge_reaches_varnish(ask, backend, varnish, settings):
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{varnish}",
        }
    }
    path = unique("page")
    ask(path)

    purge_urls_from_cache([f"https://eig.example{path}"])

    assert ask(path).getheader("X-Cache") == "MISS"


def bypass_patterns():
    """The bypass conditions of the VCL, as Python regular expressions."""
    block = VCL.read_text().split("# bypass:", 1)[1].split("return (pass);", 1)[0]
    return [re.compile(pattern) for pattern in re.findall(r'req\.url ~ "([^"]+)"', block)]


def sample(route):
    """An address of a URL pattern, its parameters filled with plausible values."""
    route = re.sub(r"<uuid:\w+>", "0b6f1c3e-7d1a-4c6e-9a55-2f0d3c1b7a10", route)
    route = re.sub(r"<int:\w+>", "12", route)
    route = re.sub(r"<(?:\w+:)?\w+>", "valeur", route)
    return "/" + route.replace("^", "").replace("$", "")


def test_every_signed_in_space_and_form_is_on_the_bypass_list():
    """Defence in depth: a view behind a role, or one that takes a form, is passed by Varnish
    even if Django ever marked its answer public. A new space needs its line in the VCL."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.callback

    bypass = bypass_patterns()
    missing = []
    for route, view in walk(get_resolver().url_patterns):
        personal = getattr(view, "access_roles", None) or "POST" in getattr(
            view, "access_methods", ()
        )
        if personal and not any(pattern.search(sample(route)) for pattern in bypass):
            missing.append(route)
    assert not missing, f"Add to the bypass list of deploy/varnish.vcl: {missing}"


# --- The English site (docs/i18n.md): the same rules under /en/ ------------------------------


@needs_varnish
def test_an_english_page_is_cached_apart_from_its_french_address_whatever_the_browser(ask, backend):
    path = unique("page")
    english = "/en" + path
    answers = [ask(english, headers={"Accept-Language": lang}) for lang in ("en", "fr", "de")]

    assert [answer.getheader("X-Cache") for answer in answers] == ["MISS", "HIT", "HIT"]
    assert backend.count(english) == 1
    # The French address is another copy, asked once of Django.
    assert ask(path, headers={"Accept-Language": "en"}).getheader("X-Cache") == "MISS"
    assert backend.count(path) == 1


@needs_varnish
def test_a_purge_of_the_english_address_evicts_it_and_not_the_french_one(ask, backend):
    path = unique("page")
    ask(path), ask("/en" + path)

    assert ask("/en" + path, method="PURGE").status == 200
    assert ask("/en" + path).getheader("X-Cache") == "MISS"
    assert ask(path).getheader("X-Cache") == "HIT"


@needs_varnish
@pytest.mark.parametrize(
    "path", ["/en/equipe/", "/en/ma-promotion/", "/en/evenements/12/inscription/"]
)
def test_the_spaces_under_en_bypass_the_cache_too(ask, backend, path):
    for _ in range(2):
        assert ask(path).getheader("X-Cache") == "PASS"
