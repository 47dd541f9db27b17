"""The mentor's role. Which applications a mentor sees: `eig.applications.access.mentored_by`."""

from eig.accounts.access import Role
from eig.challenges.models import Mentor

MENTOR = Role("mentor", rows=lambda user: Mentor.objects.filter(user=user))
