from django.urls import path, re_path

from eig.opendata import views

app_name = "opendata"

urlpatterns = [
    path("donnees/", views.index, name="index"),
    path("donnees/<slug:slug>/", views.dataset_detail, name="dataset"),
    re_path(
        r"^donnees/(?P<slug>[-a-z]+)\.(?P<file_format>csv|json|schema\.json)$",
        views.download,
        name="download",
    ),
    path("statistiques/", views.statistics_page, name="statistics"),
    path("api/v1/docs", views.api_docs, name="api_docs"),
]
