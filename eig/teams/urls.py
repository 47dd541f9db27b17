from django.urls import path

from eig.teams import views

app_name = "teams"

urlpatterns = [
    path("<int:number>/", views.teams, name="teams"),
    path("<int:number>/recalculer/", views.recompute, name="recompute"),
    path("<int:number>/verrouiller/", views.lock_view, name="lock"),
    path("<int:number>/publier/", views.publish_view, name="publish"),
    path("<int:number>/imposer-ou-ecarter/", views.constraint_add, name="constraint_add"),
    path(
        "<int:number>/imposer-ou-ecarter/<int:pk>/retirer/",
        views.constraint_remove,
        name="constraint_remove",
    ),
]
