from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.applications.models import Application
from eig.audit.models import Action
from eig.audit.services import record_export
from eig.cohorts.models import Cohort
from eig.decisions.exports import decisions_dataset, sent_notices
from eig.decisions.forms import DecisionTemplateForm
from eig.decisions.services import (
    NothingToRetry,
    NothingToSend,
    decision_templates,
    edit_decision_template,
    failed_notices,
    nothing_to_send_message,
    notices_of,
    outcome_label,
    pending,
    preview_application,
    render_decision,
    retry_failed_decisions,
    send_decisions,
)
from eig.exports import download, file_name

BREADCRUMB_ROOT = {"url": "/equipe/candidatures/", "title": _("Espace de l'équipe")}


def outcome_or_404(outcome):
    if outcome not in Application.OUTCOMES:
        raise Http404
    return outcome


def render_page(request, cohort, bound_form=None, status=200):
    """Every outcome: its template form, a preview for a real candidate, who waits for it,
    whose e-mail is on its way, whose e-mail failed."""
    templates = decision_templates(cohort)
    sections = []
    for outcome in Application.OUTCOMES:
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
                "queued_count": notices_of(cohort, outcome).queued().count(),
                "failed": list(failed_notices(cohort, outcome)),
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


@access(PROGRAMME_TEAM)
def decisions(request, number):
    cohort = get_object_or_404(Cohort, number=number)
    return render_page(request, cohort)


@access(PROGRAMME_TEAM, methods=("POST",))
def edit_template(request, number, outcome):
    cohort = get_object_or_404(Cohort, number=number)
    outcome = outcome_or_404(outcome)
    template = decision_templates(cohort)[outcome]
    form = DecisionTemplateForm(request.POST, instance=template, prefix=outcome)
    if not form.is_valid():
        return render_page(request, cohort, bound_form=form)
    edit_decision_template(
        template=template,
        subject=form.cleaned_data["subject"],
        body=form.cleaned_data["body"],
        by=request.user,
        request=request,
    )
    messages.success(
        request,
        _("Le modèle « %(outcome)s » est enregistré.") % {"outcome": outcome_label(outcome)},
    )
    return redirect(reverse("decisions:decisions", args=[number]) + f"#decision-{outcome}")


@access(PROGRAMME_TEAM, methods=("POST",), sensitive=True)
def send(request, number, outcome):
    cohort = get_object_or_404(Cohort, number=number)
    outcome = outcome_or_404(outcome)
    try:
        notices = send_decisions(cohort=cohort, outcome=outcome, by=request.user, request=request)
    except NothingToSend:
        messages.error(request, nothing_to_send_message(outcome))
    else:
        messages.success(
            request,
            _("La décision « %(outcome)s » part vers %(count)s candidat·e·s.")
            % {"outcome": outcome_label(outcome), "count": len(notices)},
        )
    return redirect("decisions:decisions", number=number)


@access(PROGRAMME_TEAM, methods=("POST",))
def retry(request, number, outcome):
    """Send again the e-mails of that outcome that failed."""
    cohort = get_object_or_404(Cohort, number=number)
    outcome = outcome_or_404(outcome)
    try:
        notice_ids = retry_failed_decisions(
            cohort=cohort, outcome=outcome, by=request.user, request=request
        )
    except NothingToRetry:
        messages.error(
            request,
            _("Aucun e-mail « %(outcome)s » en échec : rien n’est renvoyé.")
            % {"outcome": outcome_label(outcome)},
        )
    else:
        messages.success(
            request,
            _("Les e-mails « %(outcome)s » en échec repartent (%(count)s).")
            % {"outcome": outcome_label(outcome), "count": len(notice_ids)},
        )
    return redirect(reverse("decisions:decisions", args=[number]) + f"#decision-{outcome}")


@access(PROGRAMME_TEAM, sensitive=True)
def export(request, number, file_format):
    """The decisions already sent to the cohort's candidates, the latest first."""
    cohort = get_object_or_404(Cohort, number=number)
    headers, lines = decisions_dataset(sent_notices(cohort))
    record_export(
        request=request,
        action=Action.DECISIONS_EXPORTED,
        target=cohort,
        file_format=file_format,
        filters=request.GET.dict(),
    )
    name = file_name("decisions", f"promotion-{cohort.number}", file_format=file_format)
    return download(headers, lines, file_format, name)
