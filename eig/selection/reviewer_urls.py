from django.urls import path

from eig.selection.views import jury, reviews

app_name = "jury"

urlpatterns = [
    path("", jury.home, name="home"),
    path("<int:number>/expertise/", jury.expertise, name="expertise"),
    path("<int:number>/conflits/", jury.conflicts, name="conflicts"),
    path("candidatures/<uuid:public_id>/", jury.application, name="application"),
    path("candidatures/<uuid:public_id>/cv/", jury.application_cv, name="application_cv"),
    path("candidatures/<uuid:public_id>/evaluation/", reviews.evaluation, name="evaluation"),
    path("candidatures/<uuid:public_id>/soumission/", reviews.submission, name="submission"),
    path(
        "candidatures/<uuid:public_id>/discussion/",
        reviews.discussion_post,
        name="discussion",
    ),
]
