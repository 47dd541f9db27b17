"""The demo's Promotion 2: fellows, consented profiles, the 2018 calendar, a waiting list."""

from django.urls import reverse

from eig.community.models import Fellow, Profile, Registration
from eig.demo.community import demo_fellow, load_community_demo
from eig.demo.mentors import demo_mentor
from eig.events.models import Event


def test_the_demo_promotion_has_its_people_and_a_calendar_to_register_to(client, full_demo):
    promotion = full_demo.cohorts.get(number=2)
    fellow = demo_fellow(full_demo)
    assert fellow is not None and fellow.cohort == promotion
    counts = (Fellow.objects.count(), Profile.objects.count(), Registration.objects.count())

    load_community_demo(promotion, mentor=demo_mentor(full_demo))  # load_demo runs it each time

    assert counts == (
        Fellow.objects.count(),
        Profile.objects.count(),
        Registration.objects.count(),
    )
    page = client.get(reverse("cohort_detail", args=[2])).content.decode()
    shown = Profile.objects.filter(consented_at__isnull=False)
    assert shown.exists() and all(profile.name in page for profile in shown)
    assert Profile.objects.get(user=fellow.user).name not in page  # not consented yet
    full = Event.objects.get(title="Atelier accessibilité numérique")
    assert full.registrations.filter(status=Registration.Status.WAITING).exists()
    assert Event.objects.filter(kind=Event.Kind.DEMO_DAY, audience=Event.Audience.PUBLIC).exists()
    client.force_login(fellow.user)
    home = client.get(reverse("community:home")).content.decode()
    assert "Atelier accessibilité numérique" in home
