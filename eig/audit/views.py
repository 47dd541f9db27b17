from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.audit.forms import JournalFilterForm
from eig.audit.models import AuditEntry

PAGE_SIZE = 100


@access(PROGRAMME_TEAM)
def journal(request):
    """Who did or looked at what, and when; filtered by action, object or author."""
    form = JournalFilterForm(request.GET)
    # A wrong filter shows no entry rather than all of them: the error says what to fix.
    entries = AuditEntry.objects.none()
    if form.is_valid():
        entries = form.filter(AuditEntry.objects.all())
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/journal.html",
        {
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "breadcrumb_data": {
                "links": [{"url": "/equipe/candidatures/", "title": _("Espace de l'équipe")}],
                "current": _("Journal des accès"),
            },
        },
    )
