from django import forms
from django.utils.translation import gettext_lazy as _

from eig.plain_text import DsfrForm

# The address becomes the username, which Django limits to 150 characters.
EMAIL_MAX_LENGTH = 150


class SignInForm(DsfrForm):
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


class SecondFactorForm(DsfrForm):
    """A code from the authenticator app, or a recovery code (checked by the view)."""

    code = forms.CharField(
        label=_("Code de vérification"),
        help_text=_(
            "Les 6 chiffres affichés par votre application d’authentification, "
            "ou l’un de vos codes de secours."
        ),
        max_length=32,
        error_messages={
            "required": _("Saisissez le code affiché par votre application ou un code de secours."),
            "max_length": _("Ce code est trop long : %(limit_value)d caractères au plus."),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "off"}
        ),
    )


class AuthenticatorSetUpForm(SecondFactorForm):
    """The first code of a newly added authenticator app."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _(
            "Les 6 chiffres que votre application affiche maintenant pour la Plateforme EIG."
        )
        self.fields["code"].widget.attrs["inputmode"] = "numeric"
