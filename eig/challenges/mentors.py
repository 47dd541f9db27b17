"""Mentors' accounts: which accounts a défi's mentor may be linked to, and the invitation."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.http import urlencode

from eig.accounts.models import normalise_email
from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from eig.audit.models import Action
from eig.audit.services import record
from eig.challenges.tasks import send_mentor_invitation


class NoAddress(Exception):
    """A mentor without an e-mail address nor an account cannot be invited."""


def mentor_accounts():
    """The accounts a mentor row may name: staff, team, mentors, jury; never a mere candidate."""
    return (
        get_user_model()
        .objects.filter(
            Q(is_staff=True)
            | Q(groups__name=PROGRAMME_TEAM_GROUP)
            | Q(mentor_roles__isnull=False)
            | Q(reviewer_roles__isnull=False),
            is_active=True,
        )
        .distinct()
        .order_by("username")
    )


@transaction.atomic
def invite_mentor(*, mentor, by, request=None):
    """Link the mentor to their account (created from Mentor.email if needed) and e-mail them.

    The e-mail leads to the sign-in page, which sends a sign-in link back to that same address
    and then opens the mentors' area. Raises NoAddress when there is no address to write to.
    """
    if mentor.user is None:
        if not mentor.email:
            raise NoAddress
        email = normalise_email(mentor.email)
        mentor.user, _created = get_user_model().objects.get_or_create(
            username=email, defaults={"email": email, "password": make_password(None)}
        )
        mentor.save(update_fields=["user"])
    address = mentor.user.email or mentor.user.get_username()
    url = settings.SITE_URL + reverse("sign_in") + "?" + urlencode({"next": reverse("mentor:home")})
    values = {
        "email": address,
        "full_name": mentor.full_name,
        "challenge": mentor.challenge.name,
        "url": url,
    }
    transaction.on_commit(lambda: send_mentor_invitation.enqueue(**values))
    record(
        action=Action.MENTOR_INVITED,
        actor=by,
        target=mentor.challenge,
        request=request,
        data={"mentor": mentor.full_name, "email": address},
    )
    return address
