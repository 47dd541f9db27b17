"""Moving applications through the selection stages, one by one or in bulk."""

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.applications import services
from eig.backoffice import bulk_moves
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
    form = BulkMoveForm(data, items=_visible(request))
    if not form.is_valid():
        return bulk_moves.back_with_errors(request, form, back)
    if form.whole_list():
        if not list_form.is_valid():
            messages.error(request, _("Un filtre n’est pas valide : corrigez-le d’abord."))
            return redirect(back)
        applications = in_order(_visible(request), listed_ids(_visible(request), list_form)[0])
    else:
        applications = list(form.cleaned_data["candidatures"])
    return bulk_moves.check_or_move(
        request,
        form=form,
        items=applications,
        rules=bulk_moves.MoveRules(
            move=lambda applications, to, reason: services.move_applications(
                applications=applications, to=to, by=request.user, reason=reason
            ),
            refused=services.ApplicationRefused,
            why_not_moved=services.why_not_moved,
        ),
        context={
            "target": dict(form.fields["vers"].choices)[form.cleaned_data["vers"]],
            "back": back,
            "filters": filters.urlencode(),
            "breadcrumb_data": {
                "links": [{"url": back, "title": _("Candidatures")}],
                "current": _("Changer l’état"),
            },
        },
        templates=(
            "backoffice/application_bulk_move_confirm.html",
            "backoffice/application_bulk_move_done.html",
        ),
    )


def _visible(request):
    return applications_visible_to(request.user).select_related("cohort").order_by("last_name")
