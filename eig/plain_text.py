"""Text typed into the platform holds no control characters: they break exports and e-mails.

A control character (Unicode category Cc: NUL, BEL, escape, DEL, the C1 range…) is invisible
and never meant: it comes from a copy-paste or a forged request. One BEL in a first name is
enough to make an XLSX export fail, one line break in it to break an e-mail's subject. So:

- every form refuses them, with a message next to the field (`PlainTextMixin`, through
  `DsfrForm`, the base of the platform's forms); a long text (a Textarea) keeps its tabs and
  line breaks;
- `ControlCharactersMiddleware` refuses them in addresses, query strings and cookies, and NUL
  in any posted value, with a 400 page, before a view or a query reads them (PostgreSQL refuses
  NUL in a query: caught here, it never becomes an error 500);
- what was stored before the rule is cleaned where it is written out: `without_control_characters`
  for a spreadsheet cell, `one_line` for an e-mail header.
"""

import re

from django import forms
from django.http.request import UnreadablePostError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from dsfr.forms import DsfrBaseForm, DsfrBoundField, DsfrDjangoTemplates

# What a long text may hold besides printable characters.
LINE_BREAKS = "\t\n\r"
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")
# Python's e-mail package also starts a new header line at U+2028 and U+2029.
HEADER_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# How much of the text before a refused character the message quotes, to help find it.
CONTEXT_LENGTH = 20


def without_control_characters(text, *, keep=LINE_BREAKS):
    """`text` with its control characters removed, except those in `keep`."""
    return CONTROL_CHARACTERS.sub(lambda match: match[0] if match[0] in keep else "", text)


def one_line(text):
    """`text` fit for an e-mail header: each run of control characters or line separators
    becomes one space, so nothing can start a new header."""
    return " ".join(HEADER_BREAKS.sub(" ", text).split())


def character_name(char):
    if char in "\r\n":
        return _("un retour à la ligne")
    if char == "\t":
        return _("une tabulation")
    return _("un caractère invisible (U+%(code)04X)") % {"code": ord(char)}


def control_character_message(text, *, allowed=""):
    """The French message for the first refused control character of `text`, or ''."""
    position = next(
        (match.start() for match in CONTROL_CHARACTERS.finditer(text) if match[0] not in allowed),
        None,
    )
    if position is None:
        return ""
    character = character_name(text[position])
    before = one_line(text[:position])[-CONTEXT_LENGTH:]
    if not before:
        return _(
            "Ce champ commence par %(character)s, qui n’est pas accepté ici : "
            "retirez-le ou retapez ce passage (il vient souvent d’un copier-coller)."
        ) % {"character": character}
    return _(
        "Ce champ contient %(character)s après « %(before)s », qui n’est pas accepté ici : "
        "retirez-le ou retapez ce passage (il vient souvent d’un copier-coller)."
    ) % {"character": character, "before": before}


class PlainTextMixin:
    """Refuses control characters in the form's text fields; a Textarea allows tab and
    line breaks. Checked once the fields are cleaned, so a field an `__init__` adds or changes
    is checked as it finally is."""

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if not isinstance(field, forms.CharField) or not isinstance(value, str):
                continue
            allowed = LINE_BREAKS if isinstance(field.widget, forms.Textarea) else ""
            message = control_character_message(value, allowed=allowed)
            if message:
                self.add_error(name, forms.ValidationError(message, code="control_character"))


# django-dsfr gives its renderer's class to each form, and Django then builds a template engine
# per form: every app's template tags looked up and every field template compiled again, about
# a tenth of a form page's time. One renderer per process keeps its compiled templates.
DSFR_RENDERER = DsfrDjangoTemplates()


class DsfrForm(PlainTextMixin, DsfrBaseForm):
    """The base of every form of the platform: the DSFR's markup, text without control
    characters. A model form lists `forms.ModelForm` first, as with `DsfrBaseForm`."""

    default_renderer = DSFR_RENDERER


DSFR_INPUT = "dsfr/form_field_snippets/input_snippet.html"
# The DSFR's field without "(Optionnel)": a filter is never required, so saying so is noise.
FILTER_FIELD = "includes/filter_field.html"


class FilterBoundField(DsfrBoundField):
    def render(self, template_name=None, context=None, renderer=None):
        # With the site's templates: the forms' renderer reads only the DSFR's and Django's.
        if (template_name or self.template_name) == DSFR_INPUT:
            return render_to_string(FILTER_FIELD, context or self.get_context())
        return super().render(template_name, context, renderer)


class FilterForm(DsfrForm):
    """The base of the forms that filter a list, in the query string."""

    bound_field_class = FilterBoundField


class ControlCharactersMiddleware:
    """Answers 400, with a page that says why, to a request carrying control characters.

    Placed before the session middleware, so that no query runs with them. The address, the
    query string and the cookies may hold none (no link or filter needs one); a posted value
    may hold no NUL, which no form can store. Any other control character in a posted value
    is left to the form, which says which field holds it and keeps what was typed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTERS.search(request.path) or any(
            CONTROL_CHARACTERS.search(text)
            for text in (*_texts(request.GET), *request.COOKIES, *request.COOKIES.values())
        ):
            return refused(request)
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        # Here, not in __call__: by now an oversized upload was refused without being read.
        if request.method != "POST":
            return None
        try:
            posted = _texts(request.POST)
        except UnreadablePostError:
            return None  # the client went away: nothing to answer
        if any("\x00" in text for text in posted):
            return refused(request)
        return None


def _texts(query_dict):
    return [text for key, values in query_dict.lists() for text in (key, *values)]


def refused(request):
    return render(request, "control_characters.html", {"breadcrumb_data": {}}, status=400)
