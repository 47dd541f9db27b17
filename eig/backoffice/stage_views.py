"""Moving applications through the selection stages, one by one or in bulk."""

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.applications import services
from eig.backoffice.stage_forms import BulkMoveForm, MoveForm
from eig.backoffice.views import detail_page
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
            return redirect("backoffice:application_detail", public_id=public_id)
    return detail_page(request, application, form)


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def application_bulk_move(request):
    """GET shows what would happen and asks to confirm, changing nothing; POST moves."""
    form = BulkMoveForm(request.POST or request.GET, applications=_visible(request))
    # The list's filters, to go back to the same list.
    filters = QueryDict(form.data.get("filtres", "")).urlencode()
    back = reverse("backoffice:application_list") + (f"?{filters}" if filters else "")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(back)
    applications = list(form.cleaned_data["candidatures"])
    target = form.cleaned_data["vers"]
    context = {
        "form": form,
        "target": dict(form.fields["vers"].choices)[target],
        "back": back,
        "filters": filters,
        "breadcrumb_data": {
            "links": [{"url": back, "title": _("Candidatures")}],
            "current": _("Changer l’état"),
        },
    }
    if request.method == "POST":
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
                request, "backoffice/application_bulk_move_done.html", context | {"result": result}
            )
    context["rows"] = [
        (application, services.why_not_moved(application, target)) for application in applications
    ]
    return render(request, "backoffice/application_bulk_move_confirm.html", context)


def _visible(request):
    return applications_visible_to(request.user).select_related("cohort").order_by("last_name")
