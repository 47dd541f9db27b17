"""The filtered list of applications as a CSV, XLSX or ODS file."""

import tablib
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from eig.applications.models import MAX_CHOICES, Application
from eig.backoffice.stats import PARIS

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
# A cell starting with one of these may be run as a formula by a spreadsheet (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
IDENTITY_FIELDS = ["first_name", "last_name", "email", "phone", "city"]
LINK_FIELDS = ["code_forge_url", "portfolio_url", "professional_profile_url"]
ELIGIBILITY_FIELDS = [
    "available_full_time",
    "not_public_agent",
    "studies_completed",
    "accepts_rules",
    "consents_to_processing",
]


def export_file(applications, file_format):
    """The bytes of the file: `applications` should come through `selectors.for_listing`."""
    dataset = tablib.Dataset(headers=headers())
    for application in applications:
        dataset.append([neutralised(value) for value in row(application)])
    if file_format == "csv":
        # The byte order mark tells spreadsheets the file is UTF-8, so accents survive.
        return ("\ufeff" + dataset.export("csv")).encode()
    return dataset.export(file_format)


def file_name(cohort, file_format):
    """For example candidatures-promotion-2-2026-11-28.xlsx."""
    scope = f"promotion-{cohort.number}" if cohort else "toutes-promotions"
    return f"candidatures-{scope}-{timezone.localdate(timezone=PARIS).isoformat()}.{file_format}"


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
        paris_time(application.created_at),
        paris_time(application.submitted_at),
        *(challenges.get(rank, "") for rank in range(1, MAX_CHOICES + 1)),
        *(getattr(application, field) for field in LINK_FIELDS),
        *(_("Oui") if getattr(application, field) else _("Non") for field in ELIGIBILITY_FIELDS),
    ]


def neutralised(value):
    """Text a spreadsheet would take for a formula, prefixed with an apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def paris_time(moment):
    # Spreadsheets have no time zones: the time as read in Paris, to the minute.
    if moment is None:
        return None
    return timezone.localtime(moment, PARIS).replace(tzinfo=None, second=0, microsecond=0)


def verbose_name(field):
    return str(capfirst(Application._meta.get_field(field).verbose_name))
