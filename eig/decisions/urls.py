from django.urls import path

from eig.decisions import views

app_name = "decisions"

urlpatterns = [
    path("<int:number>/", views.decisions, name="decisions"),
    path("<int:number>/<str:outcome>/modele/", views.edit_template, name="edit_template"),
    path("<int:number>/<str:outcome>/envoyer/", views.send, name="send"),
]
