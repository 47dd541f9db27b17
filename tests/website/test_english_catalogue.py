"""The English catalogue of the public site: complete for what a visitor reads, well formed,
compiled (the .mo is committed: no gettext at run time), and served under /en/."""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "eig" / "locale" / "en" / "LC_MESSAGES"
TEMPLATES = ROOT / "eig" / "templates"

# The templates a visitor of the public site reads. The spaces of the team, candidates, jury,
# mentors and public administrations' agents stay French and are never served in English.
PUBLIC_TEMPLATES = sorted(
    {
        *(TEMPLATES / name for name in ("base.html", "400.html", "403_csrf.html", "404.html")),
        *(TEMPLATES / name for name in ("500.html", "storage_unavailable.html")),
        TEMPLATES / "control_characters.html",
        *(p for p in (TEMPLATES / "website").rglob("*.html") if p.name != "my_spaces.html"),
        TEMPLATES / "community" / "event_detail.html",
        *(TEMPLATES / "community" / "includes").glob("*.html"),
        TEMPLATES / "proposals" / "call.html",
        TEMPLATES / "accounts" / "includes" / "header_tools.html",
        *(ROOT / "eig" / "opendata" / "templates" / "opendata").rglob("*.html"),
    }
)
# The Python behind those pages: their views, forms, feeds, and the models whose labels and
# choices they show (statuses, event kinds, press categories, remote policy, outcomes…).
PUBLIC_PYTHON = re.compile(
    r"eig/(website/(?!wagtail_hooks)|opendata/(?!api)|translation/"
    r"|(challenges|cohorts|events|press|community)/models\.py"
    r"|community/(views|registrations)\.py|proposals/(views|calls)\.py)"
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{\w*\}")
CALL = re.compile(r"\b(n?p?gettext)\(((?:u'(?:[^'\\]|\\.)*'(?:, )?)+)")
STRING = re.compile(r"u'(?:[^'\\]|\\.)*'")


def parse_po(path):
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr forms, references, flags."""
    entries, entry, field = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry and entry["msgid"] is not None:
                entries.append(entry)
            entry = None
            continue
        entry = entry or {"refs": [], "flags": "", "msgctxt": None, "msgid": None}
        entry.setdefault("msgid_plural", None)
        entry.setdefault("msgstr", {})
        if line.startswith("#:"):
            entry["refs"] += line[2:].split()
        elif line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if isinstance(field, int):
                entry["msgstr"][field] += value
            else:
                entry[field] += value
        else:
            keyword, value = line.split(" ", 1)
            field = int(keyword[7:-1]) if keyword.startswith("msgstr[") else keyword
            if field == "msgstr":
                field = 0
            if isinstance(field, int):
                entry["msgstr"][field] = ast.literal_eval(value)
            else:
                entry[field] = ast.literal_eval(value)
    return entries


def key(msgctxt, msgid):
    return f"{msgctxt}\x04{msgid}" if msgctxt else msgid


@pytest.fixture(scope="module")
def entries():
    return parse_po(CATALOGUE / "django.po")


@pytest.fixture(scope="module")
def translated(entries):
    """msgid (with its context) → msgstr forms, for the entries gettext will use."""
    return {
        key(e["msgctxt"], e["msgid"]): e["msgstr"]
        for e in entries
        if e["msgid"] and "fuzzy" not in e["flags"] and all(e["msgstr"].values())
    }


def template_msgids(path):
    """(msgctxt, msgid) of every string a template translates, found as makemessages finds them."""
    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    for function, arguments in CALL.findall(code):
        strings = [ast.literal_eval(s) for s in STRING.findall(arguments)]
        context = strings.pop(0) if function.startswith(("pgettext", "npgettext")) else None
        yield context, strings[0]


def test_every_public_template_string_is_translated(translated):
    missing = [
        f"{path.relative_to(ROOT)}: {msgid}"
        for path in PUBLIC_TEMPLATES
        for context, msgid in template_msgids(path)
        if key(context, msgid) not in translated
    ]
    assert len(PUBLIC_TEMPLATES) > 40
    assert missing == []


def test_every_public_python_string_is_translated(entries, translated):
    public = [e for e in entries if any(PUBLIC_PYTHON.match(ref) for ref in e["refs"])]
    missing = [e["msgid"] for e in public if key(e["msgctxt"], e["msgid"]) not in translated]
    assert len(public) > 300
    assert missing == []


def test_public_choices_read_in_english():
    from eig.challenges.models import Challenge
    from eig.events.models import Event
    from eig.press.models import PressItem

    with translation.override("en"):
        assert Challenge.Status.OPEN.label == "open for applications"
        assert str(Challenge._meta.verbose_name) == "challenge"
        assert str(Event.Kind.WORKSHOP.label) == "workshop"
        assert [str(label) for _, label in PressItem.Category.choices] == [
            "From DINSIC",
            "Elsewhere in the press",
            "From public administrations",
        ]


def test_placeholders_are_the_same_in_msgid_and_msgstr(entries):
    wrong = []
    for e in entries:
        for form, msgstr in e["msgstr"].items():
            source = e["msgid_plural"] if form and e["msgid_plural"] else e["msgid"]
            if msgstr and sorted(PLACEHOLDER.findall(msgstr)) != sorted(
                PLACEHOLDER.findall(source)
            ):
                wrong.append((e["msgid"], msgstr))
    assert wrong == []


def test_header_declares_english_and_its_plural_rule(entries):
    header = next(e for e in entries if e["msgid"] == "")["msgstr"][0]
    assert "Language: en\n" in header
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header
    assert "charset=UTF-8" in header


def test_committed_mo_matches_the_po(translated):
    """The .mo is what Django reads: compiled from this very .po (make messages)."""
    with (CATALOGUE / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    catalog = {k: v for k, v in compiled._catalog.items() if k != ""}
    expected = {}
    for msgid, forms in translated.items():
        if len(forms) == 1:
            expected[msgid] = forms[0]
        else:
            expected.update({(msgid, n): form for n, form in forms.items()})
    assert catalog == expected


def test_english_plural_forms_are_used():
    with translation.override("en"):
        assert translation.ngettext("%(count)s jour", "%(count)s jours", 1) == "%(count)s day"
        assert translation.ngettext("%(count)s jour", "%(count)s jours", 0) == "%(count)s days"


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed")
def test_msgfmt_check_passes(tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(CATALOGUE / "django.po")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("url", "english", "french"),
    [
        ("/en/", ["Main menu", "Challenges", "Call for challenges", "Cohorts", "Legal notice"], []),
        ("/en/defis/", ["Challenges of general interest", "Search and filter the challenges"], []),
    ],
)
def test_english_pages_show_english_navigation(client, demo, url, english, french):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    for text in english:
        assert text in html
    for text in ["Menu principal", "Les promotions", "Mentions légales", "Rechercher un défi"]:
        assert text not in html


def test_french_pages_stay_french_after_an_english_one(client, demo):
    client.get("/en/defis/")

    # A literal address: after a request the test's own thread keeps the last language, so
    # reverse() here would give the English one; each request picks its language from its path.
    html = client.get("/defis/").content.decode()

    assert "Les défis d’intérêt général" in html
    assert "Challenges of general interest" not in html
