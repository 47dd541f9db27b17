from django import forms
from django.utils.translation import gettext as _

from eig.decisions.models import DecisionTemplate
from eig.decisions.services import PLACEHOLDERS, placeholders_message, unknown_placeholders
from eig.plain_text import DsfrForm


class DecisionTemplateForm(forms.ModelForm, DsfrForm):
    class Meta:
        model = DecisionTemplate
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The fields of this outcome only: the others would not be replaced.
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS[self.instance.outcome])
        self.fields["body"].help_text = _(
            "Texte brut. Champs remplacés pour chaque personne : %(known)s."
        ) % {"known": known}

    def _check_placeholders(self, field):
        value = self.cleaned_data[field]
        unknown = unknown_placeholders(value, self.instance.outcome)
        if unknown:
            raise forms.ValidationError(placeholders_message(unknown, self.instance.outcome))
        return value

    def clean_subject(self):
        return self._check_placeholders("subject")

    def clean_body(self):
        return self._check_placeholders("body")


class SendDecisionsForm(DsfrForm):
    """The confirmation of a send: the recipients the team saw, and for "retenue" before the
    teams are published, the team's explicit consent."""

    recipients = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, sending, **kwargs):
        super().__init__(*args, **kwargs)
        self.sending = sending
        self.fields["recipients"].initial = sending.digest
        if sending.before_teams:
            self.fields["before_teams"] = forms.BooleanField(
                label=_("Envoyer « retenue » sans attendre la publication des équipes"),
                help_text=_(
                    "Conséquence : l’e-mail ne nommera pas le défi de la personne ({défi} y "
                    "devient « à confirmer lors de la formation des équipes »), et une personne "
                    "annoncée retenue peut se retrouver sans équipe une fois les équipes formées. "
                    "Ce choix est inscrit au journal."
                ),
                required=True,
                error_messages={
                    "required": _(
                        "Cochez cette case pour envoyer avant la publication des équipes, ou "
                        "publiez d’abord les équipes (page Équipes)."
                    )
                },
            )
