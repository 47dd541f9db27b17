from django import forms
from django.utils.translation import gettext as _

from eig.decisions.models import DecisionTemplate
from eig.decisions.services import PLACEHOLDERS, unknown_placeholders
from eig.plain_text import DsfrForm


class DecisionTemplateForm(forms.ModelForm, DsfrForm):
    class Meta:
        model = DecisionTemplate
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14})}

    def _check_placeholders(self, field):
        value = self.cleaned_data[field]
        unknown = unknown_placeholders(value)
        if unknown:
            raise forms.ValidationError(
                _("Champ inconnu : %(unknown)s. Champs possibles : %(known)s.")
                % {
                    "unknown": ", ".join("{" + name + "}" for name in unknown),
                    "known": ", ".join("{" + name + "}" for name in PLACEHOLDERS),
                }
            )
        return value

    def clean_subject(self):
        return self._check_placeholders("subject")

    def clean_body(self):
        return self._check_placeholders("body")
