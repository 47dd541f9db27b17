from django.urls import path, re_path

from eig.backoffice import proposal_views, stage_views, views

app_name = "backoffice"

urlpatterns = [
    path("candidatures/", views.application_list, name="application_list"),
    path("promotion/", views.switch_cohort, name="switch_cohort"),
    path(
        "candidatures/statistiques/",
        views.application_statistics,
        name="application_statistics",
    ),
    path(
        "candidatures/statistiques/<slug:chart>.csv",
        views.statistics_csv,
        name="statistics_csv",
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
    # The call for défis: the proposals of the administrations.
    path("propositions/", proposal_views.proposal_list, name="proposal_list"),
    path("propositions/etape/", proposal_views.proposal_bulk_move, name="proposal_bulk_move"),
    re_path(
        r"^propositions/export\.(?P<file_format>csv|xlsx|ods)$",
        proposal_views.proposal_export,
        name="proposal_export",
    ),
    path(
        "propositions/decisions/<int:number>/<str:outcome>/",
        proposal_views.proposal_decisions,
        name="proposal_decisions",
    ),
    path("propositions/<uuid:public_id>/", proposal_views.proposal_detail, name="proposal_detail"),
    path(
        "propositions/<uuid:public_id>/etape/",
        proposal_views.proposal_move,
        name="proposal_move",
    ),
    path(
        "propositions/<uuid:public_id>/publier/",
        proposal_views.proposal_publish,
        name="proposal_publish",
    ),
    path(
        "propositions/<uuid:public_id>/pieces/<int:pk>/",
        proposal_views.proposal_attachment,
        name="proposal_attachment",
    ),
]
