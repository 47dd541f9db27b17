"""The mentors of a défi in the Wagtail admin: their accounts, and their invitation by e-mail."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from eig.accounts.roles import is_programme_team
from eig.challenges.mentors import NoAddress, invite_mentor
from eig.challenges.models import Challenge, Mentor


def challenge_mentors(request, pk):
    """The défi's mentors, with a button each to (re)send the invitation to their space."""
    if not is_programme_team(request.user):
        raise Http404
    challenge = get_object_or_404(Challenge.objects.select_related("cohort"), pk=pk)
    if request.method == "POST":
        mentor = get_object_or_404(Mentor, pk=request.POST.get("mentor"), challenge=challenge)
        try:
            address = invite_mentor(mentor=mentor, by=request.user, request=request)
        except NoAddress:
            messages.error(
                request,
                _(
                    "%(name)s n’a ni adresse e-mail ni compte : ajoutez son adresse dans le défi, "
                    "puis invitez-le ou la de nouveau."
                )
                % {"name": mentor.full_name},
            )
        else:
            messages.success(
                request,
                _("Invitation envoyée à %(name)s (%(email)s).")
                % {"name": mentor.full_name, "email": address},
            )
        return redirect("challenge_mentors", pk=challenge.pk)
    return TemplateResponse(
        request,
        "challenges/admin/mentors.html",
        {
            "challenge": challenge,
            "mentors": challenge.mentors.select_related("user"),
            "edit_url": reverse("wagtailsnippets_challenges_challenge:edit", args=[challenge.pk]),
            "page_title": _("Mentors du défi « %(name)s »") % {"name": challenge.name},
            "header_title": _("Mentors du défi"),
            "header_icon": "group",
        },
    )


@hooks.register("register_admin_urls")
def mentor_urls():
    return [path("defis/<int:pk>/mentors/", challenge_mentors, name="challenge_mentors")]


@hooks.register("register_snippet_listing_buttons")
def invite_mentors_button(snippet, user, next_url=None):
    if isinstance(snippet, Challenge) and is_programme_team(user):
        yield ListingButton(
            _("Mentors et invitations"),
            reverse("challenge_mentors", args=[snippet.pk]),
            icon_name="mail",
            priority=20,
        )
