from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from eig.accounts.roles import is_programme_team


class ProgrammeTeamMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_team(request.user)


@hooks.register("register_admin_menu_item")
def register_back_office_menu_item():
    return ProgrammeTeamMenuItem(
        _("Candidatures reçues"),
        reverse_lazy("backoffice:application_list"),
        icon_name="form",
        order=160,
    )
