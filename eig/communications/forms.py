from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eig.cohorts.models import Cohort
from eig.communications.models import Announcement, greeting_line, signature_line
from eig.plain_text import DsfrForm


class AnnouncementForm(forms.ModelForm, DsfrForm):
    class Meta:
        model = Announcement
        fields = ["cohort", "subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "body": _(
                "L’e-mail commence déjà par « Bonjour Prénom, » et se termine par "
                "« L’équipe du programme » : écrivez seulement le message."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.order_by("-number")
        self.fields["cohort"].empty_label = None

    def clean_body(self):
        body = self.cleaned_data["body"]
        errors = []
        greeting = greeting_line(body)
        if greeting:
            errors.append(
                _(
                    "Retirez la salutation « %(line)s » : l’e-mail salue déjà chaque personne "
                    "par son prénom."
                )
                % {"line": greeting}
            )
        signature = signature_line(body)
        if signature:
            errors.append(
                _("Retirez la signature « %(line)s » : l’e-mail est déjà signé.")
                % {"line": signature}
            )
        if errors:
            raise ValidationError(errors)
        return body
