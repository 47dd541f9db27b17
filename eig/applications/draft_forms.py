"""Forms that save drafts.

A field marked required is needed to submit, not to save a draft: in draft mode a form keeps
whatever passes the format checks, so the candidate can move on and come back. In strict mode
(a submitted application being edited) a step saves only when all of it is valid.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from eig.plain_text import DsfrForm


class LimitedTextField(forms.CharField):
    """Free text with a limit, counted as the browser counts it (a line break is one)."""

    def __init__(self, *, max_length, help_text="", **kwargs):
        # Lazy: these fields are built at import, before any language is active.
        limit = format_lazy(_("{limit} caractères au maximum."), limit=max_length)
        super().__init__(
            max_length=max_length,
            help_text=format_lazy("{} {}", help_text, limit) if help_text else limit,
            widget=forms.Textarea(attrs={"rows": 6}),
            **kwargs,
        )

    def to_python(self, value):
        # Browsers send line breaks as CRLF but count them, in `maxlength`, as one character.
        return super().to_python(value).replace("\r\n", "\n")

    def widget_attrs(self, widget):
        # No `maxlength`: the browser would cut a pasted text without a word. The counter warns
        # as the limit nears, and the server refuses a text too long, keeping it on the page.
        attrs = super().widget_attrs(widget)
        attrs["data-maxlength"] = attrs.pop("maxlength")
        return attrs


class DraftFormMixin:
    """Its `required_for_submission` fields are shown as required, but only strict mode
    enforces them."""

    required_for_submission = ()
    # The browser must let a candidate move on with blanks: the server decides.
    use_required_attribute = False

    def __init__(self, *args, strict=False, **kwargs):
        self.strict = strict
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.required = name in self.required_for_submission
            field.error_messages["required"] = (
                _("Cochez cette case pour déposer la candidature.")
                if isinstance(field.widget, forms.CheckboxInput)
                else _("Renseignez ce champ pour déposer la candidature.")
            )

    def full_clean(self):
        if self.strict:
            return super().full_clean()
        # Required fields stay marked as such on the page, but a draft may leave them blank.
        required = [field for field in self.fields.values() if field.required]
        for field in required:
            field.required = False
        try:
            super().full_clean()
        finally:
            for field in required:
                field.required = True


class StepForm(DraftFormMixin, forms.ModelForm, DsfrForm):
    """One step: the application's fields it shows, and the lists it edits (formsets)."""

    def __init__(self, data=None, files=None, *, application, strict=False):
        super().__init__(data, files, instance=application, strict=strict)

    def formsets(self):
        return []

    def draft_warnings(self):
        """The rules to submit that this step, once saved, does not meet yet."""
        return []

    def is_valid(self):
        results = [super().is_valid()] + [formset.is_valid() for formset in self.formsets()]
        return all(results)

    def has_errors(self):
        return bool(self.errors) or any(
            formset.total_error_count() for formset in self.formsets() if formset.is_bound
        )

    def error_links(self):
        """Each error of the step as (anchor, text), in the order of the page, for the summary
        at its top."""
        links = [_error_link(self, name, errors) for name, errors in self.errors.items()]
        for formset in self.formsets():
            links += [(formset.prefix, error) for error in formset.non_form_errors()]
            for number, row in enumerate(formset.forms, start=1):
                title = formset.row_title % {"number": number}
                links += [
                    _error_link(row, name, errors, title=title)
                    for name, errors in row.errors.items()
                ]
        return links

    def save_draft(self):
        """Save the fields that passed validation, and the valid rows of its lists; call after
        is_valid(). Returns what the lists saved and did not, one sentence each."""
        fields = [name for name in self._meta.fields if name not in self.errors]
        self.instance.save(update_fields=[*fields, "last_step", "updated_at"])
        return []


def _error_link(form, name, errors, *, title=""):
    if name == NON_FIELD_ERRORS and not form.fields:
        return "content", " ".join(errors)
    # An error of the whole row leads to its first field.
    field = form[next(iter(form.fields)) if name == NON_FIELD_ERRORS else name]
    # A list of radio buttons is reached by its first one.
    anchor = field.id_for_label or f"{field.auto_id}_0"
    if name == NON_FIELD_ERRORS:
        label = title
    else:
        label = f"{title} — {field.label}" if title else str(field.label)
    return anchor, f"{label} : {' '.join(errors)}" if label else " ".join(errors)


@dataclass
class RowsSaved:
    """The rows of a list to store, and the rows refused as (number, errors)."""

    entries: list
    refused: list
    kept: list  # the entries of refused rows, as saved before

    def sentence(self, saved, refused_text):
        """« 2 expériences enregistrées ; la 3ᵉ n’est pas enregistrée : … », or "" when no row
        was refused. `saved` is the first part, `refused_text` takes a rank and the errors."""
        if not self.refused:
            return ""
        parts = [saved] + [
            refused_text % {"rank": ordinal(number), "number": number, "errors": errors}
            for number, errors in self.refused
        ]
        return " ; ".join(str(part) for part in parts).rstrip(".") + "."


def ordinal(number):
    return _("1ʳᵉ") if number == 1 else format_lazy(_("{number}ᵉ"), number=number)


class RowsFormSetMixin:
    """A list whose valid rows are saved even when another row is refused: a refused row keeps
    the version saved before, if it had one."""

    row_title = ""  # "Expérience %(number)s"

    def rows_to_save(self):
        """The rows to store, in order, as a RowsSaved; None if the list itself is unreadable
        (a forged management form): then nothing stored changes."""
        if not self.management_form.is_valid() or self.non_form_errors():
            return None  # a forged list, or too many rows: what is stored stays
        entries, refused, kept = [], [], []
        for number, form in enumerate(self.forms, start=1):
            if self.can_delete and self._should_delete_form(form):
                continue
            if form.is_valid():
                entries.append(self.entry(form.cleaned_data))  # None for a blank row
                continue
            if form.initial:
                kept.append(self.entry(form.initial))
                entries.append(kept[-1])
            errors = " ".join(error for errors in form.errors.values() for error in errors)
            refused.append((number, errors))
        return RowsSaved([entry for entry in entries if entry], refused, kept)

    def entry(self, data):
        """The row as stored, from its cleaned data or its initial data; None if blank."""
        raise NotImplementedError


class BlankRowMixin:
    """A row of a list: left blank, it is no entry at all, and needs no validation."""

    row_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_permitted = True

    def has_changed(self):
        # Django skips an empty-permitted form that "has not changed": here, one without content.
        return any(self[name].data not in (None, "") for name in self.row_fields)
