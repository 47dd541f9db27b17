from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from eig.audit.models import Action, AuditEntry
from eig.plain_text import FilterForm


class JournalFilterForm(FilterForm):
    """The journal's filters, in the query string; an unknown value is an error next to it."""

    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("Toutes les actions")), *Action.choices],
    )
    du = forms.DateField(
        label=_("Du"),
        help_text=_("Jour compris, heure de Paris"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Saisissez une date, par exemple 2026-03-10.")},
    )
    au = forms.DateField(
        label=_("Au"),
        help_text=_("Jour compris, heure de Paris"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Saisissez une date, par exemple 2026-03-31.")},
    )
    objet = forms.CharField(
        label=_("Identifiant de l’objet"),
        help_text=_("Celui d’une candidature, d’une promotion, d’un compte…"),
        required=False,
        max_length=AuditEntry._meta.get_field("target_id").max_length,
        error_messages={"max_length": _("Saisissez %(limit_value)d caractères au plus.")},
    )
    auteur = forms.EmailField(
        label=_("Adresse e-mail de l’auteur·e"),
        help_text=_("Ou celle qu’une connexion échouée a essayée"),
        required=False,
        error_messages={"invalid": _("Saisissez une adresse e-mail complète.")},
    )

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("du"), cleaned_data.get("au")
        if start and end and end < start:
            self.add_error("au", _("Choisissez un jour égal ou postérieur au premier jour."))
        return cleaned_data

    def filter(self, entries):
        """`entries` narrowed by the filters; call after is_valid()."""
        data = self.cleaned_data
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["du"]:
            entries = entries.filter(created_at__date__gte=data["du"])
        if data["au"]:
            entries = entries.filter(created_at__date__lte=data["au"])
        if data["objet"]:
            entries = entries.filter(target_id=data["objet"])
        if data["auteur"]:
            entries = entries.filter(
                Q(actor_label__iexact=data["auteur"]) | Q(data__identifier__iexact=data["auteur"])
            )
        return entries
