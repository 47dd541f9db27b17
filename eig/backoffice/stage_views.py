"""Moving applications through the selection stages, one by one or in bulk."""

import hashlib

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.applications import services
from eig.backoffice.forms import ApplicationFilterForm
from eig.backoffice.selectors import in_order
from eig.backoffice.stage_forms import BulkMoveForm, MoveForm
from eig.backoffice.views import detail_page, listed_ids
from eig.selection.access import applications_visible_to


@access(PROGRAMME_TEAM, methods=("POST",))
def application_move(request, public_id):
    application = get_object_or_404(
        applications_visible_to(request.user).select_related("cohort", "candidate"),
        public_id=public_id,
    )
    form = MoveForm(request.POST, application=application)
    if form.is_valid():
        try:
            moved = services.move_application(
                application=application,
                to=form.cleaned_data["vers"],
                by=request.user,
                reason=form.cleaned_data["motif"],
            )
        except services.ApplicationRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request,
                _("La candidature est passée à l’état « %(status)s ».")
                % {"status": moved.get_status_display()},
            )
            # Back to the page, within the list it was opened from.
            url = reverse("backoffice:application_detail", args=[public_id])
            return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)
    return detail_page(request, application, form)


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def application_bulk_move(request):
    """GET shows what would happen and asks to confirm, changing nothing; POST moves.

    The applications are those ticked, or every one of the filtered list (`portee=liste`): then
    the filters are the selection, and the confirmation carries a fingerprint of the list it
    showed, so that a list changed meanwhile is shown again rather than moved unseen.
    """
    data = request.POST if request.method == "POST" else request.GET
    # The list's filters, to go back to the same list and to select its whole content.
    filters = QueryDict(data.get("filtres", ""))
    list_form = ApplicationFilterForm(filters, open_on_default_cohort=True)
    back = reverse("backoffice:application_list") + (f"?{filters.urlencode()}" if filters else "")
    form = BulkMoveForm(data, applications=_visible(request))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(back)
    if form.whole_list():
        if not list_form.is_valid():
            messages.error(request, _("Un filtre n’est pas valide : corrigez-le d’abord."))
            return redirect(back)
        applications = in_order(_visible(request), listed_ids(_visible(request), list_form)[0])
    else:
        applications = list(form.cleaned_data["candidatures"])
    target = form.cleaned_data["vers"]
    context = {
        "form": form,
        "target": dict(form.fields["vers"].choices)[target],
        "back": back,
        "filters": filters.urlencode(),
        "fingerprint": fingerprint(applications),
        "breadcrumb_data": {
            "links": [{"url": back, "title": _("Candidatures")}],
            "current": _("Changer l’état"),
        },
    }
    if request.method == "POST":
        if form.whole_list() and data.get("empreinte") != context["fingerprint"]:
            messages.warning(
                request,
                _(
                    "La liste filtrée a changé depuis votre vérification : rien n’a été changé. "
                    "Vérifiez-la à nouveau avant de confirmer."
                ),
            )
        else:
            try:
                result = services.move_applications(
                    applications=applications,
                    to=target,
                    by=request.user,
                    reason=form.cleaned_data["motif"],
                )
            except services.ApplicationRefused as refused:
                form.add_error("motif", refused.message)
            else:
                return render(
                    request,
                    "backoffice/application_bulk_move_done.html",
                    context | {"result": result},
                )
    context["rows"] = [
        (application, services.why_not_moved(application, target)) for application in applications
    ]
    context["movable_count"] = sum(refusal is None for _application, refusal in context["rows"])
    context["unchanged_count"] = len(context["rows"]) - context["movable_count"]
    return render(request, "backoffice/application_bulk_move_confirm.html", context)


def fingerprint(applications):
    """A short digest of which applications, at which stage: what the confirmation showed."""
    shown = ",".join(f"{a.public_id}:{a.status}" for a in sorted(applications, key=str_id))
    return hashlib.sha256(shown.encode()).hexdigest()[:16]


def str_id(application):
    return str(application.public_id)


def _visible(request):
    return applications_visible_to(request.user).select_related("cohort").order_by("last_name")
