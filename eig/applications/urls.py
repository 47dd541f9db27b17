from django.urls import path

from eig.applications.views import addresses, cv, review, space, start, steps

urlpatterns = [
    path("candidater/", start.start, name="application_start"),
    path("candidater/<int:number>/", steps.resume, name="application_resume"),
    path("candidater/<int:number>/recapitulatif/", review.review, name="application_review"),
    path(
        "candidater/<int:number>/confirmation/",
        review.confirmation,
        name="application_confirmation",
    ),
    path("candidater/<int:number>/<slug:slug>/", steps.step, name="application_step"),
    path(
        "candidater/<int:number>/<slug:slug>/brouillon/",
        steps.autosave,
        name="application_autosave",
    ),
    path("mon-espace/", space.index, name="candidate_space"),
    path("confirmer-mon-adresse/<slug:token>/", addresses.confirm, name="address_confirmation"),
    path("mon-espace/mes-donnees/", space.export, name="candidate_data_export"),
    path("mon-espace/candidatures/<uuid:public_id>/", space.detail, name="candidate_application"),
    path(
        "mon-espace/candidatures/<uuid:public_id>/recepisse/",
        space.receipt,
        name="application_receipt",
    ),
    path(
        "mon-espace/candidatures/<uuid:public_id>/retirer/",
        space.withdraw,
        name="application_withdraw",
    ),
    path(
        "mon-espace/candidatures/<uuid:public_id>/supprimer/",
        space.delete,
        name="application_delete",
    ),
    path("mon-espace/candidatures/<uuid:public_id>/cv/", cv.download, name="application_cv"),
]
