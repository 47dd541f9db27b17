from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from eig.audit.models import AuditEntry
from eig.audit.services import ACTION_LABELS
from eig.backoffice.access import programme_team_required

PAGE_SIZE = 100


@programme_team_required
def journal(request):
    """Who looked at what and when; `?objet=<id>` narrows it to one application."""
    entries = AuditEntry.objects.all()
    target_id = request.GET.get("objet", "").strip()
    if target_id:
        entries = entries.filter(target_id=target_id)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/journal.html",
        {
            "page": page,
            "target_id": target_id,
            "labels": ACTION_LABELS,
            "breadcrumb_data": {
                "links": [{"url": "/equipe/candidatures/", "title": _("Espace de l'équipe")}],
                "current": _("Journal des accès"),
            },
        },
    )
