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
from eig.decisions.forms import DecisionTemplateForm, SendDecisionsForm
from eig.decisions.services import (
    NothingToRetry,
    NothingToSend,
    RecipientsChanged,
    SendingRefused,
    TeamsNotPublished,
    decision_templates,
    edit_decision_template,
    failed_notices,
    notices_of,
    outcome_label,
    pending,
    prepare_sending,
    preview_application,
    render_decision,
    retry_failed_decisions,
    send_decisions,
    teams_published,
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
            "teams_published": teams_published(cohort),
            "breadcrumb_data": {"links": [BREADCRUMB_ROOT], "current": _("Décisions")},
        },
        status=status,
    )


@access(PROGRAMME_TEAM)
def decisions(request, number):
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    return render_page(request, cohort)


@access(PROGRAMME_TEAM, methods=("POST",))
def edit_template(request, number, outcome):
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
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


def render_confirmation(request, cohort, sending, form, status=200):
    """The page that confirms a send: how many per outcome, the e-mail for several real
    recipients, who will not receive it and why."""
    summary = [
        {
            "label": outcome_label(outcome),
            "pending": pending(cohort, outcome).count(),
            "told": notices_of(cohort, outcome).count(),
            "current": outcome == sending.outcome,
        }
        for outcome in Application.OUTCOMES
    ]
    previews = []
    if sending.template is not None:
        for application in sending.previews():
            subject, body = render_decision(sending.template, application)
            previews.append(
                {"application": application, "subject": subject, "body": body},
            )
    label = outcome_label(sending.outcome)
    return render(
        request,
        "decisions/send_confirm.html",
        {
            "cohort": cohort,
            "sending": sending,
            "label": label,
            "summary": summary,
            "previews": previews,
            "form": form,
            "breadcrumb_data": {
                "links": [
                    BREADCRUMB_ROOT,
                    {
                        "url": reverse("decisions:decisions", args=[cohort.number]),
                        "title": _("Décisions"),
                    },
                ],
                "current": _("Envoyer « %(outcome)s »") % {"outcome": label},
            },
        },
        status=status,
    )


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"), sensitive=True)
def send(request, number, outcome):
    """GET shows what the send would do; only the POST of that page sends."""
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    outcome = outcome_or_404(outcome)
    sending = prepare_sending(cohort, outcome)
    if request.method != "POST":
        return render_confirmation(request, cohort, sending, SendDecisionsForm(sending=sending))
    form = SendDecisionsForm(request.POST, sending=sending)
    if not form.is_valid():
        return render_confirmation(request, cohort, sending, form)
    try:
        notices = send_decisions(
            cohort=cohort,
            outcome=outcome,
            by=request.user,
            before_teams=form.cleaned_data.get("before_teams", False),
            confirmed=form.cleaned_data["recipients"],
            request=request,
        )
    except NothingToSend as refused:
        messages.error(request, refused.message)
    except TeamsNotPublished as refused:
        form.add_error(None, refused.message)
        return render_confirmation(request, cohort, sending, form)
    except RecipientsChanged as refused:
        messages.error(request, refused.message)
        return redirect("decisions:send", number=number, outcome=outcome)
    except SendingRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("La décision « %(outcome)s » part vers %(count)s candidat·e·s.")
            % {"outcome": outcome_label(outcome), "count": len(notices)},
        )
    return redirect(reverse("decisions:decisions", args=[number]) + f"#decision-{outcome}")


@access(PROGRAMME_TEAM, methods=("POST",))
def retry(request, number, outcome):
    """Send again the e-mails of that outcome that failed."""
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
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
    cohort = get_object_or_404(Cohort.objects.served(), number=number)
    headers, lines = decisions_dataset(sent_notices(cohort))
    record_export(
        request=request,
        action=Action.DECISIONS_EXPORTED,
        target=cohort,
        file_format=file_format,
        filters=request.GET.dict(),
    )
    name = file_name("decisions", f"promotion-{cohort.number}", file_format=file_format)
    title = _("Décisions %(cohort)s") % {"cohort": cohort}
    return download(headers, lines, file_format, name, title=title)
