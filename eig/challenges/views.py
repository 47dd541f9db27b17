"""The mentor area: the applications of the défis a mentor follows, read-only."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from eig.applications.access import applications_visible_to
from eig.applications.models import Application
from eig.audit.services import record_access_denied, record_view_by_someone_else
from eig.challenges.access import mentor_required, mentored_by
from eig.challenges.models import Mentor


@never_cache
@mentor_required
@require_GET
def home(request):
    visible = Application.objects.filter(pk__in=mentored_by(request.user))
    groups = [
        {
            "mentor": mentor,
            "applications": visible.filter(choices__challenge=mentor.challenge)
            .distinct()
            .order_by("last_name", "first_name"),
        }
        for mentor in Mentor.objects.filter(user=request.user)
        .select_related("challenge__cohort", "challenge__host")
        .order_by("challenge__name")
    ]
    return render(
        request,
        "challenges/mentor/home.html",
        {"groups": groups, "breadcrumb_data": {"current": _("Espace mentor")}},
    )


@never_cache
@mentor_required
@require_GET
def application(request, public_id):
    """Read-only; a mentor reaching an application they may not see gets a 404, recorded."""
    found = (
        applications_visible_to(request.user)
        .select_related("cohort")
        .filter(public_id=public_id)
        .first()
    )
    if found is None:
        record_access_denied(request=request, public_id=public_id)
        raise Http404
    record_view_by_someone_else(request=request, application=found)
    return render(
        request,
        "selection/jury/application.html",
        {
            "application": found,
            "choices": list(found.choices.select_related("challenge__host")),
            "experiences": list(found.experiences.all()),
            "evaluation_url": "",
            "area": _("Espace mentor"),
            "breadcrumb_data": {
                "links": [{"url": reverse("mentor:home"), "title": _("Espace mentor")}],
                "current": found.full_name,
            },
        },
    )
