from django.urls import path, re_path

from eig.backoffice import stage_views, views

app_name = "backoffice"

urlpatterns = [
    path("candidatures/", views.application_list, name="application_list"),
    path("promotion/", views.switch_cohort, name="switch_cohort"),
    path(
        "candidatures/statistiques/",
        views.application_statistics,
        name="application_statistics",
    ),
    path("candidatures/etat/", stage_views.application_bulk_move, name="application_bulk_move"),
    re_path(
        r"^candidatures/export\.(?P<file_format>csv|xlsx|ods)$",
        views.application_export,
        name="application_export",
    ),
    path("candidatures/<uuid:public_id>/", views.application_detail, name="application_detail"),
    path("candidatures/<uuid:public_id>/cv/", views.application_cv, name="application_cv"),
    path(
        "candidatures/<uuid:public_id>/etat/",
        stage_views.application_move,
        name="application_move",
    ),
]
