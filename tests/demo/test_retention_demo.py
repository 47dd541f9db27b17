"""The retention on the demo: two years after Promotion 2's decisions, its candidates not
retained are anonymised and its drafts never submitted deleted; the retained ones stay."""

from django.core import serializers
from django.core.management import call_command

from eig.applications.models import Application
from eig.applications.storage import private_storage
from eig.audit.models import AuditEntry
from eig.backoffice import stats
from eig.cohorts.models import Cohort


def test_two_years_after_promotion_2s_decisions(
    full_demo, capsys, django_capture_on_commit_callbacks
):
    applications = Application.objects.filter(cohort__number=2)
    drafts = set(applications.drafts().values_list("pk", flat=True))
    retained = applications.filter(status=Application.Status.SELECTED).order_by("pk")
    before = serializers.serialize("json", retained)
    not_retained = applications.exclude(status__in=["draft", "selected"])
    ids = set(not_retained.values_list("pk", flat=True))
    public_ids = [str(public_id) for public_id in not_retained.values_list("public_id", flat=True)]
    cv_names = [application.cv.name for application in not_retained if application.cv]
    promotion_2 = Cohort.objects.get(number=2)
    counts = (
        stats.choices_per_challenge(Application.objects.all(), promotion_2),
        stats.submissions_per_day(Application.objects.all(), promotion_2),
    )
    assert len(drafts) > 10 and len(ids) > 200 and retained.exists() and cv_names

    # The last decisions of Promotion 2 were taken on 12 December 2017.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("apply_retention", "--date", "2019-12-12")

    out = capsys.readouterr().out
    assert (
        f"Promotion 2 : {len(drafts)} brouillon(s) supprimé(s), {len(ids)} candidature(s) "
        "anonymisée(s)" in out
    )
    assert not Application.objects.filter(pk__in=drafts).exists()
    anonymised = Application.objects.filter(pk__in=ids)
    assert anonymised.filter(anonymised_at__isnull=False, last_name="", email="").count() == len(
        ids
    )
    assert not any(private_storage.exists(name) for name in cv_names)
    assert serializers.serialize("json", retained) == before
    assert (
        stats.choices_per_challenge(Application.objects.all(), promotion_2),
        stats.submissions_per_day(Application.objects.all(), promotion_2),
    ) == counts
    about_them = AuditEntry.objects.filter(target_id__in=public_ids)
    assert not about_them.exclude(target_label="candidature anonymisée").exists()
    # Promotion 3, whose call is open, is untouched.
    assert not Application.objects.filter(cohort__number=3, anonymised_at__isnull=False).exists()

    call_command("apply_retention", "--date", "2019-12-12")
    assert "Aucune candidature n’arrive au terme de sa conservation." in capsys.readouterr().out
