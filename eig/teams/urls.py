from django.urls import path

from eig.teams import views

app_name = "teams"

urlpatterns = [
    path("<int:number>/", views.teams, name="teams"),
    path("<int:number>/recalculer/", views.recompute, name="recompute"),
    path("<int:number>/verrouiller/", views.lock_view, name="lock"),
    path("<int:number>/publier/", views.publish_view, name="publish"),
]
