"""Control characters: refused by every form next to the field, by the middleware before any
query, and removed where text stored before the rule is written out."""

import importlib
import pkgutil

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

import eig
from eig.cohorts.models import Programme
from eig.plain_text import (
    DSFR_RENDERER,
    PlainTextMixin,
    control_character_message,
    one_line,
    without_control_characters,
)

REFUSED_PAGE = "contiennent un caractère invisible qui n’est pas accepté"


def test_one_line_leaves_nothing_that_starts_a_header_line():
    assert one_line("Alice\r\nBcc: x@y.z") == "Alice Bcc: x@y.z"
    assert one_line("A\x07\x00B\u2028C\u2029D\x85E\tF") == "A B C D E F"
    assert one_line("  Élodie  ") == "Élodie"


def test_removing_control_characters_keeps_tabs_and_line_breaks_unless_told():
    text = "a\x07b\x1bc\x7fd\x9fe\tf\ng\rh"

    assert without_control_characters(text) == "abcde\tf\ng\rh"
    assert without_control_characters(text, keep="") == "abcdefgh"


def test_the_message_names_the_character_and_what_comes_before_it():
    assert control_character_message("Alice") == ""
    assert control_character_message("ligne 1\nligne 2", allowed="\n") == ""
    assert control_character_message("Alice\x07") == (
        "Ce champ contient un caractère invisible (U+0007) après « Alice », qui n’est pas "
        "accepté ici : retirez-le ou retapez ce passage (il vient souvent d’un copier-coller)."
    )
    assert control_character_message("Alice\nMartin").startswith(
        "Ce champ contient un retour à la ligne après « Alice »"
    )
    assert control_character_message("\tAlice").startswith("Ce champ commence par une tabulation,")


def every_form_class():
    for module in pkgutil.walk_packages(eig.__path__, "eig."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.startswith("eig."):
                found.add(subclass)
    return found


def test_every_form_of_the_platform_refuses_control_characters():
    form_classes = every_form_class()

    assert len(form_classes) > 20  # the walk found the forms
    assert [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in form_classes
        if not issubclass(cls, PlainTextMixin)
    ] == []


def test_the_platform_s_forms_share_one_dsfr_renderer_that_keeps_its_compiled_templates():
    from eig.accounts.forms import SignInForm
    from eig.plain_text import DsfrForm

    class Other(forms.ModelForm, DsfrForm):
        class Meta:
            model = Programme
            fields = ["name"]

    first, second = SignInForm(), Other()
    assert first.renderer is second.renderer is DSFR_RENDERER
    str(first["email"])
    # The engine, and its cached template loader, outlive the form.
    assert SignInForm().renderer.engine is first.renderer.engine
    assert 'class="fr-input' in str(SignInForm()["email"])


class Sample(PlainTextMixin, forms.Form):
    name = forms.CharField(required=False)
    text = forms.CharField(required=False, widget=forms.Textarea)
    count = forms.IntegerField(required=False)


def test_a_single_line_field_refuses_line_breaks_a_long_text_keeps_them():
    refused = Sample({"name": "Alice\nMartin", "text": "x\x07"})
    accepted = Sample({"name": "Alice Martin", "text": "ligne 1\r\n\tligne 2"})

    assert not refused.is_valid()
    assert "un retour à la ligne après « Alice »" in refused.errors["name"][0]
    assert "(U+0007) après « x »" in refused.errors["text"][0]
    assert accepted.is_valid(), accepted.errors
    assert accepted.cleaned_data["text"] == "ligne 1\r\n\tligne 2"


# The middleware, through HTTP.


def assert_refused(response):
    assert response.status_code == 400
    page = response.content.decode()
    assert "Demande refusée" in page
    assert REFUSED_PAGE in page


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["\x00", "Dupr\x00", "a\x07", "\x1b[2J", "x\x85"])
def test_a_control_character_in_a_query_string_gets_a_400_page_before_any_query_runs_with_it(
    client, value
):
    # On PostgreSQL a NUL in a query parameter is an error 500: no query may carry it.
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/defis/", {"q": value})

    assert_refused(response)
    assert not [query for query in queries.captured_queries if value in query["sql"]]


def test_a_nul_in_a_filter_of_the_team_gets_a_400_not_a_search(team_client):
    with CaptureQueriesContext(connection) as queries:
        response = team_client.get("/equipe/candidatures/?q=Dupr%00")

    assert_refused(response)
    assert not [query for query in queries.captured_queries if "\x00" in query["sql"]]


@pytest.mark.django_db
def test_a_control_character_in_the_address_or_a_cookie_gets_a_400_page(client):
    assert_refused(client.get("/defis/%07/"))
    client.cookies["sessionid"] = "abc\x00def"
    assert_refused(client.get("/"))


@pytest.mark.django_db
def test_a_nul_in_a_posted_value_gets_a_400_page(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/connexion/", {"email": "alice\x00@example.fr"})

    assert_refused(response)
    assert not [query for query in queries.captured_queries if "\x00" in query["sql"]]


@pytest.mark.django_db
def test_other_control_characters_in_a_posted_value_are_left_to_the_form(client):
    response = client.post("/connexion/", {"email": "alice\x07@example.fr"})

    assert response.status_code == 200
    assert "fr-input-group--error" in response.content.decode()


@pytest.mark.django_db
def test_even_a_tab_is_refused_in_a_query_string_an_ordinary_one_passes(client):
    assert client.get("/defis/", {"q": "données\tpubliques"}).status_code == 400
    assert client.get("/defis/", {"q": "données publiques"}).status_code == 200
