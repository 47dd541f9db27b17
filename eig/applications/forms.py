"""The forms of the application's steps (see draft_forms.py for how drafts are saved)."""

import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from eig.applications import cv
from eig.applications.draft_forms import (
    BlankRowMixin,
    DraftFormMixin,
    LimitedTextField,
    RowsFormSetMixin,
    StepForm,
)
from eig.applications.models import (
    ADMINISTRATION_FIT_MAX,
    BACKGROUND_MAX,
    CONTRIBUTION_MAX,
    EXPERIENCE_DESCRIPTION_MAX,
    EXPERIENCES_TEXT_MAX,
    MAX_CHOICES,
    MAX_EXPERIENCES,
    MOTIVATION_MAX,
    Application,
    ChallengeChoice,
    Experience,
    Profile,
)
from eig.applications.retention import duration_label
from eig.plain_text import DsfrForm
from eig.storage import StorageUnavailable

FIRST_YEAR = 1950
EXPERIENCES_RULE = _(
    "Pour déposer la candidature, décrivez au moins une expérience, ou vos expériences en "
    "texte libre."
)
EXPERIENCE_FIELDS = ("title", "organisation", "start_year", "end_year", "description")


def latest_year():
    return datetime.date.today().year + 1


class IdentityForm(StepForm):
    required_for_submission = (
        *("first_name", "last_name", "email", "phone", "city"),
        *("profile", "years_of_experience"),
    )

    phone = forms.CharField(
        label=_("Téléphone"),
        max_length=30,
        help_text=_("Par exemple 06 12 34 56 78 ou +33 6 12 34 56 78."),
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 .()-]{7,28}$",
                _("Saisissez un numéro de téléphone, par exemple 06 12 34 56 78."),
            )
        ],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    profile = forms.ChoiceField(
        label=_("Votre profil"), choices=Profile.choices, widget=forms.RadioSelect
    )

    class Meta:
        model = Application
        fields = ["first_name", "last_name", "email", "phone", "city", "profile"]
        fields += ["years_of_experience"]
        labels = {
            "first_name": _("Prénom"),
            "last_name": _("Nom"),
            "email": _("Adresse e-mail de contact"),
            "city": _("Ville de résidence"),
            "years_of_experience": _("Années d’expérience professionnelle"),
        }
        help_texts = {
            "email": _("Celle de votre compte, sauf si vous préférez être contacté·e ailleurs."),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }


class ExperienceForm(BlankRowMixin, DraftFormMixin, DsfrForm):
    required_for_submission = ("title",)
    row_fields = EXPERIENCE_FIELDS

    title = forms.CharField(label=_("Intitulé du poste ou du projet"), max_length=150)
    organisation = forms.CharField(label=_("Organisation"), max_length=150)
    start_year = forms.IntegerField(
        label=_("Année de début"),
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(latest_year)],
    )
    end_year = forms.IntegerField(
        label=_("Année de fin"),
        help_text=_("Laissez vide si c’est votre poste actuel."),
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(latest_year)],
    )
    description = LimitedTextField(label=_("Description"), max_length=EXPERIENCE_DESCRIPTION_MAX)

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start_year"), cleaned_data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("L’année de fin doit suivre l’année de début."))
        return cleaned_data


class BaseExperienceFormSet(RowsFormSetMixin, forms.BaseFormSet):
    row_title = _("Expérience %(number)s")

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Retirer cette expérience")

    def entry(self, data):
        if not any(data.get(name) not in (None, "") for name in EXPERIENCE_FIELDS):
            return None
        return {name: data.get(name) for name in EXPERIENCE_FIELDS}

    def has_rows(self):
        """Whether a row holds something and is not removed, as posted: the rows may not be
        cleaned yet."""
        return any(
            form.has_changed() and not ("DELETE" in form.fields and form["DELETE"].data)
            for form in self.forms
        )


