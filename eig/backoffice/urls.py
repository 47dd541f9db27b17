from django.urls import path, re_path

from eig.backoffice import views

app_name = "backoffice"

urlpatterns = [
    path("candidatures/", views.application_list, name="application_list"),
    path(
        "candidatures/statistiques/",
        views.application_statistics,
        name="application_statistics",
    ),
    re_path(
        r"^candidatures/export\.(?P<file_format>csv|xlsx|ods)$",
        views.application_export,
        name="application_export",
    ),
    path("candidatures/<uuid:public_id>/", views.application_detail, name="application_detail"),
    path("candidatures/<uuid:public_id>/cv/", views.application_cv, name="application_cv"),
]
