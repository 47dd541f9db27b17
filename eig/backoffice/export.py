"""The filtered list of applications as a CSV, XLSX or ODS file (built by `eig.exports`)."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from eig import exports
from eig.applications.models import MAX_CHOICES, Application

CHUNK_SIZE = 1000
IDENTITY_FIELDS = ["first_name", "last_name", "email", "phone", "city"]
LINK_FIELDS = ["code_forge_url", "portfolio_url", "professional_profile_url"]
ELIGIBILITY_FIELDS = [
    "available_full_time",
    "not_public_agent",
    "studies_completed",
    "accepts_rules",
    "consents_to_processing",
]


def download(applications, cohort, file_format):
    """The file of `applications`, which should come through `selectors.for_listing`.

    Read by chunks, their défis with each chunk, and written row by row: a national call's
    20,000 applications are never all in memory at once.
    """
    rows = (row(application) for application in applications.iterator(chunk_size=CHUNK_SIZE))
    title = _("Candidatures %(cohort)s") % {"cohort": cohort} if cohort else _("Candidatures")
    return exports.streamed_download(
        headers(), rows, file_format, file_name(cohort, file_format), title=title
    )


def file_name(cohort, file_format):
    """For example candidatures-promotion-2-2026-11-28.xlsx."""
    scope = f"promotion-{cohort.number}" if cohort else "toutes-promotions"
    return exports.file_name("candidatures", scope, file_format=file_format)


def headers():
    return [
        _("Identifiant"),
        _("Promotion"),
        *(verbose_name(field) for field in IDENTITY_FIELDS),
        verbose_name("profile"),
        verbose_name("years_of_experience"),
        verbose_name("status"),
        verbose_name("created_at"),
        verbose_name("submitted_at"),
        *(_("Choix n° %(rank)d") % {"rank": rank} for rank in range(1, MAX_CHOICES + 1)),
        *(verbose_name(field) for field in LINK_FIELDS),
        *(verbose_name(field) for field in ELIGIBILITY_FIELDS),
    ]


def row(application):
    challenges = {choice.rank: choice.challenge.name for choice in application.choices.all()}
    return [
        str(application.public_id),
        str(application.cohort),
        *(getattr(application, field) for field in IDENTITY_FIELDS),
        str(application.get_profile_display()),
        application.years_of_experience,
        str(application.get_status_display()),
        exports.paris_time(application.created_at),
        exports.paris_time(application.submitted_at),
        *(challenges.get(rank, "") for rank in range(1, MAX_CHOICES + 1)),
        *(getattr(application, field) for field in LINK_FIELDS),
        *(_("Oui") if getattr(application, field) else _("Non") for field in ELIGIBILITY_FIELDS),
    ]


def verbose_name(field):
    return str(capfirst(Application._meta.get_field(field).verbose_name))