ExperienceFormSet = forms.formset_factory(
    ExperienceForm,
    formset=BaseExperienceFormSet,
    extra=1,
    max_num=MAX_EXPERIENCES,
    absolute_max=MAX_EXPERIENCES,
    can_delete=True,
    can_delete_extra=False,
)


class BackgroundForm(StepForm):
    required_for_submission = ("background",)

    background = LimitedTextField(
        label=_("Votre parcours"),
        help_text=_("Formation, grandes étapes, ce qui vous a mené·e jusqu’ici."),
        max_length=BACKGROUND_MAX,
    )
    experiences_text = LimitedTextField(
        label=_("Vos expériences, en texte libre"),
        help_text=_("Si vous préférez ne pas remplir les expériences une par une."),
        max_length=EXPERIENCES_TEXT_MAX,
    )

    class Meta:
        model = Application
        fields = ["background", "experiences_text", "code_forge_url", "portfolio_url"]
        fields += ["professional_profile_url"]
        labels = {
            "code_forge_url": _("Forge de code (GitHub, GitLab…)"),
            "portfolio_url": _("Portfolio ou site personnel"),
            "professional_profile_url": _("Profil professionnel (LinkedIn…)"),
        }
        help_texts = {name: _("Adresse complète, commençant par https://") for name in fields[2:]}
        widgets = {name: forms.URLInput(attrs={"autocomplete": "url"}) for name in fields[2:]}

    def __init__(self, data=None, files=None, *, application, strict=False):
        super().__init__(data, files, application=application, strict=strict)
        self.experiences = ExperienceFormSet(
            data,
            prefix="experiences",
            initial=[
                {name: getattr(experience, name) for name in EXPERIENCE_FIELDS}
                for experience in application.experiences.all()
            ],
            form_kwargs={"strict": strict},
        )

    def formsets(self):
        return [self.experiences]

    def clean(self):
        cleaned_data = super().clean()
        if self.strict and not self.has_experiences():
            self.add_error("experiences_text", EXPERIENCES_RULE)
        return cleaned_data

    def has_experiences(self):
        """The rule to submit: at least one experience, or the free text (call once bound)."""
        return bool(self.data.get(self.add_prefix("experiences_text"), "").strip()) or (
            self.experiences.has_rows()
        )

    def draft_warnings(self):
        return [] if self.has_experiences() else [EXPERIENCES_RULE]

    def save_draft(self):
        notes = super().save_draft()
        rows = self.experiences.rows_to_save()
        if rows is None:
            return notes
        self.instance.experiences.all().delete()
        Experience.objects.bulk_create(
            Experience(application=self.instance, position=position, **entry)
            for position, entry in enumerate(rows.entries, start=1)
        )
        saved = (
            ngettext(
                "%(count)s expérience enregistrée",
                "%(count)s expériences enregistrées",
                len(rows.entries),
            )
            % {"count": len(rows.entries)}
            if rows.entries
            else gettext("aucune expérience enregistrée")
        )
        sentence = rows.sentence(saved, gettext("la %(rank)s n’est pas enregistrée : %(errors)s"))
        return [*notes, sentence] if sentence else notes


class CvForm(StepForm):
    required_for_submission = ("cv",)

    cv = forms.FileField(
        label=_("Votre CV"),
        help_text=_(
            "Au format PDF, 5 Mo au maximum, sans JavaScript ni fichier joint (un PDF qui en "
            "contient est refusé). Un nouveau dépôt remplace le précédent."
        ),
        validators=[cv.check_pdf],
        widget=forms.FileInput,  # drawn by the template, in the DSFR's upload markup
    )

    class Meta:
        model = Application
        fields = []

    def __init__(self, data=None, files=None, *, application, strict=False):
        super().__init__(data, files, application=application, strict=strict)
        if application.cv:
            # A CV is already stored: submitting does not need a new one.
            self.fields["cv"].required = False

    def save_draft(self):
        upload = self.cleaned_data.get("cv")  # absent when refused
        if upload:
            kept = bool(self.instance.cv)
            try:
                cv.replace_cv(application=self.instance, upload=upload)
            except StorageUnavailable:
                self.add_error("cv", cv.unavailable_message(kept=kept))
        self.instance.save(update_fields=["last_step", "updated_at"])
        return []


