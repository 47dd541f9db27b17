from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eig.backoffice.access import programme_team_required
from eig.cohorts.models import Cohort
from eig.decisions.forms import DecisionTemplateForm
from eig.decisions.models import OUTCOMES
from eig.decisions.services import (
    NothingToSend,
    decision_templates,
    nothing_to_send_message,
    outcome_label,
    pending,
    preview_application,
    render_decision,
    send_decisions,
)

BREADCRUMB_ROOT = {"url": "/equipe/candidatures/", "title": _("Espace de l'équipe")}


def outcome_or_404(outcome):
    if outcome not in OUTCOMES:
        raise Http404
    return outcome


def render_page(request, cohort, bound_form=None, status=200):
    """Every outcome: its template form, a preview for a real candidate, who waits for it."""
    templates = decision_templates(cohort)
    sections = []
    for outcome in OUTCOMES:
        template = templates[outcome]
        if bound_form is not None and bound_form.prefix == outcome:
            form = bound_form
        else:
            form = DecisionTemplateForm(instance=template, prefix=outcome)
        example = preview_application(cohort, outcome)
        subject, body = render_decision(template, example) if example else ("", "")
        sections.append(
            {
                "outcome": outcome,
                "label": outcome_label(outcome),
                "form": form,
                "example": example,
                # Plain text, escaped by the template like any other variable.
                "preview_subject": subject,
                "preview_body": body,
                "pending_count": pending(cohort, outcome).count(),
            }
        )
    return render(
        request,
        "decisions/decisions.html",
        {
            "cohort": cohort,
            "sections": sections,
            "breadcrumb_data": {"links": [BREADCRUMB_ROOT], "current": _("Décisions")},
        },
        status=status,
    )


@programme_team_required
def decisions(request, number):
    cohort = get_object_or_404(Cohort, number=number)
    return render_page(request, cohort)


@require_POST
@programme_team_required
def edit_template(request, number, outcome):
    cohort = get_object_or_404(Cohort, number=number)
    outcome = outcome_or_404(outcome)
    template = decision_templates(cohort)[outcome]
    form = DecisionTemplateForm(request.POST, instance=template, prefix=outcome)
    if not form.is_valid():
        return render_page(request, cohort, bound_form=form)
    form.save()
    messages.success(
        request,
        _("Le modèle « %(outcome)s » est enregistré.") % {"outcome": outcome_label(outcome)},
    )
    return redirect(reverse("decisions:decisions", args=[number]) + f"#decision-{outcome}")


@require_POST
@programme_team_required
def send(request, number, outcome):
    cohort = get_object_or_404(Cohort, number=number)
    outcome = outcome_or_404(outcome)
    try:
        notices = send_decisions(cohort=cohort, outcome=outcome, by=request.user)
    except NothingToSend:
        messages.error(request, nothing_to_send_message(outcome))
    else:
        messages.success(
            request,
            _("La décision « %(outcome)s » part vers %(count)s candidat·e·s.")
            % {"outcome": outcome_label(outcome), "count": len(notices)},
        )
    return redirect("decisions:decisions", number=number)
