from django.urls import path

from eig.auditions.views import panel, team

app_name = "auditions"

urlpatterns = [
    path("", team.slot_list, name="slot_list"),
    path("creneaux/nouveaux/", team.slot_create, name="slot_create"),
    path("creneaux/<int:pk>/supprimer/", team.slot_delete, name="slot_delete"),
    path("jury/", panel.my_slots, name="my_slots"),
    path("<uuid:public_id>/grille/", panel.grid, name="grid"),
]
