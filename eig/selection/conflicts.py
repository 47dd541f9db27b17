"""Conflict of interest detection, on plain data (no database): each rule is one function.

A reviewer and a candidate are in conflict when the reviewer works where the candidate works
now (same organisation name, ignoring case and accents, or same e-mail domain), or when the
reviewer comes from a host administration and the candidate chose a défi it hosts.
"""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# Addresses anyone can open: their domain says nothing about an employer.
PUBLIC_EMAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.fr",
        "yahoo.com",
        "hotmail.fr",
        "hotmail.com",
        "outlook.fr",
        "outlook.com",
        "live.fr",
        "msn.com",
        "icloud.com",
        "orange.fr",
        "wanadoo.fr",
        "free.fr",
        "sfr.fr",
        "laposte.net",
        "protonmail.com",
        "proton.me",
        "gmx.fr",
        "aol.com",
    }
)


@dataclass(frozen=True)
class ReviewerFacts:
    organisation: str
    email: str
    host_id: int | None = None


@dataclass(frozen=True)
class CandidateFacts:
    email: str
    latest_organisation: str = ""
    host_ids: frozenset[int] = field(default_factory=frozenset)


def normalise_organisation(name):
    """'  Ministère de l'Intérieur ' and 'ministere de l’interieur' compare equal."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def employer_domain(email):
    """The domain of a professional address, or '' for a public webmail or no address."""
    domain = email.rpartition("@")[2].strip().lower()
    return "" if domain in PUBLIC_EMAIL_DOMAINS else domain


def employer_reason(reviewer, candidate):
    """Why `reviewer` works where `candidate` works now (French, for the team), or None."""
    organisation = normalise_organisation(reviewer.organisation)
    if organisation and organisation == normalise_organisation(candidate.latest_organisation):
        return _("même organisation que l’employeur actuel de la personne candidate")
    domain = employer_domain(candidate.email)
    if domain and domain == employer_domain(reviewer.email):
        return _("même domaine de messagerie (%(domain)s) que la personne candidate") % {
            "domain": domain
        }
    return None


def host_reason(reviewer, candidate):
    """A reviewer of a host administration and a défi it hosts: the team may consent to it."""
    if reviewer.host_id is not None and reviewer.host_id in candidate.host_ids:
        return _("membre de l’administration d’accueil d’un défi choisi par la personne")
    return None


def most_recent_organisation(experiences):
    """Organisation of the latest experience: ongoing first, then latest end and start year.

    `experiences` are (position, start_year, end_year, organisation) tuples; among equals the
    one listed first (lowest position) wins.
    """
    ranked = sorted(
        experiences,
        key=lambda e: (e[2] is not None, -(e[2] or 0), -(e[1] or 0), e[0]),
    )
    return ranked[0][3] if ranked else ""


def names_exactly(query, *, first_name, last_name, emails):
    """Whether `query` is the person's whole name, either way round, or one of their addresses,
    ignoring case, accents and spaces: never a part of it, so a reviewer finds the people they
    know and cannot list the others by typing a few letters."""
    wanted = normalise_organisation(query)
    if not wanted:
        return False
    names = {f"{first_name} {last_name}", f"{last_name} {first_name}", *filter(None, emails)}
    return wanted in {normalise_organisation(name) for name in names}
