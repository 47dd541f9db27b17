from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.audit.models import Action, AuditEntry

PAGE_SIZE = 100


@access(PROGRAMME_TEAM)
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
            "labels": dict(Action.choices),
            "breadcrumb_data": {
                "links": [{"url": "/equipe/candidatures/", "title": _("Espace de l'équipe")}],
                "current": _("Journal des accès"),
            },
        },
    )
