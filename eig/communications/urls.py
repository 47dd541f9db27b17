from django.urls import path

from eig.communications import views

urlpatterns = [
    path("", views.announcement_list, name="announcement_list"),
    path("nouvelle/", views.announcement_create, name="announcement_create"),
    path("<int:pk>/", views.announcement_detail, name="announcement_detail"),
    path("<int:pk>/envoyer/", views.announcement_send, name="announcement_send"),
]
