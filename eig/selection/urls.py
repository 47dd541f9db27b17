from django.urls import path, re_path

from eig.selection.views import discussion, exports, scores, team

app_name = "selection"

urlpatterns = [
    path("<int:number>/jury/", team.reviewers, name="reviewers"),
    path("<int:number>/affectation/", team.assignment, name="assignment"),
    path("<int:number>/affectation/ajouter/", team.assignment_add, name="assignment_add"),
    path(
        "<int:number>/affectation/<int:pk>/retirer/",
        team.assignment_remove,
        name="assignment_remove",
    ),
    path("<int:number>/affectation/publier/", team.assignment_release, name="assignment_release"),
    path(
        "<int:number>/conflits/<int:pk>/autoriser/", team.conflict_consent, name="conflict_consent"
    ),
    path("candidatures/<uuid:public_id>/discussion/", discussion.thread, name="discussion"),
    path("<int:number>/notes/", scores.scores, name="scores"),
    path("<int:number>/notes/defis/<slug:slug>/", scores.ranking, name="ranking"),
    re_path(
        r"^(?P<number>[0-9]+)/notes/export\.(?P<file_format>csv|xlsx|ods)$",
        exports.scores_export,
        name="scores_export",
    ),
    re_path(
        r"^(?P<number>[0-9]+)/notes/evaluations/export\.(?P<file_format>csv|xlsx|ods)$",
        exports.reviews_export,
        name="reviews_export",
    ),
    re_path(
        r"^(?P<number>[0-9]+)/notes/defis/(?P<slug>[-a-zA-Z0-9_]+)/"
        r"export\.(?P<file_format>csv|xlsx|ods)$",
        exports.ranking_export,
        name="ranking_export",
    ),
]
