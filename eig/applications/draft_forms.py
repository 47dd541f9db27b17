"""Forms that save drafts.

A field marked required is needed to submit, not to save a draft: in draft mode a form keeps
whatever passes the format checks, so the candidate can move on and come back. In strict mode
(a submitted application being edited) a step saves only when all of it is valid.
"""

from django import forms
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

    def is_valid(self):
        results = [super().is_valid()] + [formset.is_valid() for formset in self.formsets()]
        return all(results)

    def has_errors(self):
        return bool(self.errors) or any(
            formset.total_error_count() for formset in self.formsets() if formset.is_bound
        )

    def save_draft(self):
        """Save the fields that passed validation; call after is_valid()."""
        fields = [name for name in self._meta.fields if name not in self.errors]
        self.instance.save(update_fields=[*fields, "last_step", "updated_at"])


class BlankRowMixin:
    """A row of a list: left blank, it is no entry at all, and needs no validation."""

    row_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_permitted = True

    def has_changed(self):
        # Django skips an empty-permitted form that "has not changed": here, one without content.
        return any(self[name].data not in (None, "") for name in self.row_fields)
