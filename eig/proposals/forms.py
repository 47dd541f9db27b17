"""The forms of a proposal's steps, and of its authors and attachments.

As in the candidates' form, a field needed to submit is not needed to save a draft: a step keeps
whatever passes the format checks. Once the proposal is submitted, a step saves only when all of
it is complete (strict mode): the submitted version must stay complete.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eig.challenges.models import HostOrganisation
from eig.pdf_files import active_content_names, has_pdf_signature, inspect, readable_size
from eig.plain_text import DsfrForm
from eig.proposals.models import (
    Proposal,
    ProposalAgent,
    ProposalMentor,
    ProposalSeat,
)

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5
MAX_AGENTS = 8
MAX_MENTORS = 6
MIN_SEATS, MAX_SEATS = 2, 3
REQUIRED_MESSAGE = gettext_lazy("Renseignez ce champ pour déposer la proposition.")


class ProposalStepForm(forms.ModelForm, DsfrForm):
    """One step: the proposal's fields it shows, and the lists it edits (formsets)."""

    required_for_submission = ()
    use_required_attribute = False  # the server decides: a draft may keep blanks

    def __init__(self, data=None, *, proposal, strict=False):
        self.strict = strict
        super().__init__(data, instance=proposal)
        for name, field in self.fields.items():
            # Shown as required (no « optionnel »), enforced only in strict mode.
            field.required = name in self.required_for_submission
            field.error_messages["required"] = REQUIRED_MESSAGE
        self.lists = self.build_lists(data)

    def full_clean(self):
        if self.strict:
            return super().full_clean()
        required = [field for field in self.fields.values() if field.required]
        for field in required:
            field.required = False
        try:
            super().full_clean()
        finally:
            for field in required:
                field.required = True

    def build_lists(self, data):
        return []

    def is_valid(self):
        return all([super().is_valid()] + [formset.is_valid() for formset in self.lists])

    def save_step(self):
        self.save()
        for formset in self.lists:
            formset.save()

    def error_count(self):
        return len(self.errors) + sum(formset.total_error_count() for formset in self.lists)


