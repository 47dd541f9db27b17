import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from eig.auditions import rhythm
from eig.auditions.criteria import CRITERIA
from eig.cohorts.models import Cohort
from eig.plain_text import DsfrForm
from eig.selection.grid import SCORE_CHOICES

MAX_SLOTS_PER_DAY = 20


class SlotBatchForm(DsfrForm):
    """A day of auditions in the programme's rhythm: 40 minutes each, a 10-minute break after."""

    cohort = forms.ModelChoiceField(label=_("Promotion"), queryset=Cohort.objects.none())
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    first_start = forms.TimeField(
        label=_("Heure de la première audition"),
        help_text=_("Heure de Paris"),
        initial=datetime.time(9, 0),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    count = forms.IntegerField(
        label=_("Nombre d’auditions"), min_value=1, max_value=MAX_SLOTS_PER_DAY, initial=6
    )
    length = forms.IntegerField(
        label=_("Durée d’une audition (minutes)"),
        help_text=_("10 de lecture, 5 de présentation, 15 de questions, 10 de délibération"),
        min_value=5,
        max_value=240,
        initial=rhythm.AUDITION_MINUTES,
    )
    pause = forms.IntegerField(
        label=_("Pause après chaque audition (minutes)"),
        min_value=0,
        max_value=120,
        initial=rhythm.BREAK_MINUTES,
    )
    place = forms.CharField(label=_("Lieu"), required=False, max_length=200)
    video_url = forms.URLField(label=_("Lien de visioconférence"), required=False)
    panel = forms.ModelMultipleChoiceField(
        label=_("Jury"),
        help_text=_("Membres du jury et mentors ; plusieurs choix possibles"),
        queryset=get_user_model().objects.none(),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.order_by("-number")
        # Anyone with an account but a candidate; reviewers and mentors have no role yet.
        self.fields["panel"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, applications__isnull=True)
            .order_by("email")
        )

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("place") and not cleaned_data.get("video_url"):
            raise forms.ValidationError(_("Indiquez un lieu ou un lien de visioconférence."))
        return cleaned_data


class GridForm(DsfrForm):
    """A score from 1 to 5 and a comment for each criterion."""

    def __init__(self, *args, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_scores = initial_scores or {}
        for key, label in CRITERIA:
            score, comment = initial_scores.get(key, (None, ""))
            # The written grid's scale, radio buttons labelled the same way.
            self.fields[f"score_{key}"] = forms.TypedChoiceField(
                label=label,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                initial=None if score is None else str(score),
                error_messages={
                    "required": _("Donnez une note à ce critère."),
                    "invalid_choice": _("La note va de 1 à 5."),
                },
            )
            self.fields[f"comment_{key}"] = forms.CharField(
                label=_("Commentaire"),
                required=False,
                max_length=2000,
                initial=comment,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self):
        """(score bound field, comment bound field) per criterion, in the grid's order."""
        return [(self[f"score_{key}"], self[f"comment_{key}"]) for key, _label in CRITERIA]

    def scores(self):
        return {
            key: (self.cleaned_data[f"score_{key}"], self.cleaned_data[f"comment_{key}"])
            for key, _label in CRITERIA
        }
