from django.urls import path

from eig.selection.views import mentor

app_name = "mentor"

urlpatterns = [
    path("", mentor.home, name="home"),
    path("candidatures/<uuid:public_id>/", mentor.application, name="application"),
    path("candidatures/<uuid:public_id>/cv/", mentor.application_cv, name="application_cv"),
]
