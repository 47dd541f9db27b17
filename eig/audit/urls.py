from django.urls import path

from eig.audit import views

urlpatterns = [path("", views.journal, name="audit_journal")]