class AdministrationForm(ProposalStepForm):
    host = forms.ModelChoiceField(
        label=gettext_lazy("Votre administration"),
        queryset=HostOrganisation.objects.order_by("ministry", "directorate"),
        required=False,
        empty_label=gettext_lazy("— Elle n’est pas dans la liste —"),
        help_text=gettext_lazy(
            "Choisissez-la si elle a déjà accueilli des EIG ; sinon, nommez-la ci-dessous."
        ),
    )

    class Meta:
        model = Proposal
        fields = ["host", "new_host_ministry", "new_host_directorate"]
        labels = {
            "new_host_ministry": gettext_lazy("Ministère ou institution"),
            "new_host_directorate": gettext_lazy("Direction ou service"),
        }
        help_texts = {
            "new_host_ministry": gettext_lazy(
                "Seulement si votre administration n’est pas dans la liste."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        if self.strict and not cleaned.get("host") and not cleaned.get("new_host_ministry"):
            self.add_error(
                "host",
                _("Choisissez votre administration dans la liste, ou nommez-la ci-dessous."),
            )
        return cleaned


class ChallengeForm(ProposalStepForm):
    required_for_submission = ("title", "summary", "problem", "challenge", "expected_results")

    class Meta:
        model = Proposal
        fields = ["title", "summary", "problem", "challenge", "expected_results"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 6}),
            "challenge": forms.Textarea(attrs={"rows": 6}),
            "expected_results": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {
            "title": gettext_lazy("Nom du défi"),
            "summary": gettext_lazy("Le défi en une ou deux phrases"),
            "problem": gettext_lazy("Le problème rencontré"),
            "challenge": gettext_lazy("Le défi proposé aux EIG"),
            "expected_results": gettext_lazy("Les résultats attendus au bout de 10 mois"),
        }
        help_texts = {
            "title": gettext_lazy(
                "Court et parlant, par exemple « Mieux repérer les fraudes aux aides »."
            ),
            "problem": gettext_lazy("Pour qui, depuis quand, avec quelles conséquences."),
        }


class DataForm(ProposalStepForm):
    required_for_submission = ("data_and_resources",)

    class Meta:
        model = Proposal
        fields = ["data_and_resources"]
        widgets = {"data_and_resources": forms.Textarea(attrs={"rows": 8})}
        labels = {"data_and_resources": gettext_lazy("Les données et ressources disponibles")}
        help_texts = {
            "data_and_resources": gettext_lazy(
                "Quelles données (volume, format, accès), quels outils, quels moyens techniques "
                "les EIG trouveront en arrivant."
            )
        }


class RowForm(forms.ModelForm, DsfrForm):
    """A row of a list: its fields are needed once the row is started."""

    use_required_attribute = False


def row_formset(parent, model, fields, *, max_num, row_title, labels=None):
    """The rows of `model` under a `parent` (shown by proposals/includes/rows.html)."""
    formset = forms.inlineformset_factory(
        parent,
        model,
        form=RowForm,
        fields=fields,
        labels=labels,
        extra=1,
        max_num=max_num,
        validate_max=True,
        can_delete=True,
        can_delete_extra=False,
    )
    formset.row_title = row_title
    return formset


AgentFormSet = row_formset(
    Proposal,
    ProposalAgent,
    ["full_name", "role", "time_share"],
    labels={
        "full_name": gettext_lazy("Prénom et nom"),
        "role": gettext_lazy("Rôle dans le projet"),
        "time_share": gettext_lazy("Temps consacré au défi"),
    },
    max_num=MAX_AGENTS,
    row_title=gettext_lazy("Agent"),
)
MentorFormSet = row_formset(
    Proposal,
    ProposalMentor,
    ["role", "full_name", "job_title", "email"],
    labels={
        "role": gettext_lazy("Mentor opérationnel ou stratégique"),
        "full_name": gettext_lazy("Prénom et nom"),
        "job_title": gettext_lazy("Fonction"),
        "email": gettext_lazy("Adresse e-mail"),
    },
    max_num=MAX_MENTORS,
    row_title=gettext_lazy("Mentor"),
)
SeatFormSet = row_formset(
    Proposal,
    ProposalSeat,
    ["profile", "details"],
    labels={
        "profile": gettext_lazy("Profil recherché"),
        "details": gettext_lazy("Missions et compétences"),
    },
    max_num=MAX_SEATS,
    row_title=gettext_lazy("Poste d’EIG"),
)


class TeamForm(ProposalStepForm):
    class Meta:
        model = Proposal
        fields = []

    def build_lists(self, data):
        self.agents = AgentFormSet(data, instance=self.instance, prefix="agents")
        self.mentors = MentorFormSet(data, instance=self.instance, prefix="mentors")
        return [self.agents, self.mentors]


class SeatsForm(ProposalStepForm):
    required_for_submission = ("location", "remote_policy")

    class Meta:
        model = Proposal
        fields = ["location", "remote_policy", "co_funding"]
        widgets = {
            "remote_policy": forms.RadioSelect,
            "co_funding": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "location": gettext_lazy("Lieu de travail des EIG"),
            "remote_policy": gettext_lazy("Télétravail"),
            "co_funding": gettext_lazy("Cofinancement (optionnel)"),
        }
        help_texts = {
            "location": gettext_lazy("La ville, par exemple « Paris » ou « Nantes »."),
            "co_funding": gettext_lazy(
                "La part du coût des EIG que votre administration peut prendre en charge."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remote_policy"].choices = [
            choice for choice in self.fields["remote_policy"].choices if choice[0]
        ]

    def build_lists(self, data):
        self.seats = SeatFormSet(data, instance=self.instance, prefix="seats")
        return [self.seats]

    def save_step(self):
        super().save_step()
        # The number of EIG sought is the number of seats described (2 or 3).
        seats = self.instance.seats.count()
        if MIN_SEATS <= seats <= MAX_SEATS and seats != self.instance.fellows_sought:
            self.instance.fellows_sought = seats
            self.instance.save(update_fields=["fellows_sought", "updated_at"])


class AttachmentForm(DsfrForm):
    file = forms.FileField(
        label=gettext_lazy("Ajouter un fichier PDF"),
        help_text=gettext_lazy(
            "Une note, un schéma, une lettre de soutien… Au format PDF, 10 Mo au plus."
        ),
    )

    def error_count(self):
        return len(self.errors)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_attachment(upload)
        return upload


def check_attachment(upload):
    """Raise ValidationError unless `upload` is a readable PDF within the limit, with nothing
    a viewer could run: its content decides, not its name."""
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("Ce fichier fait %(size)s : une pièce jointe doit faire %(limit)s au plus.")
            % {"size": readable_size(upload.size), "limit": readable_size(ATTACHMENT_MAX_BYTES)},
            code="too_large",
        )
    if not has_pdf_signature(upload):
        raise ValidationError(
            _(
                "Ce fichier n’est pas un PDF, quel que soit son nom. Enregistrez-le au format "
                "PDF, puis ajoutez-le."
            ),
            code="not_pdf",
        )
    encrypted, pages, found = inspect(upload)
    if encrypted:
        raise ValidationError(
            _("Ce PDF est protégé par un mot de passe. Ajoutez une version sans protection."),
            code="encrypted",
        )
    if pages == 0:
        raise ValidationError(
            _("Ce PDF est illisible ou endommagé. Exportez-le à nouveau en PDF."),
            code="unreadable",
        )
    if found:
        raise ValidationError(
            _(
                "Ce PDF contient %(found)s : par sécurité, il n’est pas accepté. Enregistrez-le "
                "de nouveau sans ces éléments (« Imprimer » puis « Enregistrer au format PDF »)."
            )
            % {"found": get_text_list(active_content_names(found), _("et"))},
            code="active_content",
        )


class InviteAuthorForm(DsfrForm):
    email = forms.EmailField(
        label=gettext_lazy("Adresse e-mail professionnelle de votre collègue"),
        help_text=gettext_lazy(
            "Votre collègue reçoit un lien de connexion ; la proposition apparaît dans son "
            "espace dès qu’il ou elle se connecte avec cette adresse."
        ),
        error_messages={
            "invalid": gettext_lazy(
                "Saisissez une adresse e-mail, par exemple prenom.nom@ministere.gouv.fr."
            )
        },
    )

    def __init__(self, *args, proposal, **kwargs):
        self.proposal = proposal
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.proposal.authors.filter(email__iexact=email).exists():
            raise ValidationError(
                _("%(email)s peut déjà modifier cette proposition.") % {"email": email},
                code="already_author",
            )
        return email
