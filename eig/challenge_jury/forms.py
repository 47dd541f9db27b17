import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eig.challenge_jury.models import SCALE, ConsolidatedGrid, Expertise, JuryCalendar, Sector
from eig.challenge_jury.rhythm import PARIS
from eig.challenges.models import HostOrganisation
from eig.plain_text import DsfrForm

SCORE_CHOICES = [(str(score), f"{score} — {label}") for score, label in SCALE.items()]


class MemberForm(DsfrForm):
    full_name = forms.CharField(label=_("Prénom et nom"), max_length=120)
    email = forms.EmailField(label=_("Adresse e-mail"))
    sector = forms.ChoiceField(label=_("Secteur"), choices=Sector.choices)
    expertise = forms.ChoiceField(label=_("Expertise"), choices=Expertise.choices)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    host = forms.ModelChoiceField(
        label=_("Administration (agent public)"),
        help_text=_("Un agent ne juge jamais les défis de son administration."),
        queryset=HostOrganisation.objects.all(),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("host") and data.get("sector") != Sector.PUBLIC:
            self.add_error("host", _("Seul un agent public a une administration."))
        return data


class CalendarForm(forms.ModelForm, DsfrForm):
    """The rhythm of the call's hearings; the next plan proposed follows it."""

    class Meta:
        model = JuryCalendar
        fields = [
            "reading_minutes",
            "pitch_minutes",
            "questions_minutes",
            "deliberation_minutes",
            "break_minutes",
            "break_every_minutes",
            "morning_starts",
            "morning_ends",
            "afternoon_starts",
            "afternoon_ends",
            "rooms",
        ]
        widgets = {
            name: forms.TimeInput(attrs={"type": "time"})
            for name in ("morning_starts", "morning_ends", "afternoon_starts", "afternoon_ends")
        }

    def clean(self):
        data = super().clean()
        parts = ("reading_minutes", "pitch_minutes", "questions_minutes", "deliberation_minutes")
        if not sum(data.get(name) or 0 for name in parts):
            self.add_error("pitch_minutes", _("Une audition dure au moins une minute."))
        for start, end in (
            ("morning_starts", "morning_ends"),
            ("afternoon_starts", "afternoon_ends"),
        ):
            if data.get(start) and data.get(end) and data[start] >= data[end]:
                self.add_error(end, _("La fin vient après le début."))
        ends, starts = data.get("morning_ends"), data.get("afternoon_starts")
        if ends and starts and ends > starts:
            self.add_error("afternoon_starts", _("L’après-midi commence après la matinée."))
        return data


class ConflictForm(DsfrForm):
    proposal = forms.ModelChoiceField(
        label=_("Proposition"), queryset=None, required=False, empty_label=_("— aucune —")
    )
    host = forms.ModelChoiceField(
        label=_("ou toute une administration"),
        queryset=HostOrganisation.objects.all(),
        required=False,
        empty_label=_("— aucune —"),
    )
    reason = forms.CharField(label=_("Motif"), max_length=300, required=False)

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals

    def clean(self):
        data = super().clean()
        if bool(data.get("proposal")) == bool(data.get("host")):
            self.add_error("proposal", _("Choisissez une proposition ou une administration."))
        return data


class MoveMemberForm(DsfrForm):
    group = forms.ModelChoiceField(
        label=_("Groupe"), queryset=None, required=False, empty_label=_("— sans groupe —")
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups


class MoveHearingForm(DsfrForm):
    group = forms.ModelChoiceField(label=_("Groupe"), queryset=None)

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups


class GroupForm(DsfrForm):
    day = forms.DateField(label=_("Jour"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(
        label=_("Première audition"),
        help_text=_("Heure de Paris"),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    room = forms.IntegerField(label=_("Salle (numéro)"), min_value=1, max_value=20)
    place = forms.CharField(label=_("Lieu"), max_length=200, required=False)
    video_url = forms.URLField(label=_("Lien de visioconférence"), required=False)
    lead = forms.ModelChoiceField(label=_("Président·e du groupe"), queryset=None, required=False)

    def __init__(self, *args, group, **kwargs):
        local = timezone.localtime(group.starts_at, PARIS)
        kwargs.setdefault(
            "initial",
            {
                "day": local.date(),
                "time": local.time(),
                "room": group.room,
                "place": group.place,
                "video_url": group.video_url,
                "lead": group.lead_id,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = group.members.all()

    def starts_at(self):
        data = self.cleaned_data
        return datetime.datetime.combine(data["day"], data["time"], tzinfo=PARIS)


def slot_key(start):
    """One text per instant, whatever its time zone: the value a slot is posted with."""
    return start.astimezone(datetime.UTC).isoformat()


class SlotForm(DsfrForm):
    slot = forms.TypedChoiceField(label=_("Créneau"), choices=(), widget=forms.RadioSelect)

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {slot_key(start): start for start, _end in slots}
        self.fields["slot"].choices = [
            (
                slot_key(start),
                timezone.localtime(start, PARIS).strftime("%d/%m/%Y %H:%M")
                + " – "
                + timezone.localtime(end, PARIS).strftime("%H:%M"),
            )
            for start, end in slots
        ]

    def starts_at(self):
        return self.slots[self.cleaned_data["slot"]]


class GridForm(DsfrForm):
    """A score per criterion of the call (a draft may leave some empty) and a comment."""

    comment = forms.CharField(
        label=_("Commentaire"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=3000,
    )

    def __init__(self, *args, criteria, grid=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scores = grid.scores if grid else {}
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.title,
                help_text=criterion.details,
                choices=SCORE_CHOICES,
                widget=forms.RadioSelect,
                required=False,
                initial=str(scores.get(str(criterion.pk), "")),
            )
        self.fields["comment"].initial = grid.comment if grid else ""
        self.order_fields([*(f"score_{c.pk}" for c in self.criteria), "comment"])

    def score_fields(self):
        return [self[f"score_{criterion.pk}"] for criterion in self.criteria]

    def scores(self):
        return {
            str(criterion.pk): self.cleaned_data.get(f"score_{criterion.pk}") or None
            for criterion in self.criteria
        }


class ConsolidatedGridForm(GridForm):
    comment = forms.CharField(
        label=_("Avis du groupe"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    recommendation = forms.ChoiceField(
        label=_("Recommandation du groupe"),
        choices=ConsolidatedGrid.Recommendation.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, grid=None, **kwargs):
        super().__init__(*args, grid=grid, **kwargs)
        self.fields["recommendation"].initial = grid.recommendation if grid else ""
