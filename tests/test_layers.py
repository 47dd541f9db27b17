"""Dependencies point down: no app of `eig/` imports an app above it in the programme's cycle.

The test reads the source with `ast` (nothing is imported), so an import inside a function
counts as much as one at the top of a module. A new app, or a new module at the root of `eig/`,
must be given its place in `LAYERS`.
"""

import ast
from pathlib import Path

# The allowed order, bottom to top. An app may import the apps of the levels below its own;
# apps on the same level do not import each other.
LAYERS = [
    # Root modules anyone may import, which import no app:
    # settings; text without control characters; e-mail links; private files
    {"env", "plain_text", "links", "storage", "pdf_files", "translation"},
    {"exports", "security", "http_cache"},  # tables as downloads; security and cache headers
    {"matching"},  # pure Python: the algorithms, no Django
    {"accounts"},  # roles, the access rules, sign-in
    {"audit"},  # the journal, written by everything above
    {"cohorts"},  # the programme and its promotions
    {"challenges", "press", "events"},  # what a promotion offers and shows
    {"proposals"},  # the call for défis: administrations' proposals, their stages, publication
    {"challenge_jury"},  # the défi jury: members, groups, hearings, grids
    {"applications"},  # the candidatures to the défis of a promotion
    {"communications"},  # announcements and reminders to the candidates
    {"selection"},  # the jury: assignments, reviews, scores, rankings
    {"auditions"},  # the oral stage
    {"decisions"},  # the outcomes told to the candidates
    {"teams"},  # the teams formed from the retained candidates
    {"community"},  # the promotion's life: fellows, public profiles, registrations to events
    {"opendata"},  # datasets, the read-only API and the public statistics
    {"backoffice"},  # the programme team's space
    {"website"},  # the public site
    {"demo"},  # the demonstration data, which touches everything
]
# Root modules outside the order, which may import every app (`urls` routes to them all).
OUTSIDE = {"__init__", "settings", "urls", "wsgi"}

EIG = Path(__file__).resolve().parent.parent / "eig"


def imports(tree, package):
    """(line, dotted name) of every import in `tree`; relative ones are resolved from `package`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, *([node.module] if node.module else [])])
            yield node.lineno, name
            # `from eig import selection` imports the app itself.
            for alias in node.names:
                yield node.lineno, f"{name}.{alias.name}"


def upward_imports(root, layers=LAYERS):
    """Each import, under the package `root`, of an app on the importer's level or above it.

    A module outside the order (`urls`…) counts as above every app.
    """
    root = Path(root)
    level = {app: number for number, apps in enumerate(layers) for app in apps}
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        importer = parts[1]
        if importer not in level:
            continue  # outside the order, or named by apps_outside_the_order
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        seen = set()
        for line, name in imports(tree, list(parts[:-1])):
            dotted = name.split(".")
            if len(dotted) < 2 or dotted[0] != root.name or dotted[1] == importer:
                continue
            imported = dotted[1]
            if level.get(imported, len(layers)) >= level[importer] and (line, imported) not in seen:
                seen.add((line, imported))
                found.append(
                    f"{path.relative_to(root.parent)}:{line}: {importer} imports {imported}"
                )
    return found


def apps_outside_the_order(root, layers=LAYERS):
    """The packages and root modules under `root` that the order does not name."""
    known = set().union(*layers, OUTSIDE)
    names = {path.name for path in Path(root).iterdir() if (path / "__init__.py").exists()}
    names |= {path.stem for path in Path(root).glob("*.py")}
    return sorted(names - known)


def write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_every_app_has_its_place_in_the_order():
    assert apps_outside_the_order(EIG) == []


def test_no_app_imports_an_app_above_it():
    found = upward_imports(EIG)
    assert not found, "Imports against the order of tests/test_layers.py:\n" + "\n".join(found)


# The checker itself, on small synthetic trees.
SMALL = [{"env"}, {"low"}, {"left", "right"}, {"high"}]


def test_a_downward_import_is_allowed(tmp_path):
    write(
        tmp_path / "pkg",
        {
            "__init__.py": "",
            "urls.py": "from pkg.high import views\n",
            "low/__init__.py": "import pkg.env\n",
            "high/views.py": "from pkg.low import models\nfrom pkg.left.models import X\n",
            "left/models.py": "from . import forms\nfrom .forms import F\nimport pkg.low.models\n",
        },
    )
    assert upward_imports(tmp_path / "pkg", SMALL) == []


def test_an_upward_import_is_named_with_its_file_and_line(tmp_path):
    write(
        tmp_path / "pkg",
        {
            "low/__init__.py": "",
            "low/models.py": "import os\n\nfrom pkg.high.views import page\n",
            "high/views.py": "",
        },
    )
    assert upward_imports(tmp_path / "pkg", SMALL) == ["pkg/low/models.py:3: low imports high"]


def test_an_import_inside_a_function_counts(tmp_path):
    write(
        tmp_path / "pkg",
        {"left/services.py": "def f():\n    import pkg.high.models\n    from pkg import high\n"},
    )
    assert upward_imports(tmp_path / "pkg", SMALL) == [
        "pkg/left/services.py:2: left imports high",
        "pkg/left/services.py:3: left imports high",
    ]


def test_a_relative_import_that_climbs_out_of_the_app_counts(tmp_path):
    write(tmp_path / "pkg", {"low/views/pages.py": "from ...high import models\n"})
    assert upward_imports(tmp_path / "pkg", SMALL) == ["pkg/low/views/pages.py:1: low imports high"]


def test_an_app_may_not_import_the_root_urls(tmp_path):
    write(tmp_path / "pkg", {"high/views.py": "from pkg.urls import urlpatterns\n"})
    assert upward_imports(tmp_path / "pkg", SMALL) == ["pkg/high/views.py:1: high imports urls"]


def test_apps_on_the_same_level_do_not_import_each_other(tmp_path):
    write(tmp_path / "pkg", {"left/models.py": "from pkg.right.models import Y\n"})
    assert upward_imports(tmp_path / "pkg", SMALL) == ["pkg/left/models.py:1: left imports right"]


def test_an_app_or_root_module_missing_from_the_order_is_named(tmp_path):
    write(
        tmp_path / "pkg",
        {
            "__init__.py": "",
            "urls.py": "",
            "low/__init__.py": "",
            "new/__init__.py": "",
            "helpers.py": "",
            "docs/readme.txt": "",
        },
    )
    assert apps_outside_the_order(tmp_path / "pkg", SMALL) == ["helpers", "new"]
