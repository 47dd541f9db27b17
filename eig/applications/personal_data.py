"""What the apps above the applications hold about a candidate, gathered without importing them.

An app holding data about an application (its audition, its decisions, the jury's work...)
declares it in its own `personal_data.py` module: a subclass of `Holder`, decorated with
`@register`. The candidate's data export adds what each holder exports, and the retention
(eig.applications.retention) asks each holder to erase its free texts when it anonymises an
application. The modules are found the way Django finds `admin.py` modules.
"""

import dataclasses
import datetime

from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from eig.applications.models import Application

_holders = []
_discovered = False


@dataclasses.dataclass(frozen=True)
class Message:
    """A message the programme sent a candidate about an application, as their space lists it."""

    at: datetime.datetime
    kind: str  # what it is about, in a few words: "Annonce", "Décision"...
    subject: str
    body: str


class Holder:
    """The data an app holds about applications; `key` names its part of each exported one."""

    key = ""

    def export(self, application):
        """What the candidate gets in their export (JSON-ready), or None for nothing to export."""
        return None

    def messages(self, application):
        """The messages this app sent the candidate about `application` (Message instances)."""
        return []

    def erase(self, application_ids):
        """Blank the names and free texts kept about these applications (a list of their ids)."""


def register(holder_class):
    _holders.append(holder_class())
    return holder_class


def messages_to(application):
    """Every message the candidate received about `application`, the newest first."""
    found = [message for holder in holders() for message in holder.messages(application)]
    return sorted(found, key=lambda message: message.at, reverse=True)


def holders():
    global _discovered
    if not _discovered:
        autodiscover_modules("personal_data")
        _discovered = True
    return list(_holders)


@register
class StageNotices(Holder):
    """What the candidate was told of their application's stages in the applications app: why it
    was found irrecevable (e-mailed while the call was open), and their invitation to an audition
    (shown in their space, where they book a slot)."""

    key = "stage_notices"

    def export(self, application):
        return [
            {"subject": message.subject, "body": message.body, "at": message.at.isoformat()}
            for message in self.messages(application)
        ]

    def messages(self, application):
        found = []
        for transition in application.transitions.order_by("at", "pk"):
            if transition.to_status == Application.Status.INELIGIBLE:
                # Only then is the reason e-mailed (eig.applications.services._move).
                if application.cohort.is_application_call_open(transition.at):
                    found.append(
                        Message(
                            at=transition.at,
                            kind=_("Recevabilité"),
                            subject=_("Votre candidature est à compléter"),
                            body=transition.reason,
                        )
                    )
            elif transition.to_status == Application.Status.INVITED:
                found.append(
                    Message(
                        at=transition.at,
                        kind=_("Audition"),
                        subject=_("Vous êtes invité·e à une audition"),
                        body=_(
                            "Votre candidature est admissible : choisissez un créneau "
                            "d’audition dans votre espace."
                        ),
                    )
                )
        return found
