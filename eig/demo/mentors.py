"""A mentor to try the mentors' area: a défi of Promotion 2 with applications opened to them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from eig.applications.models import Application
from eig.challenges.models import Mentor

MENTOR_EMAIL_DOMAIN = "mentors.example.org"
OPENED_FROM = Application.Status.SHORTLISTED


def load_mentor_demo(cohort):
    """Open the cohort to mentors from the shortlist and give one défi's mentor an account.

    Returns that mentor, or None when no défi has both a mentor and applications to show.
    Idempotent: the account is keyed on its address, and the mentor row linked again each time
    (the loader recreates the rows whose data changed).
    """
    if not cohort.mentors_see_from_stage:
        cohort.mentors_see_from_stage = OPENED_FROM
        cohort.save(update_fields=["mentors_see_from_stage"])
    shown = Application.objects.visible_to_mentors().filter(cohort=cohort)
    challenges = [
        (shown.filter(choices__challenge=challenge).count(), challenge.name, challenge)
        for challenge in cohort.challenges.filter(mentors__isnull=False).distinct()
    ]
    if not challenges:
        return None
    count, _name, challenge = max(challenges, key=lambda entry: entry[:2])
    if not count:
        return None
    mentor = challenge.mentors.order_by("sort_order").first()
    slug = mentor.full_name.lower().translate(str.maketrans("éèëêçàïô ", "eeeecaio."))
    email = f"{slug}@{MENTOR_EMAIL_DOMAIN}"
    user, _created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email, "password": make_password(None)}
    )
    mentor.email = email
    mentor.user = user
    mentor.save(update_fields=["email", "user"])
    return mentor


def demo_mentor(programme):
    """The mentor `load_mentor_demo` prepared, for load_demo to print."""
    return (
        Mentor.objects.filter(
            challenge__cohort__programme=programme,
            email__endswith=f"@{MENTOR_EMAIL_DOMAIN}",
            user__isnull=False,
        )
        .select_related("challenge")
        .first()
    )
