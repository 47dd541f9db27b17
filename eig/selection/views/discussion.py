"""The team's side of an application's discussion: its thread, and a message to it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.applications.access import application_or_404
from eig.selection import discussion
from eig.selection.access import applications_visible_to


def team_application_or_404(request, public_id):
    return application_or_404(
        request, applications_visible_to(request.user), public_id, page="discussion"
    )


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"), get_object=team_application_or_404)
def thread(request, application):
    """The thread alone (the application's page shows it too); a refused message comes back
    here, with its error and its text."""
    form = discussion.DiscussionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        discussion.post_comment(
            application=application,
            by=request.user,
            body=form.cleaned_data["body"],
            request=request,
        )
        messages.success(request, _("Votre message est publié."))
        return redirect(
            reverse("backoffice:application_detail", args=[application.public_id]) + "#discussion"
        )
    return render(
        request,
        "selection/team/discussion.html",
        {
            "application": application,
            "comment_form": form,
            "breadcrumb_data": {
                "links": [
                    {
                        "url": reverse(
                            "backoffice:application_detail", args=[application.public_id]
                        ),
                        "title": str(application),
                    }
                ],
                "current": _("Discussion"),
            },
        },
    )
