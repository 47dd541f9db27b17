from django.urls import path

from eig.auditions.views import candidate

urlpatterns = [
    path("<uuid:public_id>/", candidate.booking, name="audition_booking"),
    path("<uuid:public_id>/audition.ics", candidate.calendar_file, name="audition_calendar"),
]
