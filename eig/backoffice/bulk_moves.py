"""What the team's bulk moves share, for applications and for proposals: the form, and the check
page that moves nothing until confirmed, with the fingerprint of the list it showed."""

import hashlib
from typing import Any, NamedTuple

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eig.plain_text import DsfrForm

# What a bulk move applies to: the boxes ticked, or every item of the filtered list.
TICKED = "cochees"
WHOLE_LIST = "liste"


class MoveRules(NamedTuple):
    """The stage rules of what moves: `move(items, to, reason)` raises `refused`."""

    move: Any
    refused: type
    why_not_moved: Any


def reason_field(*, max_length, help_text):
    return forms.CharField(
        label=gettext_lazy("Motif"),
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=help_text,
    )


def scope_field(*, label, ticked, whole_list):
    return forms.ChoiceField(
        label=label,
        choices=[(TICKED, ticked), (WHOLE_LIST, whole_list)],
        initial=TICKED,
        required=False,
        widget=forms.RadioSelect,
    )


def items_field(*, label, model):
    return forms.ModelMultipleChoiceField(
        label=label, queryset=model.objects.none(), to_field_name="public_id", required=False
    )


class BulkMoveForm(DsfrForm):
    """The items ticked (the field named `items_field`), or the whole filtered list, and the
    stage `vers` to move them to. Subclasses declare `portee`, their items, `vers`, `motif`."""

    items_field = ""
    nothing_ticked = ""

    def __init__(self, data=None, *, items):
        super().__init__(data)
        self.fields[self.items_field].queryset = items

    def whole_list(self):
        return self.cleaned_data.get("portee") == WHOLE_LIST

    def clean(self):
        cleaned_data = super().clean()
        if not self.whole_list() and not cleaned_data.get(self.items_field):
            self.add_error(self.items_field, self.nothing_ticked)
        return cleaned_data


def back_with_errors(request, form, back):
    """A bulk move asked from the list with nothing to move: the list again, saying why."""
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))
    return redirect(back)


def fingerprint(items):
    """A short digest of which items, at which stage: what the check page showed."""
    shown = ",".join(sorted(f"{item.public_id}:{item.status}" for item in items))
    return hashlib.sha256(shown.encode()).hexdigest()[:16]


def check_or_move(request, *, form, items, rules, context, templates):
    """GET shows what moving `items` would do, changing nothing; POST moves them.

    `rules` is a `MoveRules`, `templates` is (check page, done page). The whole filtered list
    moves only if it is still the one the check page showed (its fingerprint), so that nothing
    moves unseen.
    """
    target = form.cleaned_data["vers"]
    context = context | {"form": form, "fingerprint": fingerprint(items)}
    check_template, done_template = templates
    if request.method == "POST":
        if form.whole_list() and request.POST.get("empreinte") != context["fingerprint"]:
            messages.warning(
                request,
                _(
                    "La liste filtrée a changé depuis votre vérification : rien n’a été changé. "
                    "Vérifiez-la à nouveau avant de confirmer."
                ),
            )
        else:
            try:
                result = rules.move(items, target, form.cleaned_data["motif"])
            except rules.refused as refused:
                form.add_error("motif", refused.message)
            else:
                return render(request, done_template, context | {"result": result})
    rows = [(item, rules.why_not_moved(item, target)) for item in items]
    movable_count = sum(refusal is None for _item, refusal in rows)
    return render(
        request,
        check_template,
        context
        | {
            "rows": rows,
            "movable_count": movable_count,
            "unchanged_count": len(rows) - movable_count,
        },
    )
