from django.urls import path, re_path

from eig.decisions import views
from eig.selection.views import exports

app_name = "decisions"

urlpatterns = [
    path("<int:number>/", views.decisions, name="decisions"),
    re_path(
        r"^(?P<number>[0-9]+)/export\.(?P<file_format>csv|xlsx|ods)$",
        exports.decisions_export,
        name="export",
    ),
    path("<int:number>/<str:outcome>/modele/", views.edit_template, name="edit_template"),
    path("<int:number>/<str:outcome>/envoyer/", views.send, name="send"),
]