class MotivationForm(StepForm):
    required_for_submission = ("motivation", "administration_fit")

    motivation = LimitedTextField(
        label=_("Pourquoi voulez-vous mettre vos compétences au service de l’intérêt général ?"),
        help_text=_(
            "Ce qui vous motive, et ce que vous avez déjà fait dans ce sens : logiciel libre, "
            "engagement associatif, projets d’intérêt général…"
        ),
        max_length=MOTIVATION_MAX,
    )
    administration_fit = LimitedTextField(
        label=_("Comment travailleriez-vous au sein d’une administration ?"),
        help_text=_(
            "Avec les agents, vos mentors et votre équipe, dans un cadre et des contraintes "
            "que vous ne choisissez pas."
        ),
        max_length=ADMINISTRATION_FIT_MAX,
    )

    class Meta:
        model = Application
        fields = ["motivation", "administration_fit"]


class ChallengeChoiceForm(BlankRowMixin, DraftFormMixin, DsfrForm):
    required_for_submission = ("challenge", "contribution")
    row_fields = ("challenge", "contribution")

    challenge = forms.ModelChoiceField(
        label=_("Défi"), queryset=None, empty_label=_("Choisissez un défi")
    )
    contribution = LimitedTextField(
        label=_("Ce que vous apporteriez à ce défi"), max_length=CONTRIBUTION_MAX
    )

    def __init__(self, *args, challenges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge"].queryset = challenges

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("contribution") and not cleaned_data.get("challenge"):
            self.add_error("challenge", _("Choisissez le défi auquel se rapporte ce texte."))
        return cleaned_data


class BaseChallengeChoiceFormSet(RowsFormSetMixin, forms.BaseFormSet):
    row_title = _("Choix %(number)s")

    def __init__(self, *args, strict, **kwargs):
        self.strict = strict
        super().__init__(*args, **kwargs)

    def clean(self):
        chosen = set()
        for form in self.forms:
            challenge = form.cleaned_data.get("challenge")
            if challenge is None:
                continue
            if challenge in chosen:
                form.add_error("challenge", _("Vous avez déjà choisi ce défi."))
            chosen.add(challenge)
        if self.strict and not chosen:
            raise forms.ValidationError(_("Choisissez au moins un défi."))

    def entry(self, data):
        challenge = data.get("challenge")
        if not challenge:
            return None
        return {
            "challenge_id": getattr(challenge, "pk", challenge),
            "contribution": data.get("contribution") or "",
        }


ChallengeChoiceFormSet = forms.formset_factory(
    ChallengeChoiceForm,
    formset=BaseChallengeChoiceFormSet,
    extra=MAX_CHOICES,
    max_num=MAX_CHOICES,
    absolute_max=MAX_CHOICES,
)


class ChallengeChoicesForm(StepForm):
    class Meta:
        model = Application
        fields = []

    def __init__(self, data=None, files=None, *, application, strict=False, challenges):
        super().__init__(data, files, application=application, strict=strict)
        self.choices = ChallengeChoiceFormSet(
            data,
            prefix="choices",
            initial=[
                {"challenge": choice.challenge_id, "contribution": choice.contribution}
                for choice in application.choices.all()
            ],
            strict=strict,
            form_kwargs={"strict": strict, "challenges": challenges},
        )

    def formsets(self):
        return [self.choices]

    def save_draft(self):
        notes = super().save_draft()
        rows = self.choices.rows_to_save()
        if rows is None:
            return notes
        # A refused row keeps its défi saved before, unless a valid row has chosen it since.
        kept = {id(entry) for entry in rows.kept}
        chosen = {entry["challenge_id"] for entry in rows.entries if id(entry) not in kept}
        entries, seen = [], set()
        for entry in rows.entries:
            if entry["challenge_id"] in seen or (
                id(entry) in kept and entry["challenge_id"] in chosen
            ):
                continue
            seen.add(entry["challenge_id"])
            entries.append(entry)
        self.instance.choices.all().delete()
        ChallengeChoice.objects.bulk_create(
            ChallengeChoice(application=self.instance, rank=rank, **entry)
            for rank, entry in enumerate(entries, start=1)
        )
        saved = (
            ngettext(
                "%(count)s choix de défi enregistré",
                "%(count)s choix de défis enregistrés",
                len(entries),
            )
            % {"count": len(entries)}
            if entries
            else gettext("aucun choix de défi enregistré")
        )
        sentence = rows.sentence(
            saved, gettext("le choix %(number)s n’est pas enregistré : %(errors)s")
        )
        return [*notes, sentence] if sentence else notes


class TeammateForm(StepForm):
    class Meta:
        model = Application
        fields = ["preferred_teammate"]
        labels = {"preferred_teammate": _("Avec qui aimeriez-vous faire équipe ?")}
        help_texts = {
            "preferred_teammate": _(
                "Le nom ou l’adresse e-mail d’une autre personne qui candidate. "
                "Laissez vide si vous n’avez pas de préférence."
            )
        }


class EligibilityForm(StepForm):
    required_for_submission = (
        *("available_full_time", "not_public_agent", "studies_completed"),
        *("accepts_rules", "consents_to_processing"),
    )

    class Meta:
        model = Application
        fields = ["available_full_time", "not_public_agent", "studies_completed"]
        fields += ["accepts_rules", "consents_to_processing", "pool_consent"]
        labels = {
            "not_public_agent": _("Je ne suis pas agent public en poste."),
            "studies_completed": _("J’ai terminé mes études."),
            "accepts_rules": _("J’ai lu le règlement de l’appel à candidatures et je l’accepte."),
            "consents_to_processing": _(
                "J’accepte que mes données soient traitées pour examiner ma candidature."
            ),
        }

    def __init__(self, data=None, files=None, *, application, strict=False):
        super().__init__(data, files, application=application, strict=strict)
        cohort = application.cohort
        self.rules = cohort.current_rules()
        if self.rules:
            self.fields["accepts_rules"].label = _(
                "J’ai lu le règlement de la %(cohort)s (version %(version)s) et je l’accepte."
            ) % {"cohort": cohort, "version": self.rules.version}
        self.fields["available_full_time"].label = (
            _(
                "Je suis disponible à temps plein pendant toute la durée du programme "
                "(%(months)s mois), à partir du %(start)s."
            )
            % {"months": cohort.duration_months, "start": date_format(cohort.starts_on, "j F Y")}
            if cohort.starts_on
            else _("Je suis disponible à temps plein pendant toute la durée du programme.")
        )
        self.fields["pool_consent"].label = _(
            "Si ma candidature n’est pas retenue, j’accepte que le programme la garde pour me "
            "proposer d’autres opportunités, %(pool)s au plus après la fin de la sélection. "
            "Sinon, elle est anonymisée au bout de %(rejected)s."
        ) % {
            "pool": duration_label(cohort.pool_retention_days),
            "rejected": duration_label(cohort.rejected_retention_days),
        }
        # The base form has already built its bound fields, with the labels of Meta.
        for name in ("accepts_rules", "available_full_time", "pool_consent"):
            self._bound_fields_cache.pop(name, None)

    def save_draft(self):
        # The application keeps the version whose name the candidate read next to the box.
        if "accepts_rules" not in self.errors:
            accepted = self.cleaned_data.get("accepts_rules")
            self.instance.rules_version = self.rules if accepted else None
            self.instance.save(update_fields=["rules_version"])
        return super().save_draft()
