from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.communications.forms import AnnouncementForm
from eig.communications.models import Announcement
from eig.communications.services import AlreadySent, announcement_recipients, send_announcement
from eig.links import absolute_links

BREADCRUMB_ROOT = {"url": "/equipe/candidatures/", "title": _("Espace de l'équipe")}


@access(PROGRAMME_TEAM)
def announcement_list(request):
    announcements = Announcement.objects.select_related("cohort")
    return render(
        request,
        "communications/announcement_list.html",
        {
            "announcements": announcements,
            "breadcrumb_data": {"links": [BREADCRUMB_ROOT], "current": _("Annonces")},
        },
    )


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def announcement_create(request):
    form = AnnouncementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        announcement = form.save(commit=False)
        announcement.created_by = request.user
        announcement.save()
        return redirect("announcement_detail", pk=announcement.pk)
    return render(
        request,
        "communications/announcement_form.html",
        {
            "form": form,
            "breadcrumb_data": {
                "links": [BREADCRUMB_ROOT, {"url": "/equipe/annonces/", "title": _("Annonces")}],
                "current": _("Nouvelle annonce"),
            },
        },
    )


@access(PROGRAMME_TEAM)
def announcement_detail(request, pk):
    announcement = get_object_or_404(Announcement.objects.select_related("cohort"), pk=pk)
    recipients = announcement_recipients(announcement.cohort)
    # A plain-text e-mail: escaped in full here, since the rendering marked it safe.
    preview = escape(
        absolute_links(
            render_to_string(
                "communications/email/announcement.txt",
                {"announcement": announcement, "application": {"first_name": _("Camille")}},
            )
        )
    )
    return render(
        request,
        "communications/announcement_detail.html",
        {
            "announcement": announcement,
            "recipients_count": recipients.count(),
            "preview": preview,
            "breadcrumb_data": {
                "links": [BREADCRUMB_ROOT, {"url": "/equipe/annonces/", "title": _("Annonces")}],
                "current": announcement.subject,
            },
        },
    )


@access(PROGRAMME_TEAM, methods=("POST",))
def announcement_send(request, pk):
    announcement = get_object_or_404(Announcement, pk=pk)
    try:
        announcement = send_announcement(
            announcement=announcement, by=request.user, request=request
        )
    except AlreadySent:
        messages.error(request, _("Cette annonce a déjà été envoyée : elle ne part qu'une fois."))
    else:
        messages.success(
            request,
            _("L'annonce part vers %(count)s candidat·e·s.")
            % {"count": announcement.recipients_count},
        )
    return redirect("announcement_detail", pk=pk)
