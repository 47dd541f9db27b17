from django.urls import path

from eig.accounts import proconnect_views, security_views, views

urlpatterns = [
    path("connexion/", views.sign_in, name="sign_in"),
    path("connexion/envoye/", views.sign_in_sent, name="sign_in_sent"),
    path("connexion/lien/<slug:token>/", views.sign_in_link, name="sign_in_link"),
    path("deconnexion/", views.sign_out, name="sign_out"),
    # Second factor, trusted browsers, re-authentication (eig.accounts.security).
    path("compte/securite/", security_views.account_security, name="account_security"),
    path(
        "compte/double-authentification/",
        security_views.second_factor_verify,
        name="second_factor_verify",
    ),
    path(
        "compte/double-authentification/activer/",
        security_views.second_factor_set_up,
        name="second_factor_set_up",
    ),
    path(
        "compte/double-authentification/desactiver/",
        security_views.second_factor_remove,
        name="second_factor_remove",
    ),
    path(
        "compte/double-authentification/codes-de-secours/",
        security_views.recovery_codes,
        name="recovery_codes",
    ),
    path(
        "compte/double-authentification/codes-de-secours/nouveaux/",
        security_views.recovery_codes_renew,
        name="recovery_codes_renew",
    ),
    path("compte/navigateur/", security_views.browser_confirmation, name="browser_confirmation"),
    path("compte/navigateur/<str:token>/", security_views.browser_confirm, name="browser_confirm"),
    path(
        "compte/reauthentification/",
        security_views.reauthenticate_by_link,
        name="reauthenticate_by_link",
    ),
    path("connexion/proconnect/", proconnect_views.proconnect_start, name="proconnect_start"),
    path(
        "connexion/proconnect/retour/",
        proconnect_views.proconnect_callback,
        name="proconnect_callback",
    ),
    path(
        "connexion/proconnect/deconnexion/",
        proconnect_views.proconnect_signed_out,
        name="proconnect_signed_out",
    ),
]
