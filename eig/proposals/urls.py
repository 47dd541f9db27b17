from django.urls import path

from eig.proposals import views

app_name = "proposals"

urlpatterns = [
    path("", views.space, name="space"),
    path("proposer/", views.start, name="start"),
    path("propositions/<uuid:public_id>/", views.resume, name="resume"),
    path("propositions/<uuid:public_id>/recapitulatif/", views.review, name="review"),
    path("propositions/<uuid:public_id>/auteurs/", views.authors, name="authors"),
    path(
        "propositions/<uuid:public_id>/fichiers/<int:pk>/",
        views.attachment,
        name="attachment",
    ),
    path(
        "propositions/<uuid:public_id>/fichiers/<int:pk>/retirer/",
        views.attachment_delete,
        name="attachment_delete",
    ),
    path("propositions/<uuid:public_id>/<slug:slug>/", views.step, name="step"),
]
