"""The défi's form in the Wagtail admin: a mentor row names an account among the few allowed."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel

from eig.challenges.mentors import mentor_accounts
from eig.plain_text import PlainTextMixin


class AccountInput(forms.EmailInput):
    """An e-mail field that suggests the allowed accounts as one types (a <datalist>)."""

    def __init__(self, accounts, attrs=None):
        super().__init__(attrs)
        self.accounts = accounts

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id') or name}-accounts"
        attrs = {**(attrs or {}), "list": list_id, "autocomplete": "off"}
        options = format_html_join(
            "",
            '<option value="{}">{}</option>',
            (
                (account.email, account.get_full_name() or account.email)
                for account in self.accounts
            ),
        )
        field = super().render(name, value, attrs, renderer)
        return format_html('{}<datalist id="{}">{}</datalist>', field, list_id, options)


class MentorForm(PlainTextMixin, WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Named by e-mail among the allowed accounts, searched as one types: a candidate's
        # address is refused like an unknown one, and no page ever lists every account.
        accounts = mentor_accounts()
        self.fields["user"] = forms.ModelChoiceField(
            queryset=accounts,
            to_field_name="email",
            required=False,
            label=self.fields["user"].label,
            help_text=_(
                "Tapez une adresse : seuls les comptes de l’équipe, du jury et des mentors "
                "sont proposés. Vide : « Inviter » crée le compte à partir de l’adresse du mentor."
            ),
            error_messages={
                "invalid_choice": _(
                    "Aucun compte de l’équipe, du jury ou des mentors n’a cette adresse."
                )
            },
            widget=AccountInput(accounts),
        )
        if self.instance.user_id and not self.is_bound:
            self.initial["user"] = self.instance.user.email


class MentorsPanel(InlinePanel):
    """The mentors' rows, each with MentorForm."""

    def __init__(self, relation_name="mentors", **kwargs):
        kwargs.setdefault(
            "panels",
            [
                FieldPanel("full_name"),
                FieldPanel("job_title"),
                FieldPanel("email"),
                FieldPanel("role"),
                FieldPanel("consents_to_publication"),
                FieldPanel("user"),
            ],
        )
        super().__init__(relation_name, **kwargs)

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = MentorForm
        return options
