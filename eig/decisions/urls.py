from django.urls import path, re_path

from eig.decisions import views

app_name = "decisions"

urlpatterns = [
    path("<int:number>/", views.decisions, name="decisions"),
    re_path(
        r"^(?P<number>[0-9]+)/export\.(?P<file_format>csv|xlsx|ods)$",
        views.export,
        name="export",
    ),
    path("<int:number>/<str:outcome>/modele/", views.edit_template, name="edit_template"),
    path("<int:number>/<str:outcome>/envoyer/", views.send, name="send"),
    path("<int:number>/<str:outcome>/renvoyer/", views.retry, name="retry"),
]
