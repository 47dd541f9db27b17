"""The reviewer's form, built from the cohort's evaluation grid."""

from django import forms
from django.utils.translation import gettext_lazy as _

from eig.plain_text import PlainTextMixin
from eig.selection import scoring
from eig.selection.models import Review

YES_NO = [("yes", _("Oui")), ("no", _("Non"))]
SCORE_CHOICES = [(str(n), f"{n} — {label}") for n, label in scoring.SCALE_LABELS.items()]


def score_field(key):
    return f"score_{key}"


def comment_field(key):
    return f"comment_{key}"


class ReviewForm(PlainTextMixin, forms.Form):
    """One radio group (1-5, or yes/no) and one comment per criterion, verdict, défis."""

    verdict = forms.ChoiceField(
        label=_("Avis général"),
        choices=Review.Verdict.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    recommended = forms.ModelMultipleChoiceField(
        label=_("Défis recommandés pour cette personne"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    comment = forms.CharField(
        label=_("Commentaire général"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, criteria, challenges, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.fields["recommended"].queryset = challenges
        for criterion in self.criteria:
            self.fields[score_field(criterion.key)] = forms.ChoiceField(
                label=criterion.label,
                help_text=criterion.hint,
                choices=SCORE_CHOICES if criterion.scored else YES_NO,
                widget=forms.RadioSelect,
                required=False,
                error_messages={"invalid_choice": _("Choisissez une note de 1 à 5.")}
                if criterion.scored
                else {},
            )
            self.fields[comment_field(criterion.key)] = forms.CharField(
                label=_("Commentaire"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def rows(self):
        """(criterion, score bound field, comment bound field), in grid order."""
        return [(c, self[score_field(c.key)], self[comment_field(c.key)]) for c in self.criteria]

    def require_complete(self):
        """For a submission: every scored criterion and the verdict, errors next to fields."""
        for criterion in self.criteria:
            name = score_field(criterion.key)
            if criterion.scored and not self.cleaned_data.get(name):
                self.add_error(name, _("Donnez une note de 1 à 5 pour soumettre."))
        if not self.cleaned_data.get("verdict"):
            self.add_error("verdict", _("Choisissez un avis pour soumettre."))
        return not self.errors

    def review_data(self):
        data = self.cleaned_data
        scores, checks, comments = {}, {}, {}
        for c in self.criteria:
            value = data.get(score_field(c.key))
            comments[c.key] = data.get(comment_field(c.key), "")
            if not value:
                continue
            if c.scored:
                scores[c.key] = int(value)
            else:
                checks[c.key] = value == "yes"
        return {
            "scores": scores,
            "checks": checks,
            "comments": comments,
            "verdict": data.get("verdict") or "",
            "recommended": list(data.get("recommended") or []),
            "comment": data.get("comment", ""),
        }


def initial_for(review):
    """The form's initial values from a stored review (or an empty dict)."""
    if review is None:
        return {}
    initial = {
        "verdict": review.verdict,
        "comment": review.comment,
        "recommended": list(review.recommended.all()),
    }
    for row in review.scores.all():
        if row.score is not None:
            initial[score_field(row.key)] = str(row.score)
        elif row.answer is not None:
            initial[score_field(row.key)] = "yes" if row.answer else "no"
        initial[comment_field(row.key)] = row.comment
    return initial
