from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.accounts.access import SIGNED_IN, access
from eig.applications import calls, services, steps
from eig.applications.cv import readable_size
from eig.applications.models import CV_MAX_BYTES
from eig.applications.views.common import (
    breadcrumb,
    own_application_to,
    step_url,
    summary_context,
)


def resume_url(application):
    """Where the candidate left off: the last step saved, the summary once submitted."""
    if not application.is_draft:
        return step_url(application, steps.REVIEW)
    return step_url(application, steps.by_key(application.last_step) or steps.STEPS[0])


@access(SIGNED_IN)
def resume(request, number):
    application = own_application_to(request.user, number)
    if application is None:
        return redirect("application_start")
    return redirect(resume_url(application))


@access(SIGNED_IN, methods=("GET", "HEAD", "POST"))
def step(request, number, slug):
    current = steps.by_slug(slug)
    if current is None or current.is_review:
        raise Http404
    application = own_application_to(request.user, number)
    if application is None:
        return redirect("application_start")
    now = timezone.now()
    refusal = application.why_read_only(now)
    if request.method == "GET":
        form = None if refusal else steps.form_for(current, application)
        return render_step(request, application, current, form=form, refusal=refusal)
    try:
        result = services.save_draft_step(
            application=application,
            step=current.key,
            data=request.POST,
            files=request.FILES,
            now=now,
        )
    except services.ApplicationRefused as refused:
        return render_step(request, application, current, refusal=refused.message, status=403)
    overwritten = _overwritten_notice(result)
    if not result.saved_everything:
        return render_step(
            request,
            result.form.instance,
            current,
            form=result.form,
            missing_elsewhere=result.missing_elsewhere,
            saved_notes=result.notes,
            overwritten=overwritten,
        )
    if overwritten:
        messages.info(request, overwritten)
    for warning in result.warnings:
        messages.warning(request, warning)
    if not application.is_draft:
        messages.success(request, _("Vos modifications sont enregistrées."))
    return redirect(_destination(request, application, current))


@access(SIGNED_IN, methods=("POST",))
def autosave(request, number, slug):
    """The background save of a step as the candidate types: answers in JSON for the script."""
    current = steps.by_slug(slug)
    application = own_application_to(request.user, number)
    if current is None or current.is_review or application is None:
        raise Http404
    now = timezone.now()
    try:
        result = services.save_draft_step(
            application=application, step=current.key, data=request.POST, files={}, now=now
        )
    except services.ApplicationRefused as refused:
        return JsonResponse({"saved": False, "message": refused.message}, status=403)
    time = {"time": calls.paris_clock(now)}
    if result.saved_everything:
        message = (
            _("Brouillon enregistré à %(time)s") % time
            if application.is_draft
            else _("Modifications enregistrées à %(time)s") % time
        )
    elif application.is_draft:
        message = _("Brouillon enregistré à %(time)s, sauf les champs à corriger.") % time
    else:
        message = _("Modifications non enregistrées : la candidature déposée doit rester complète.")
    parts = [_overwritten_notice(result), message, *result.notes]
    return JsonResponse(
        {
            "saved": result.saved_everything,
            "message": " ".join(str(part) for part in parts if part),
            "version": result.form.instance.version,
        }
    )


def _overwritten_notice(result):
    if result.overwritten_at is None:
        return ""
    return _(
        "Votre candidature a été modifiée dans un autre onglet à %(time)s ; votre dernière "
        "saisie de cette étape a été enregistrée et remplace celle de l’autre onglet."
    ) % {"time": calls.paris_clock(result.overwritten_at)}


def render_too_large(request, number, slug):
    """A post too large for the step (a CV over the limit): the step again, saying so by the
    file's field, with its status 413. Nothing of the post was read, nor saved."""
    current = steps.by_slug(slug)
    application = own_application_to(request.user, number)
    if current is None or current.is_review or application is None:
        raise Http404
    refusal = application.why_read_only()
    message = _(
        "Le fichier envoyé dépasse %(limit)s : il n’est pas enregistré. Choisissez un PDF plus "
        "léger (exportez-le à nouveau en réduisant la qualité des images)."
    ) % {"limit": readable_size(CV_MAX_BYTES)}
    form = None if refusal else steps.form_for(current, application)
    return render_step(
        request,
        application,
        current,
        form=form,
        refusal=refusal,
        too_large=message,
        status=413,
    )


def render_step(request, application, current, *, form=None, refusal=None, **extra):
    status = extra.pop("status", 200)
    if extra.get("too_large") and form is not None:
        extra["has_errors"] = True
        extra["error_links"] = [
            (form["cv"].auto_id if "cv" in form.fields else "content", extra["too_large"])
        ]
    previous, following = steps.previous_of(current), steps.next_of(current)
    context = {
        **summary_context(application),
        "step": current,
        "form": form,
        "refusal": refusal,
        "has_errors": bool(form and form.is_bound and form.has_errors()),
        "error_links": form.error_links() if form and form.is_bound else [],
        "cv_max_bytes": CV_MAX_BYTES,
        "stepper": stepper(current),
        "previous_url": step_url(application, previous) if previous else None,
        "next_url": step_url(application, following),
        "autosave_url": reverse(
            "application_autosave", args=[application.cohort.number, current.slug]
        ),
        "summary_template": f"applications/summary/{current.key}.html",
        "breadcrumb_data": breadcrumb(
            _("Candidature à la %(cohort)s") % {"cohort": application.cohort}
        ),
        **extra,
    }
    return render(request, f"applications/steps/{current.key}.html", context, status=status)


def stepper(current):
    following = steps.next_of(current)
    return {
        "current_step_id": steps.number_of(current),
        "total_steps": len(steps.STEPS),
        "current_step_title": current.title,
        "next_step_title": following.title if following else "",
        "heading_tag": "h1",
    }


def _destination(request, application, current):
    navigation = request.POST.get("navigation")
    if navigation == "stay":
        return step_url(application, current) + "#" + current.slug
    if navigation == "previous" and steps.previous_of(current):
        return step_url(application, steps.previous_of(current))
    return step_url(application, steps.next_of(current))
