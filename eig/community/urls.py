from django.urls import path

from eig.community import views

app_name = "community"

urlpatterns = [
    path("ma-promotion/", views.home, name="home"),
    path("ma-promotion/profil/", views.my_profile, name="my_profile"),
    path("ma-promotion/profil/<int:pk>/", views.profile_edit, name="profile_edit"),
    path("ma-promotion/defis/<int:pk>/resultats/", views.challenge_results, name="results"),
    path("ma-promotion/agenda/", views.feed_create, name="feed_create"),
    path("ma-promotion/agenda/revoquer/", views.feed_revoke, name="feed_revoke"),
    path("profils/<int:pk>/photo/", views.profile_photo, name="profile_photo"),
    path("evenements/agenda.ics", views.public_feed, name="public_feed"),
    path("evenements/<int:pk>/", views.event_detail, name="event_detail"),
    path("evenements/<int:pk>/evenement.ics", views.event_ics, name="event_ics"),
    path("evenements/<int:pk>/inscription/", views.event_register, name="event_register"),
    path("evenements/<int:pk>/annulation/", views.event_cancel, name="event_cancel"),
    path("agenda/<str:token>.ics", views.cohort_feed, name="cohort_feed"),
    path("equipe/evenements/", views.team_events, name="team_events"),
    path("equipe/evenements/<int:pk>/presences/", views.attendance, name="attendance"),
]
