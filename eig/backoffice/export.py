"""The filtered list of applications as a CSV, XLSX or ODS file (built by `eig.exports`)."""

import itertools

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from eig import exports
from eig.applications.models import MAX_CHOICES, Application, ChallengeChoice
from eig.cohorts.models import Cohort

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
    title = _("Candidatures %(cohort)s") % {"cohort": cohort} if cohort else _("Candidatures")
    return exports.streamed_download(
        headers(), rows(applications), file_format, file_name(cohort, file_format), title=title
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


def rows(applications):
    """The rows of `applications` in their order, read as plain values: model instances, their
    prefetched défis and the labels translated again for each row took most of the time of a
    20,000-row export."""
    cohorts = {cohort.pk: str(cohort) for cohort in Cohort.objects.all()}
    profiles = {
        value: str(label) for value, label in Application._meta.get_field("profile").flatchoices
    }
    statuses = {value: str(label) for value, label in Application.Status.choices}
    yes, no = _("Oui"), _("Non")
    fields = [
        "pk", "public_id", "cohort_id", *IDENTITY_FIELDS, "profile", "years_of_experience",
        "status", "created_at", "submitted_at", *LINK_FIELDS, *ELIGIBILITY_FIELDS,
    ]  # fmt: skip
    values = applications.prefetch_related(None).values_list(*fields).iterator(CHUNK_SIZE)
    for chunk in itertools.batched(values, CHUNK_SIZE, strict=False):
        challenges = {}
        for application, rank, name in ChallengeChoice.objects.filter(
            application__in=[row[0] for row in chunk]
        ).values_list("application_id", "rank", "challenge__name"):
            challenges.setdefault(application, {})[rank] = name
        for pk, public_id, cohort, *rest in chunk:
            (*identity, profile, experience, status, created, submitted) = rest[:10]
            links, eligibility = rest[10:13], rest[13:]
            chosen = challenges.get(pk, {})
            yield [
                str(public_id),
                cohorts[cohort],
                *identity,
                profiles.get(profile, profile),
                experience,
                statuses.get(status, status),
                exports.paris_time(created),
                exports.paris_time(submitted),
                *(chosen.get(rank, "") for rank in range(1, MAX_CHOICES + 1)),
                *links,
                *(yes if value else no for value in eligibility),
            ]


def verbose_name(field):
    return str(capfirst(Application._meta.get_field(field).verbose_name))
