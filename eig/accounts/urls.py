from django.urls import path

from eig.accounts import views

urlpatterns = [
    path("connexion/", views.sign_in, name="sign_in"),
    path("connexion/envoye/", views.sign_in_sent, name="sign_in_sent"),
    path("connexion/lien/<slug:token>/", views.sign_in_link, name="sign_in_link"),
    path("deconnexion/", views.sign_out, name="sign_out"),
]
