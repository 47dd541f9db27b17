from django.urls import path

from eig.challenge_jury.views import booking, jury, team

app_name = "challenge_jury"

urlpatterns = [
    path("jury-defis/", jury.home, name="home"),
    path("jury-defis/<uuid:public_id>/", jury.proposal, name="proposal"),
    path("jury-defis/<uuid:public_id>/grille-commune/", jury.consolidated, name="consolidated"),
    path("audition-defi/<uuid:public_id>/", booking.booking, name="booking"),
    path("audition-defi/<uuid:public_id>/audition.ics", booking.booking_ics, name="booking_ics"),
    path("equipe/jury-defis/<int:number>/", team.members, name="members"),
    path("equipe/jury-defis/<int:number>/membres/<int:pk>/", team.member, name="member"),
    path("equipe/jury-defis/<int:number>/groupes/", team.plan, name="plan"),
    path("equipe/jury-defis/<int:number>/groupes/<int:pk>/", team.group, name="group"),
    path(
        "equipe/jury-defis/propositions/<uuid:public_id>/grilles/",
        team.proposal_grids,
        name="proposal_grids",
    ),
]
