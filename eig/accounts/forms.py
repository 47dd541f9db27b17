from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

# The address becomes the username, which Django limits to 150 characters.
EMAIL_MAX_LENGTH = 150


class SignInForm(DsfrBaseForm):
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        help_text=_("Format attendu : nom@domaine.fr"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": _("Saisissez votre adresse e-mail."),
            "invalid": _("Saisissez une adresse e-mail valide, au format nom@domaine.fr."),
            "max_length": _("Cette adresse est trop longue : %(limit_value)d caractères au plus."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    # The page to come back to after signing in; checked by the view before any use.
    next = forms.CharField(required=False, widget=forms.HiddenInput)
