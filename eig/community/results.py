"""What came out of a défi, told by its fellows and its mentors (the team edits it in Wagtail)."""

from django import forms
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eig.audit.models import Action
from eig.audit.services import record
from eig.challenges.models import Challenge, KeyFigure, ResultLink
from eig.plain_text import DsfrForm
from eig.proposals.forms import row_formset


def own_challenges(user):
    """The défis of which `user` is a fellow or a mentor with an account."""
    return Challenge.objects.filter(Q(fellows__user=user) | Q(mentors__user=user)).distinct()


def own_challenge_or_404(request, pk):
    challenge = own_challenges(request.user).filter(pk=pk).select_related("cohort").first()
    if challenge is None:
        raise Http404
    return challenge


class ResultsForm(forms.ModelForm, DsfrForm):
    class Meta:
        model = Challenge
        fields = ["results_summary", "outcome", "outcome_details"]
        widgets = {"results_summary": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "results_summary": _(
                "Ce que l’équipe a construit, pour qui, et ce que cela change. Public une fois "
                "la promotion terminée."
            )
        }


LinkFormSet = row_formset(
    Challenge, ResultLink, ["kind", "title", "url"], max_num=12, row_title=_("Réalisation")
)
FigureFormSet = row_formset(
    Challenge, KeyFigure, ["value", "label"], max_num=12, row_title=_("Chiffre clé")
)


def results_forms(challenge, data=None):
    return (
        ResultsForm(data, instance=challenge),
        LinkFormSet(data, instance=challenge, prefix="links"),
        FigureFormSet(data, instance=challenge, prefix="figures"),
    )


@transaction.atomic
def save_results(forms_, *, by, request):
    form, *formsets = forms_
    challenge = form.save(commit=False)
    challenge.results_updated_at = timezone.now()
    challenge.save(update_fields=[*form.Meta.fields, "results_updated_at"])
    for formset in formsets:
        formset.save()
    record(action=Action.CHALLENGE_RESULTS_EDITED, actor=by, target=challenge, request=request)
    return challenge
