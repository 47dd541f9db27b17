from django.urls import path

from eig.challenges import views

app_name = "mentor"

urlpatterns = [
    path("", views.home, name="home"),
    path("candidatures/<uuid:public_id>/", views.application, name="application"),
]
